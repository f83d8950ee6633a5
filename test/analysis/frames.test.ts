import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summary.js';
import { compareArticles } from '../../src/analysis/compare.js';
import { balancedRange } from '../../src/analysis/attribution.js';
import type { AnalysisInput } from '../../src/analysis/types.js';
import { readFactsFixture } from './load-fixture.js';

/**
 * Reporting frames on an article of our own (a bridge closure, no conflict): scare quotes,
 * narration that merely names a speaker, a "the <role>" speaker, a bare "weekend", and
 * sentences cut from a multi-sentence quote.
 */

const input = readFactsFixture('frames/bridge-closure');
const summary = summarize(input);

function quoteWith(words: string) {
  return summary.quotes.find((q) => q.text.includes(words));
}

describe('scare quotes', () => {
  it('does not list a quoted word or phrase inside narration as a quote', () => {
    const texts = summary.quotes.map((q) => q.text);
    for (const word of ['pause', 'thorough', 'arrangement', 'early autumn']) expect(texts).not.toContain(word);
    // Nor does "what the operator called a “pause”" make the operator a speaker.
    expect(summary.quotes.some((q) => q.text.includes('what the operator called'))).toBe(false);
  });

  it('lists a sentence with scare quotes as reported speech when it reports content', () => {
    expect(quoteWith('indicated that the bridge could reopen')).toMatchObject({ speaker: 'Ilse Varga', kind: 'indirect' });
  });

  it('does not make "claimed to have secured an “arrangement”" without a claim clause a quote', () => {
    expect(summary.quotes.some((q) => q.text.includes('arrangement'))).toBe(false);
  });

  it('keeps a short quote that stands as speech of its own', () => {
    expect(quoteWith('Never')).toMatchObject({ text: 'Never', kind: 'direct' });
  });
});

describe('narration that only names a speaker', () => {
  it('is not indirect speech without a content clause', () => {
    expect(summary.quotes.some((q) => q.text.includes('responded to the closure'))).toBe(false);
  });

  it('still reads "X said that ..." and "X said the ..." as indirect speech', () => {
    expect(quoteWith('detour would stay in place')).toMatchObject({ speaker: 'Ilse Varga', kind: 'indirect' });
    expect(quoteWith('would open a detour within two days')).toMatchObject({ speaker: 'Ilse Varga', kind: 'indirect' });
  });
});

describe('"the <role> said"', () => {
  it('goes to the person named earlier with that role', () => {
    expect(quoteWith('Freight moves at night')).toMatchObject({ speaker: 'Ilse Varga', kind: 'direct' });
  });

  it('goes to the role itself when nobody with that role is named', () => {
    expect(quoteWith('Never')?.speaker).toBe('the director');
  });
});

describe('weekend', () => {
  it('reads "over the weekend" as a date but not a bare "Weekend"', () => {
    const texts = summary.dates.map((d) => d.text);
    expect(texts).not.toContain('Weekend');
    expect(summary.dates.some((d) => /weekend/i.test(d.text) && d.date !== null && d.evidence.paragraph === 4)).toBe(true);
    expect(summary.dates.filter((d) => /weekend/i.test(d.text))).toHaveLength(1);
  });
});

describe('statements cut from a multi-sentence quote', () => {
  const comparison = compareArticles([input], 'detour');
  const text = input.paragraphs.join('\n\n');

  it('drop the quote mark left unbalanced at either end, and their evidence still points at the text', () => {
    const cut = comparison.statements.filter((s) => /twenty minutes|extra buses/.test(s.text));
    expect(cut).toHaveLength(2);
    for (const st of cut) {
      expect(st.text).not.toMatch(/^["“]|["”]$/);
      expect(text.slice(st.evidence.start, st.evidence.end)).toBe(st.text);
    }
  });

  it('keep balanced quotes and quotes inside the sentence as written', () => {
    const s = '“Freight moves at night,” the mayor said.';
    expect(s.slice(...balancedRange(s))).toBe(s);
    const inner = 'Varga indicated it could reopen in “early autumn.”';
    expect(inner.slice(...balancedRange(inner))).toBe(inner);
    expect('It is why we pay for buses.”'.slice(...balancedRange('It is why we pay for buses.”'))).toBe('It is why we pay for buses.');
    expect('"We will hold.'.slice(...balancedRange('"We will hold.'))).toBe('We will hold.');
  });
});

describe('the same rules on a second invented article', () => {
  const other: AnalysisInput = {
    id: 'orchard',
    title: 'Orchard growers and the frost',
    date: '2023-04-03',
    paragraphs: [
      'Growers in the Tarn valley lost half their blossom to frost, regional officials said on Sunday.',
      'Agnes Morrow, who chairs the growers’ cooperative, commented on the losses at a meeting.',
      'Insurers offered what Morrow called “token” payments.',
      '“We will replant what we can,” the chair said.',
      'After the meeting, Morrow responded on local radio.',
    ],
  };
  const s = summarize(other);

  it('attributes, drops and keeps as the bridge article does', () => {
    expect(s.quotes.some((q) => q.text.includes('commented on the losses'))).toBe(false);
    expect(s.quotes.some((q) => q.text.includes('responded on local radio'))).toBe(false);
    expect(s.quotes.some((q) => q.text === 'token')).toBe(false);
    // "Agnes Morrow, who chairs the growers’ cooperative" makes "the chair" Agnes Morrow.
    expect(s.quotes.find((q) => q.text.includes('replant'))?.speaker).toBe('Agnes Morrow');
    expect(s.quotes.find((q) => q.text.includes('lost half their blossom'))).toMatchObject({ kind: 'indirect' });
  });
});
