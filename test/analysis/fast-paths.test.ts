import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalisedWords } from '../../src/analysis/attribution.js';
import { ROLE_NOUNS, findNames, mayEndInRoleNoun, stripPossessive } from '../../src/analysis/mentions.js';
import { foldAccents } from '../../src/analysis/names.js';
import { trimPhrase } from '../../src/analysis/reporting.js';

// Hand-read fast paths of the attribution pass, each against the pattern it stands for (kept here as the
// reference), over text built from the pieces where the two could part: ASCII and non-ASCII letters, marks,
// apostrophes, the long s and the Kelvin sign (which fold to ASCII under /iu), line breaks and odd spaces.
const pieces = ['Anna', 'Varga', 'the', 'president', 'envoy', 'said', "'s", '’s', "s'", 's’', 's', "'", '’', 'É', 'é', 'Đ', 'ſ', '\u212a', 'Ab', 'AB', 'aB', 'x-Y', '-', '_', '9', 'Ab9', '"', '“', '”', '«', '»', '(', ')', '—', '–'];
const gaps = [' ', '', '  ', '\u00a0', '\n', '\u2028', '\t', ',', '.', '-', '_', '1', '\u3000'];
const text = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...gaps)), { maxLength: 10 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
const runs = { numRuns: 3000 };

describe('fast paths of the attribution pass', () => {
  it('stripPossessive reads what /^(.*?)(?:[\'’]s|(?<=s)[\'’])$/u finds', () => {
    const reference = (w: string) => {
      const m = /^(.*?)(?:['’]s|(?<=s)['’])$/u.exec(w);
      return m && m[1] ? { text: m[1], possessive: true } : { text: w, possessive: false };
    };
    fc.assert(fc.property(text, (w) => {
        expect(stripPossessive(w)).toEqual(reference(w));
      }), runs);
    expect(stripPossessive('Khoury’s')).toEqual({ text: 'Khoury', possessive: true });
    expect(stripPossessive("Reyes'")).toEqual({ text: 'Reyes', possessive: true });
    expect(stripPossessive("'s")).toEqual({ text: "'s", possessive: false });
  });

  it('trimPhrase leaves what /^[\\s"“”\'‘’(—–-]+|[\\s"“”\'‘’)]+$/gu replaced by nothing leaves', () => {
    const reference = (t: string) => t.replace(/^[\s"“”'‘’(—–-]+|[\s"“”'‘’)]+$/gu, '');
    fc.assert(fc.property(text, (t) => {
        expect(trimPhrase(t)).toBe(reference(t));
      }), runs);
    expect(trimPhrase(' “the envoy”) ')).toBe('the envoy');
  });

  it('capitalisedWords finds what /\\b\\p{Lu}\\p{Ll}[\\p{L}-]+/gu matches', () => {
    const reference = (t: string) => Array.from(t.matchAll(/\b\p{Lu}\p{Ll}[\p{L}-]+/gu), (m) => m[0]);
    fc.assert(fc.property(text, (t) => {
        expect(capitalisedWords(t)).toEqual(reference(t));
      }), runs);
    expect(capitalisedWords('Anna Varga met x-Yoke and _Abc, Ab-Cd.')).toEqual(['Anna', 'Varga', 'Yoke', 'Ab-Cd']);
  });

  it('foldAccents gives ASCII back as it is and folds the rest as before', () => {
    const reference = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd'));
    fc.assert(fc.property(text, (t) => {
        expect(foldAccents(t)).toBe(reference(t));
      }), runs);
    expect(foldAccents('Đoković')).toBe('Dokovic');
  });

  it('asks the end-anchored role pattern only where it can end in a role noun', () => {
    const rolePieces = [...pieces, 'union', 'president', 'Envoy', 'vice-president', 'chief', 'envoys', 'présidente'];
    const window = fc.array(fc.tuple(fc.constantFrom(...rolePieces), fc.constantFrom(...gaps)), { maxLength: 8 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(window, (before) => {
        const lower = /((?:\b\p{L}[\p{L}-]*\s+){0,2}?)\b(\p{Ll}[\p{Ll}-]*)\s+$/u.exec(before);
        if (lower && ROLE_NOUNS.has(lower[2])) expect(mayEndInRoleNoun(before)).toBe(true);
      }),
      runs,
    );
  });

  it('asks for an "account is that" only where its verb and "that" are', () => {
    // The cheap test before the /iu pattern must hold wherever the pattern matches, the long s and the Kelvin sign included.
    const words = ['account', 'ACCOUNT', 'view', 'poſition', 'caſe', 'claim', 'is', 'IS', 'iſ', 'waſ', 'was', 'that', 'THAT', 'The', "envoy's", '\u212a'];
    const sentence = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', '  ', '\n', '\u00a0', '')), { maxLength: 8 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(sentence, (frame) => {
        if (/\b(?:account|view|position|version|argument|claim|assessment|line|case)\s+(?:is|was)\s+that\b/iu.test(frame)) expect(/(?:i|wa)[sſ]\s+that/i.test(frame)).toBe(true);
      }),
      runs,
    );
  });

  it('finds a lower-case role before a name only where the role ends right before the name', () => {
    // The pre-check before the end-anchored role pattern: a role noun must end right before the name's space.
    const caps = new Set<string>();
    expect(findNames('Union president Ingrid Solberg left.', caps)[0]).toMatchObject({ name: 'Ingrid Solberg', role: 'Union president' });
    expect(findNames('Talks resumed, and the president,  Ingrid Solberg left.', caps)[0]).toMatchObject({ name: 'Ingrid Solberg', role: null });
    expect(findNames('Talks resumed with Ingrid Solberg in the port.', caps)[0]).toMatchObject({ name: 'Ingrid Solberg', role: null, governed: true });
  });
});
