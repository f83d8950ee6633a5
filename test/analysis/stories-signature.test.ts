import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeBefore, readableWord, titleBefore } from '../../src/analysis/stories-signature.js';

// The old ways, kept as the reference for the pre-checked and hand-written ones.
const PLACE_BEFORE = /(?:\b(?:in|at|from|near|into|across|outside|toward|towards|around|of the (?:town|city|village|port|capital|region|province|district) of|town of|city of|village of)\s+)$/;
const TITLE_BEFORE = /\b(?:President|Minister|Secretary|Mr|Mrs|Ms|Dr|Governor|Mayor|Commander|General|Colonel|Envoy|Ambassador|spokesman|spokeswoman|spokesperson|envoy|minister|president|leader|commander)\.?\s+$/;
const readableReference = (word: string): string => {
  const w = word.replace(/['’]s$/, '');
  return w.length > 3 && w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w;
};

/** Text built of the patterns' own words, their pieces and look-alikes, with every kind of white space between. */
const pieces = [
  'in', 'at', 'from', 'near', 'into', 'across', 'outside', 'toward', 'towards', 'around', 'of', 'the', 'town', 'city', 'village',
  'port', 'capital', 'region', 'province', 'district', 'President', 'Minister', 'Mr', 'Mrs', 'Ms', 'Dr', 'envoy', 'leader',
  'commander', 'spokesperson', 'Colonel', 'Ambassador', 'within', 'begin', 'cat', 'Mister', 'Drs', 'of', 'x', 'é', '.', ',', '-',
  ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u2028', '\u0085', '\u200b',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));

describe('story signature pre-checks', () => {
  it('placeBefore agrees with PLACE_BEFORE on any text', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ maxLength: 40 })), (t) => {
      expect(placeBefore(t)).toBe(PLACE_BEFORE.test(t));
    }), { numRuns: 20_000 });
  });

  it('titleBefore agrees with TITLE_BEFORE on any text', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string({ maxLength: 40 })), (t) => {
      expect(titleBefore(t)).toBe(TITLE_BEFORE.test(t));
    }), { numRuns: 20_000 });
  });

  it('readableWord agrees with the regex and upper-case test on any word', () => {
    const letters = ['A', 'B', 'Z', 'a', 'z', 'é', 'É', 'ß', 'İ', 'ǰ', 'ŉ', "'", '’', 's', 'S', '-', '\u{1F600}'];
    const word = fc.array(fc.constantFrom(...letters), { maxLength: 9 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.oneof(word, fc.string({ maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 6 })), (w) => {
      expect(readableWord(w)).toBe(readableReference(w));
    }), { numRuns: 20_000 });
  });

  it('no character upper-cases to anything holding a lower-case ASCII letter (what readableWord relies on)', () => {
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (/[a-z]/.test(String.fromCodePoint(c).toUpperCase())) throw new Error(`U+${c.toString(16)}`);
    }
  });
});
