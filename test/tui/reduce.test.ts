import { describe, expect, it } from 'vitest';
import { findMatches } from '../../src/render/search.js';
import { stripStyle } from '../../src/render/text.js';
import { articleHeight, pagedHeight } from '../../src/tui/layout.js';
import { withCurrentPosition } from '../../src/tui/model.js';
import { readKey } from '../../src/tui/read-key.js';
import { reduce } from '../../src/tui/reduce.js';
import { carryPosition, paragraphAt } from '../../src/tui/screens/article.js';
import { bundledArticles, fixtureArticles } from '../render/fixtures.js';
import { editing, press, reader, screen, slowArticles, startState, typeText } from './helpers.js';

const articles = [...bundledArticles(), ...fixtureArticles()];
const load = { articles, problems: [] };

/** A word that appears in exactly one article's title and nowhere else in any article. */
function uniqueTitleWord(index: number): string {
  const others = articles.filter((_, i) => i !== index).map((a) => `${a.title} ${a.tags.join(' ')} ${a.body}`.toLowerCase());
  const word = articles[index].title
    .split(/[^\p{L}]+/u)
    .find((w) => w.length >= 5 && !others.some((text) => text.includes(w.toLowerCase())));
  if (!word) throw new Error('no unique word');
  return word;
}

describe('list', () => {
  it('moves the selection with j/k and arrows, within bounds', () => {
    let state = startState(load);
    state = press(state, 'j', 'down');
    expect(state.list.viewport.cursor).toBe(2);
    state = press(state, 'k', 'up', 'up', 'k');
    expect(state.list.viewport.cursor).toBe(0);
    state = press(state, 'G');
    expect(state.list.viewport.cursor).toBe(articles.length - 1);
  });

  it('filters as you type over title, tags and body, and Esc clears the filter', () => {
    const target = articles.findIndex((a) => a.title.includes('ferry'));
    const word = uniqueTitleWord(target);
    let state = typeText(press(startState(load), '/'), word.toLowerCase());
    expect(state.list.visible).toEqual([target]);
    expect(editing(state, 'filter')).toBe(true);
    state = press(state, 'enter');
    expect(editing(state, 'filter')).toBe(false);
    expect(state.list.visible).toEqual([target]);
    state = press(state, 'escape');
    expect(state.list.visible).toHaveLength(articles.length);

    const tag = articles[target].tags[0];
    state = typeText(press(startState(load), '/'), tag);
    expect(state.list.visible).toContain(target);
  });

  it('types q into the filter instead of quitting, but Ctrl+C quits', () => {
    let state = typeText(press(startState(load), '/'), 'q');
    expect(state.quit).toBe(false);
    expect(state.list.filter).toBe('q');
    state = press(state, 'ctrl-c');
    expect(state.quit).toBe(true);
  });

  it('keeps the selection on screen in a long list', () => {
    const many = { articles: Array.from({ length: 200 }, (_, i) => ({ ...articles[0], path: `/a/${i}.md` })), problems: [] };
    let state = startState(many, { rows: 10 });
    state = press(state, 'pagedown', 'pagedown', 'j');
    const height = pagedHeight(state.size);
    expect(state.list.viewport.cursor).toBe(height * 2 + 1);
    expect(state.list.viewport.cursor).toBeGreaterThanOrEqual(state.list.viewport.top);
    expect(state.list.viewport.cursor).toBeLessThan(state.list.viewport.top + height);
  });

  it('reports load problems once, on the list, until an article is opened', () => {
    const state = startState({ articles, problems: [{ path: '/x/broken.md', reason: 'not UTF-8' }] });
    expect(state.notice).toMatch(/1 file not loaded \(broken\.md: not UTF-8\)/);
    expect(press(state, 'enter').notice).toBeNull();
  });
});

