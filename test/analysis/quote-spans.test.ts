import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuotations, maskQuotes, type Quotation } from '../../src/analysis/quote-spans.js';
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

  it('masks exactly what blanking each quoted character in turn would, for any parts, overlapping or not', () => {
    // The plain way to mask, kept as the reference for the one that rebuilds the string around the ranges.
    const reference = (text: string, from: number, quotations: Quotation[]): string => {
      const chars = text.split('');
      for (const q of quotations) {
        if (q.scare) continue;
        for (const part of q.parts) {
          if (part.end <= from || part.start >= from + text.length) continue;
          const a = Math.max(part.start + 1, from) - from;
          const b = Math.min(part.end - 1, from + text.length) - from;
          for (let i = a; i < b; i++) if (chars[i] !== '\n') chars[i] = ' ';
        }
      }
      return chars.join('');
    };
    const part = fc.tuple(fc.nat(60), fc.nat(40)).map(([start, length]) => ({ paragraph: 0, start, end: start + length, open: start, close: start + length }));
    const quotation = fc.record({ id: fc.nat(), parts: fc.array(part, { minLength: 1, maxLength: 3 }), scare: fc.boolean() });
    const text = fc.array(fc.constantFrom('a', ' ', '\n', '“', '”', 'é', '\u{1F600}'), { maxLength: 50 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, fc.nat(20), fc.array(quotation, { maxLength: 4 }), (sentence, from, quotations) => {
        expect(maskQuotes(sentence, from, quotations)).toBe(reference(sentence, from, quotations));
      }),
    );
  });
});
