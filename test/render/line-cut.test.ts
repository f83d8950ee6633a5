import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/render/article.js';
import { MAX_RENDERED_LINE_CHARS } from '../../src/render/limits.js';
import { capLineLength, stripStyle } from '../../src/render/text.js';
import { makeArticle } from './fixtures.js';

describe('the line-cut marker', () => {
  for (const length of [MAX_RENDERED_LINE_CHARS + 10_000, 5_000_000]) {
    it(`counts the characters really cut from a ${length.toLocaleString('en-US')}-character line, not its own length`, () => {
      const { lines } = renderArticle(makeArticle({ body: 'x'.repeat(length) }), { width: 80, color: false });
      const text = lines.map(stripStyle).join('');
      const counts = [...text.matchAll(/line cut: (\d+) more characters not shown/g)].map((match) => Number(match[1]));
      expect(counts).toEqual([length - MAX_RENDERED_LINE_CHARS]);
    });
  }

  it('leaves a line that was already cut as it is', () => {
    const once = capLineLength('y'.repeat(MAX_RENDERED_LINE_CHARS * 2));
    expect(capLineLength(once)).toBe(once);
  });
});