describe('article', () => {
  const longest = articles.reduce((best, a, i) => (a.words > articles[best].words ? i : best), 0);
  const open = (rows = 24, cols = 80) => press(press(startState(load, { rows, cols }), ...Array(longest).fill('j')), 'enter');

  it('opens the selected article and marks it read', () => {
    const state = open();
    expect(screen(state)).toBe('article');
    expect(reader(state)?.index).toBe(longest);
    expect(readKey(articles[longest]) in state.readState.articles).toBe(true);
  });

  it('scrolls by line, page, half page and to either end, never past the end', () => {
    let state = open();
    const height = articleHeight(state.size, 0);
    const total = reader(state)!.doc.lines.length;
    state = press(state, 'j', 'j', 'down');
    expect(reader(state)!.viewport.top).toBe(3);
    state = press(state, 'k');
    expect(reader(state)!.viewport.top).toBe(2);
    state = press(state, ' ');
    expect(reader(state)!.viewport.top).toBe(2 + height);
    state = press(state, 'b', 'd');
    expect(reader(state)!.viewport.top).toBe(2 + Math.ceil(height / 2));
    state = press(state, 'G');
    expect(reader(state)!.viewport.top).toBe(total - height);
    state = press(state, 'j', 'pagedown', 'end');
    expect(reader(state)!.viewport.top).toBe(total - height);
    state = press(state, 'g');
    expect(reader(state)!.viewport.top).toBe(0);
  });

  it('searches, counts matches and steps through them with n and N, wrapping around', () => {
    let state = typeText(press(open(), '/'), 'ukraine');
    expect(editing(state, 'search')).toBe(true);
    state = press(state, 'enter');
    const expected = findMatches(reader(state)!.doc.lines.map(stripStyle), 'ukraine').length;
    expect(expected).toBeGreaterThan(2);
    expect(reader(state)!.search.matches).toHaveLength(expected);
    expect(reader(state)!.search.current).toBe(0);
    state = press(state, 'n', 'n');
    expect(reader(state)!.search.current).toBe(2);
    const match = reader(state)!.search.matches[2];
    expect(match.line).toBeGreaterThanOrEqual(reader(state)!.viewport.top);
    expect(match.line).toBeLessThan(reader(state)!.viewport.top + articleHeight(state.size, 0));
    state = press(state, 'N', 'N', 'N');
    expect(reader(state)!.search.current).toBe(expected - 1);
  });

  it('says so when a search finds nothing', () => {
    const state = press(typeText(press(open(), '/'), 'zzqqxx'), 'enter');
    expect(state.message).toMatch(/Not found: zzqqxx/);
  });

  it('picks links with Tab and digits and asks to open only http(s) ones', () => {
    const ferry = articles.findIndex((a) => a.title.includes('ferry'));
    let state = press(press(startState(load), ...Array(ferry).fill('j')), 'enter');
    state = press(state, 'tab');
    expect(reader(state)!.link).toBe(0);
    state = press(state, 'o');
    expect(state.request).toMatchObject({ kind: 'open-url', url: reader(state)!.doc.links[0].url });
    state = reduce(state, { type: 'request-done', id: state.request!.id });
    const javascript = reader(state)!.doc.links.findIndex((link) => link.url.startsWith('javascript:'));
    state = press(state, String(javascript + 1));
    expect(reader(state)!.link).toBe(javascript);
    state = press(state, 'o');
    expect(state.request).toBeNull();
    expect(state.message).toMatch(/Only http and https/);
    state = press(state, 'shift-tab');
    expect(reader(state)!.link).toBe(javascript - 1);
    state = press(state, 'escape');
    expect(reader(state)!.link).toBeNull();
    expect(screen(state)).toBe('article');
  });

  it('never opens a link without a key press', () => {
    const ferry = articles.findIndex((a) => a.title.includes('ferry'));
    const state = press(press(startState(load), ...Array(ferry).fill('j')), 'enter', 'tab', 'j', 'k', 'G');
    expect(state.request).toBeNull();
  });

  it('goes back with Esc, h or Left and remembers the paragraph it was at', () => {
    let state = press(open(), 'pagedown', 'pagedown');
    const paragraph = paragraphAt(reader(state)!.doc.paragraphLines, reader(state)!.viewport.top);
    expect(paragraph).toBeGreaterThan(0);
    state = press(state, 'h');
    expect(screen(state)).toBe('list');
    expect(state.readState.articles[readKey(articles[longest])].paragraph).toBe(paragraph);
    state = press(state, 'enter');
    expect(paragraphAt(reader(state)!.doc.paragraphLines, reader(state)!.viewport.top)).toBe(paragraph);
    expect(screen(press(state, 'left'))).toBe('list');
    expect(screen(press(state, 'escape'))).toBe('list');
  });

  it('keeps the same paragraph on screen across resizes', () => {
    let state = press(open(24, 100), 'pagedown', 'pagedown', 'j', 'j', 'j');
    const before = reader(state)!;
    const paragraph = paragraphAt(before.doc.paragraphLines, before.viewport.top);
    for (const size of [{ cols: 40, rows: 12 }, { cols: 20, rows: 6 }, { cols: 200, rows: 50 }, { cols: 63, rows: 24 }]) {
      state = reduce(state, { type: 'resize', size });
      const article = reader(state)!;
      const height = articleHeight(size, 0);
      const start = article.doc.paragraphLines[paragraph];
      const end = article.doc.paragraphLines[paragraph + 1] ?? article.doc.lines.length;
      // Some line of the paragraph is on screen.
      expect(start < article.viewport.top + height && end > article.viewport.top).toBe(true);
    }
  });

  it('maps a position between layouts by paragraph and the text within it', () => {
    // The same text at half the width: twice the lines.
    const before = { lines: [...Array(10).fill('aaaa'), ...Array(20).fill('aaaa'), ...Array(50).fill('aaaa')], paragraphLines: [0, 10, 30], links: [], linkLines: [] };
    const after = { lines: [...Array(20).fill('aa'), ...Array(40).fill('aa'), ...Array(100).fill('aa')], paragraphLines: [0, 20, 60], links: [], linkLines: [] };
    expect(carryPosition(before, after, 15)).toBe(30);
    expect(carryPosition(before, after, 30)).toBe(60);
  });

  it('keeps the words that were at the top on the top line, however they re-wrap', () => {
    const before = { lines: ['Title', 'one two', 'three four', 'five six', 'seven'], paragraphLines: [0, 1], links: [], linkLines: [] };
    const after = { lines: ['Title', 'one two three', 'four five six', 'seven'], paragraphLines: [0, 1], links: [], linkLines: [] };
    expect(after.lines[carryPosition(before, after, 3)]).toContain('five six');
    expect(after.lines[carryPosition(before, after, 4)]).toBe('seven');
    expect(carryPosition(after, before, 2)).toBe(2);
  });

  it('records the position when quitting from an article', () => {
    const state = press(open(), 'pagedown', 'pagedown', 'Q');
    expect(state.quit).toBe(true);
    expect(state.readState).toEqual(withCurrentPosition({ ...state }));
  });
});

