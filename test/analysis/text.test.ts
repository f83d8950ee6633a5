import { describe, expect, it } from 'vitest';
import { analysisText, nextWords, paragraphOffset, paragraphStarts } from '../../src/analysis/text.js';

describe('offsets in the analysis text', () => {
  it('gives each paragraph the offset it has in the joined text', () => {
    const paragraphs = ['One two.', 'Three.', '', 'Four five six.'];
    const text = analysisText({ paragraphs });
    const starts = paragraphStarts(paragraphs);
    paragraphs.forEach((paragraph, i) => {
      expect(starts[i]).toBe(paragraphOffset(paragraphs, i));
      expect(text.slice(starts[i], starts[i] + paragraph.length)).toBe(paragraph);
    });
  });

  it('reads up to four words after a position, with where each ends', () => {
    const text = 'killed 17 Ukrainian civilians in the city';
    const words = nextWords(text, 9, /\s+([\p{L}]+)/u);
    expect(words.map((w) => w.word)).toEqual(['Ukrainian', 'civilians', 'in', 'the']);
    expect(text.slice(0, words[1].end)).toBe('killed 17 Ukrainian civilians');
    expect(nextWords(text, 9, /\s+([\p{L}]+)/uy, 2)).toHaveLength(2);
  });
});
