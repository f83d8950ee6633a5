import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/library/types.js';
import { reduceAndRead } from '../../src/tui/article-text.js';
import { Command, NO_KEY } from '../../src/tui/keymap.js';
import { reduce } from '../../src/tui/reduce.js';
import { makeArticle } from '../render/fixtures.js';
import { keyAction, reader, screen, startState } from './helpers.js';

/** An article whose text, like one from the cache index, is read when asked for: the reads are counted. */
function countingArticle(body: string): { article: Article; reads: () => number } {
  const plain = makeArticle({ body, title: 'Counted' });
  let reads = 0;
  const article = { ...plain } as Article;
  Object.defineProperty(article, 'body', { get: () => (reads++, plain.body) });
  Object.defineProperty(article, 'paragraphs', { get: () => (reads++, plain.paragraphs) });
  return { article, reads: () => reads };
}

const BODY = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the counted article, long enough to wrap at a narrow width.`).join('\n\n');

describe('the article text travels with the article', () => {
  it('the reducer asks for the text and never reads it', () => {
    const { article, reads } = countingArticle(BODY);
    const state = reduce(startState({ articles: [article], problems: [] }), { type: 'command', command: Command.Open });
    expect(reads()).toBe(0);
    expect(state.opening).toMatchObject({ kind: 'open-article', index: 0 });
    expect(screen(state)).toBe('list');
  });

  it('reads it once on opening, then lays out again from the slice on a resize', () => {
    const { article, reads } = countingArticle(BODY);
    let state = reduceAndRead(startState({ articles: [article], problems: [] }, { cols: 80, rows: 24 }), keyAction('enter'));
    expect(screen(state)).toBe('article');
    expect(state.opening).toBeNull();
    const afterOpen = reads();
    expect(afterOpen).toBeGreaterThan(0);
    const wide = reader(state)!.doc.lines.length;
    state = reduceAndRead(state, { type: 'resize', size: { cols: 40, rows: 12 } });
    expect(reader(state)!.doc.lines.length).toBeGreaterThan(wide);
    expect(reads()).toBe(afterOpen);
  });

  it('keys typed with Enter at once go to the article it opens', () => {
    const { article } = countingArticle(BODY);
    const state = reduceAndRead(startState({ articles: [article], problems: [] }), { type: 'key', input: '\rjj', key: NO_KEY });
    expect(screen(state)).toBe('article');
    expect(reader(state)!.viewport.top).toBe(2);
  });
});
