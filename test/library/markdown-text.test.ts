import { describe, expect, it } from 'vitest';
import { countWords, isWhitespace } from '../../src/library/markdown-text.js';

describe('isWhitespace', () => {
  it('is exactly /\\s/ for every UTF-16 code unit (the filter and the word count split on it)', () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhitespace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code);
    expect(differ).toEqual([]);
  });

  it('counts words as /\\S+/g does', () => {
    for (const text of ['', ' ', 'one', ' two  words ', 'a\u00a0b\u2003c\td\ne', '\ufeffx']) {
      expect(countWords(text)).toBe(text.match(/\S+/g)?.length ?? 0);
    }
  });
});