describe('help and too small', () => {
  it('opens help from anywhere and returns where it was', () => {
    let state = press(startState(load), 'enter', '?');
    expect(screen(state)).toBe('help');
    state = press(state, 'j', 'escape');
    expect(screen(state)).toBe('article');
    state = press(state, 'h', '?', '?');
    expect(screen(state)).toBe('list');
  });

  it('below 20x6 ignores everything but quitting', () => {
    let state = startState(load, { cols: 19, rows: 6 });
    state = press(state, 'j', 'enter');
    expect(screen(state)).toBe('list');
    expect(state.list.viewport.cursor).toBe(0);
    expect(press(state, 'q').quit).toBe(true);
  });

  it('opens the summary with s and the comparison with c, asking for the analysis', () => {
    const summary = press(startState(load), 'j', 's');
    expect(screen(summary)).toBe('summary');
    expect(summary.job).toEqual({ kind: 'summary', article: summary.list.visible[1] });
    const compare = press(startState(load), 'c');
    expect(screen(compare)).toBe('compare');
    expect(compare.job).toMatchObject({ kind: 'compare' });
  });
});

describe('filtering a library whose index is not complete yet', () => {
  it('answers each key within its budget with what it found so far, and goes on as the index grows', () => {
    // 16 of these are past a key's budget.
    const slow = slowArticles(bundledArticles()[0], 120, 2, (i) => (i % 5 === 0 ? 'The harbour reopened.' : 'Nothing new.'));
    let state = typeText(press(startState({ articles: slow, problems: [] }), '/'), 'harbour');
    expect(state.list.searching).toBe(true);
    expect(state.index.complete).toBe(false);
    const want = slow.flatMap((article, i) => (i % 5 === 0 ? [i] : []));
    expect(want).toEqual(expect.arrayContaining(state.list.visible));
    state.index.prepare(undefined);
    state = reduce(state, { type: 'index-grown' });
    expect(state.list.searching).toBe(false);
    expect(state.list.visible).toEqual(want);
  });
});

describe('a message told from outside the reducer', () => {
  it('reaches the status line without control characters or line breaks', () => {
    const state = reduce(startState({ articles: bundledArticles(), problems: [] }), { type: 'message', text: 'Files changed, but /lib/\x1b]0;owned\x07a.md:\nEACCES' });
    expect(state.message).not.toMatch(/[\x00-\x1f\x7f]/);
    expect(state.message).toContain('EACCES');
  });
});
