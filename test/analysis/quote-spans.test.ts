import { describe, expect, it } from 'vitest';
import { findQuotations, maskQuotes } from '../../src/analysis/quote-spans.js';
import { paragraphStarts } from '../../src/analysis/text.js';

describe('quotations', () => {
  it('continues a quote left open at a paragraph end into the next paragraph that opens with a mark', () => {
    const paragraphs = ['“We will rebuild the bridge,” Mira Tolsen said. “It will take a year.', '“And we will not wait for the rain to stop.”', 'Crews left at noon.'];
    const q = findQuotations(paragraphs, paragraphStarts(paragraphs));
    expect(q).toHaveLength(2);
    expect(q[1].parts.map((p) => p.paragraph)).toEqual([0, 1]);
  });

  it('keeps a scare quote or nickname apart from speech, and masks only speech', () => {
    const text = 'Orvan Pelt, known as “the Heron”, said: “We stay until the harvest is in.”';
    const q = findQuotations([text], [0]);
    expect(q.map((x) => x.scare)).toEqual([true, false]);
    const masked = maskQuotes(text, 0, q);
    expect(masked).toContain('“the Heron”');
    expect(masked).not.toContain('harvest');
    expect(masked.length).toBe(text.length);
  });
});
