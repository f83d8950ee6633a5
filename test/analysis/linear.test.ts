import { afterEach, describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summary.js';
import type { AnalysisInput } from '../../src/analysis/types.js';
import { seededRandom } from '../helpers/random.mjs';

/**
 * The summary's cost grows linearly with the article. Not timed: the work is counted as the
 * characters the regular-expression engine reads (from where it starts to the end of the match,
 * or to the end of the input when nothing matches; every `test`, `match`, `replace`, `split`
 * and `matchAll` goes through `RegExp.prototype.exec` once it is replaced), which is
 * where a quadratic step shows itself: a regex ending in `$` given the whole text before each
 * word, or the whole article searched once per word.
 */

const originalExec = RegExp.prototype.exec;
let scanned = 0;

function countRegexWork<T>(run: () => T): { result: T; chars: number } {
  scanned = 0;
  RegExp.prototype.exec = function exec(this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const result = originalExec.call(this, input);
    // How far the engine read: to the end of the match, or the whole rest when it failed.
    scanned += Math.max(0, (result ? result.index + result[0].length : String(input).length) - from);
    return result;
  };
  try {
    const result = run();
    return { result, chars: scanned };
  } finally {
    RegExp.prototype.exec = originalExec;
  }
}

afterEach(() => {
  RegExp.prototype.exec = originalExec;
});

const SYLLABLES = ['ka', 'lo', 'mir', 'ven', 'dra', 'tos', 'bel', 'ar', 'ni', 'sko', 'ul', 'ga'];
const WEEKDAY = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Invented reporting of about `bytes` characters: new names keep appearing (as they do in a long
 * read), with sentence-initial plurals, dates, tolls, quotes and titles. `paragraphs: false`
 * writes it as one paragraph with no full stops, as a scraped page or a transcript can be.
 */
function article(bytes: number, shape: 'news' | 'run-on'): AnalysisInput {
  const next = seededRandom(11);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const word = (): string => {
    const w = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
    return w[0].toUpperCase() + w.slice(1);
  };
  const sentences = [
    () => `${word()} ${word()}, the envoy, said the truce in ${word()} would hold until ${pick(WEEKDAY)}.`,
    () => `Markets reacted cautiously on ${pick(WEEKDAY)} after ${Math.floor(next() * 90) + 2} people were killed in ${word()}.`,
    () => `“We will not give up,” President ${word()} ${word()} told reporters in ${word()} on March ${Math.floor(next() * 27) + 1}.`,
    () => `Residents said four soldiers and a driver were wounded near ${word()} two days later.`,
    () => `Officials of the ${word()} Ministry of Defence denied it, according to ${word()} News.`,
  ];
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const s = pick(sentences)();
    parts.push(shape === 'run-on' ? s.replace(/[.!?](?=\s|$)/g, ',') : s);
    size += s.length + 1;
  }
  const paragraphs: string[] = [];
  if (shape === 'run-on') paragraphs.push(parts.join(' '));
  else for (let i = 0; i < parts.length; i += 4) paragraphs.push(parts.slice(i, i + 4).join(' '));
  return { id: `linear-${shape}-${bytes}`, title: 'Linear', date: '2026-03-04', paragraphs };
}

describe('summary work grows linearly with the article', () => {
  for (const shape of ['news', 'run-on'] as const) {
    it(`${shape}: ten times the text is at most twelve times the work`, () => {
      const small = countRegexWork(() => summarize(article(10_000, shape)));
      const large = countRegexWork(() => summarize(article(100_000, shape)));
      expect(small.result.people.length).toBeGreaterThan(0);
      expect(small.chars).toBeGreaterThan(0);
      expect(large.chars / small.chars).toBeLessThanOrEqual(12);
    });
  }
});
