import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summary.js';
import { analysisText } from '../../src/analysis/text.js';
import type { Summary } from '../../src/analysis/types.js';
import { loadBundledInputs, readFactsFixture } from './load-fixture.js';

const brief = (s: Summary) => s.casualties.map((c) => ({ kind: c.kind, count: c.count, qualifier: c.qualifier }));

describe('summarize on articles of our own', () => {
  it('keeps differing tolls apart, gives vague counts no number and the displaced as quantities (earthquake)', () => {
    const s = summarize(readFactsFixture('facts-earthquake'));
    expect(brief(s)).toEqual(
      expect.arrayContaining([
        { kind: 'killed', count: 5000, qualifier: 'over' },
        { kind: 'killed', count: 11200, qualifier: 'exact' },
        { kind: 'killed', count: 33000, qualifier: 'about' },
      ]),
    );
    // "injuring tens of thousands" is no count; people displaced are never casualties.
    expect(s.casualties.find((c) => c.kind === 'injured' || c.vague)).toBeUndefined();
    expect(s.casualties.find((c) => c.kind === 'displaced' || c.kind === 'evacuated')).toBeUndefined();
    expect(s.quantities.find((q) => q.category === 'people' && q.count === 1_500_000)).toMatchObject({ qualifier: 'over' });
    expect(s.quantities.filter((q) => q.category === 'money').map((q) => q.count)).toEqual([25_000_000, 1_780_000_000]);
    expect(s.quantities.find((q) => q.category === 'duration')).toMatchObject({ count: 72, what: 'hours' });
    expect(s.dates.map((d) => [d.text, d.date])).toEqual(
      expect.arrayContaining([['on Monday', '2023-02-06'], ['Wednesday', '2023-02-08'], ['1939', '1939']]),
    );
    expect(s.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Fuat Oktay', 'Ahmet Yilmaz']));
  });

  it('keeps "among them" inside the total and skips ages and unit names (war)', () => {
    const s = summarize(readFactsFixture('facts-war'));
    const killed = s.casualties.find((c) => c.kind === 'killed' && c.count === 100);
    expect(killed).toMatchObject({ qualifier: 'over', group: 'people', including: [{ count: 35, group: 'children' }] });
    expect(brief(s)).toEqual(
      expect.arrayContaining([
        { kind: 'injured', count: 150, qualifier: 'exact' },
        { kind: 'captured', count: 20, qualifier: 'at least' },
        { kind: 'killed', count: 12, qualifier: 'exact' },
      ]),
    );
    expect(s.quantities.find((q) => q.category === 'people' && q.count === 9_000_000)).toMatchObject({ qualifier: 'over' });
    expect(s.casualties.some((c) => c.count === 17 || c.count === 22 || c.count === 35)).toBe(false);
    expect(s.dates.find((d) => d.text === 'next Tuesday')?.date).toBe('2024-06-11');
  });

  it('opens the lead after the dateline (floods)', () => {
    const s = summarize(readFactsFixture('facts-floods'));
    expect(s.lead).toMatch(/^Flash floods tore through towns south of Valencia/);
    expect(s.lead).not.toContain('(Wire)');
    expect(s.casualties.find((c) => c.kind === 'missing')).toBeUndefined();
    expect(s.quantities.find((q) => q.category === 'people' && q.count === 1200)).toMatchObject({ qualifier: 'about', what: 'residents evacuated' });
  });
});

describe('summarize evidence', () => {
  const inputs = [...loadBundledInputs().values(), ...['facts-floods', 'facts-earthquake', 'facts-war'].map(readFactsFixture)];

  it.each(inputs.map((i) => [i.id, i] as const))('points every fact of %s at its own words', (_id, input) => {
    const s = summarize(input);
    const text = analysisText(input);
    for (const c of s.casualties) expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.text);
    for (const q of s.quantities) expect(text.slice(q.evidence.start, q.evidence.end)).toBe(q.text);
    for (const d of s.dates) expect(text.slice(d.evidence.start, d.evidence.end)).toBe(d.text);
    for (const e of s.leadEvidence) expect(s.lead).toContain(text.slice(e.start, e.end));
  });

  it('reads the coordinated Sumy sentence as two facts without adding the children', () => {
    const input = loadBundledInputs().get('sumy-strike-witkoff');
    const s = summarize(input!);
    expect(s.casualties.map((c) => ({ kind: c.kind, count: c.count, including: c.including }))).toEqual([
      { kind: 'killed', count: 34, including: [{ count: 2, group: 'children' }] },
      { kind: 'injured', count: 100, including: [] },
    ]);
  });
});
