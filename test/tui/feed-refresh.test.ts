import { describe, expect, it } from 'vitest';
import { reduce } from '../../src/tui/reduce.js';
import { bundledArticles, makeArticle } from '../render/fixtures.js';
import { press, screen, startState } from './helpers.js';

const articles = bundledArticles();
const fresh = makeArticle({ body: 'Fresh news from a feed.', title: 'Fresh feed item', source: 'Wire', date: '2099-01-01' });
const refreshed = { articles: [{ ...fresh, path: '/feeds/wire/fresh.md', id: 'fresh' }, ...articles], problems: [{ path: 'http://wire.test/feed', reason: 'feed not refreshed: HTTP 500 Internal Server Error' }] };

describe('r: refreshing the feeds from the reader', () => {
  it('starts one refresh at a time, shows its progress, then the new items with what failed', () => {
    let state = press(startState({ articles, problems: [] }), 'r');
    expect(state.refresh).toMatchObject({ id: 1, running: true });
    state = press(state, 'r');
    expect(state.refresh.id).toBe(1);
    state = reduce(state, { type: 'refresh-progress', text: 'Refreshing feeds: 1 of 2 done…' });
    expect(state.refresh.text).toBe('Refreshing feeds: 1 of 2 done…');
    state = press(state, 'j');
    expect(state.list.viewport.cursor).toBe(1);
    state = reduce(state, { type: 'refresh-done', load: refreshed });
    expect(state.refresh.running).toBe(false);
    expect(state.articles[0].title).toBe('Fresh feed item');
    expect(state.message).toBe('Refreshed: 1 new article, 1 feed failed (HTTP 500 Internal Server Error)');
    // The selection stays on the article it was on.
    expect(state.articles[state.list.visible[state.list.viewport.cursor]].path).toBe(articles[1].path);
  });

  it('keeps an open article as it is and shows the new library back on the list', () => {
    let state = press(startState({ articles, problems: [] }), 'r', 'enter');
    expect(screen(state)).toBe('article');
    state = reduce(state, { type: 'refresh-done', load: refreshed });
    expect(state.articles).toHaveLength(articles.length);
    expect(state.message).toMatch(/show when you are back on the list/);
    state = press(state, 'escape');
    expect(screen(state)).toBe('list');
    expect(state.articles).toHaveLength(articles.length + 1);
  });
});

describe('a warm start whose check found the files changed since the cache index', () => {
  it('shows the library on disk and says what changed: new, edited and gone', () => {
    let state = press(startState({ articles, problems: [] }), 'j');
    const edited = { ...articles[1], title: 'Edited on disk', mtimeMs: articles[1].mtimeMs + 1000 };
    const onDisk = { articles: [{ ...fresh, path: '/library/fresh.md', id: 'fresh' }, articles[0], edited], problems: [] };
    state = reduce(state, { type: 'library-changed', load: onDisk });
    expect(state.articles.map((article) => article.title)).toEqual(onDisk.articles.map((article) => article.title));
    expect(state.message).toBe(`Files changed since the last start: 1 new, 1 edited, ${articles.length - 2} gone`);
    expect(state.articles[state.list.visible[state.list.viewport.cursor]].path).toBe(articles[1].path);
  });

  it('changes only the notice when the articles are the same (a problem found, say), and waits for the list', () => {
    const problems = [{ path: '/library/dangling.md', reason: 'dangling symbolic link: its target does not exist' }];
    let state = startState({ articles, problems: [] });
    state = reduce(state, { type: 'library-changed', load: { articles, problems } });
    expect(state.message ?? '').not.toMatch(/Files changed/);
    expect(state.details.length).toBeGreaterThan(0);
    state = press(startState({ articles, problems: [] }), 'enter');
    state = reduce(state, { type: 'library-changed', load: { articles: articles.slice(1), problems: [] } });
    expect(state.articles).toHaveLength(articles.length);
    expect(state.message).toMatch(/updated when you are back on it/);
    state = press(state, 'escape');
    expect(state.articles).toHaveLength(articles.length - 1);
    expect(state.message).toBe('Files changed since the last start: 1 gone');
  });
});
