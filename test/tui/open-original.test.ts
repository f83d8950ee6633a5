import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/library/types.js';
import { bundledArticles } from '../render/fixtures.js';
import { press, screen, startState } from './helpers.js';

/** `o` in an article with no link picked opens the article's own original, as a feed item's page. */
function withUrl(url: string | null): Article[] {
  const [first, ...rest] = bundledArticles();
  return [{ ...first, url }, ...rest];
}

describe("o on an article opens its original", () => {
  it('asks to open the http(s) original when no link is picked', () => {
    const state = press(startState({ articles: withUrl('https://news.example/story'), problems: [] }), 'enter', 'o');
    expect(screen(state)).toBe('article');
    expect(state.request).toMatchObject({ kind: 'open-url', url: 'https://news.example/story' });
  });

  it('never opens an original that is not http(s), and Enter never opens the original', () => {
    const unsafe = press(startState({ articles: withUrl('javascript:alert(1)'), problems: [] }), 'enter', 'o');
    expect(unsafe.request).toBeNull();
    const enter = press(startState({ articles: withUrl('https://news.example/story'), problems: [] }), 'enter', 'enter');
    expect(enter.request).toBeNull();
  });
});
