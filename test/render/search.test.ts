import { describe, expect, it } from 'vitest';
import { findMatches, highlightRanges } from '../../src/render/search.js';
import { stripStyle } from '../../src/render/text.js';

describe('findMatches', () => {
  it('finds every occurrence, ignoring case, line by line', () => {
    const matches = findMatches(['Ceasefire talks', 'no ceasefire, no CEASEFIRE', 'nothing'], 'ceasefire');
    expect(matches).toEqual([
      { line: 0, start: 0, end: 9 },
      { line: 1, start: 3, end: 12 },
      { line: 1, start: 17, end: 26 },
    ]);
  });

  it('finds nothing for an empty query', () => {
    expect(findMatches(['abc'], '')).toEqual([]);
  });
});

describe('highlightRanges', () => {
  it('marks ranges in inverse video without changing the text', () => {
    const out = highlightRanges('say ceasefire now', [{ start: 4, end: 13, current: false }]);
    expect(out).toBe('say \x1b[7mceasefire\x1b[27m now');
    expect(stripStyle(out)).toBe('say ceasefire now');
  });

  it('counts offsets in the unstyled text when the line is styled', () => {
    const line = 'a \x1b[1mbold\x1b[22m word';
    const out = highlightRanges(line, [{ start: 2, end: 6, current: true }]);
    expect(stripStyle(out)).toBe('a bold word');
    expect(out).toBe('a \x1b[4;7m\x1b[1mbold\x1b[24;27m\x1b[22m word');
  });
});
