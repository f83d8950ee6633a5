import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { formatSummaryText, summaryToJson } from '../../src/print/summary.js';
import type { Evidence, Summary } from '../../src/analysis/types.js';

const ev = (sentence: number, paragraph: number, start = 0, end = 10): Evidence => ({ sentence, paragraph, start, end });

function sample(): Summary {
  return {
    id: 'quake-report',
    title: 'Earthquake toll climbs as rescuers search the rubble',
    date: '2023-02-08',
    lead: 'A magnitude 7.8 earthquake struck before dawn on Monday, killing more than 5,000 people and injuring tens of thousands across two countries and dozens of towns.',
    leadEvidence: [ev(0, 0)],
    casualties: [
      { kind: 'killed', count: 5000, qualifier: 'over', group: 'people', including: [{ count: 40, group: 'children' }], text: 'killing more than 5,000 people', evidence: ev(0, 0) },
      { kind: 'injured', count: 20000, qualifier: 'at least', group: null, including: [], text: 'injuring tens of thousands', evidence: ev(0, 0), vague: true },
    ],
    quantities: [
      { count: 25_000_000, qualifier: 'exact', what: 'dollars', category: 'money', unit: '$', text: '$25 million', evidence: ev(7, 4) },
      { count: 30, qualifier: 'exact', what: 'day freeze', category: 'duration', text: '30-day freeze', evidence: ev(8, 4) },
    ],
    people: [{ name: 'Fuat Oktay', role: 'Vice President', mentions: 3, aliases: ['Oktay'], evidence: [ev(1, 1)] }],
    places: [{ name: 'Antakya', mentions: 2, aliases: [], evidence: [ev(3, 2)] }],
    organizations: [{ name: 'World Bank', mentions: 1, aliases: [], evidence: [ev(7, 4)] }],
    dates: [{ text: 'on Monday', date: '2023-02-06', event: 'earthquake', evidence: ev(0, 0) }],
    quotes: [{ speaker: 'Fuat Oktay', text: 'We heard voices under the concrete', kind: 'direct', evidence: ev(4, 1) }],
  };
}

describe('formatSummaryText', () => {
  it('shows title, date, lead and every section with evidence pointers a reader can follow', () => {
    const text = formatSummaryText(sample(), { width: 100, color: false });
    expect(text).toContain('Earthquake toll climbs');
    expect(text).toContain('2023-02-08');
    for (const heading of ['Lead', 'Casualties', 'Quantities', 'People', 'Places', 'Organisations', 'Dates', 'Quotes']) {
      expect(text).toMatch(new RegExp(`^  ${heading}`, 'm'));
    }
    expect(text).toContain('killed over 5,000 people (including 40 children)');
    expect(text).toContain('Fuat Oktay — Vice President · 3 mentions');
    expect(text).toContain('on Monday → 2023-02-06 · earthquake');
    expect(text).toContain('Fuat Oktay: “We heard voices under the concrete”');
    expect(text).toContain('$25 million');
    expect(text).toContain('30-day freeze');
    // One-based paragraph and sentence: the quote is in paragraph 2, sentence 5.
    expect(text).toMatch(/We heard voices under the concrete”\s+para 2, sentence 5/);
    expect(text).not.toContain('¶');
  });

  it('says so when a section has nothing', () => {
    const s = { ...sample(), casualties: [] };
    expect(formatSummaryText(s, { width: 80, color: false })).toMatch(/Casualties \(0\)\n\s+none found/);
  });

  it('wraps every line to the width and styles only when asked', () => {
    for (const width of [40, 60, 100]) {
      const plain = formatSummaryText(sample(), { width, color: false });
      expect(plain).not.toContain('\x1b[');
      for (const line of plain.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    }
    const styled = formatSummaryText(sample(), { width: 60, color: true });
    expect(styled).toContain('\x1b[1m');
    for (const line of styled.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(60);
  });
});

describe('summaryToJson', () => {
  it('carries the fields scripts rely on', () => {
    const json = summaryToJson(sample()) as Record<string, unknown>;
    expect(json).toMatchObject({ id: 'quake-report', title: sample().title, date: '2023-02-08', lead: sample().lead });
    expect((json.casualties as object[])[0]).toMatchObject({ kind: 'killed', count: 5000, qualifier: 'over', group: 'people', text: 'killing more than 5,000 people', evidence: ev(0, 0) });
    expect((json.people as object[])[0]).toMatchObject({ name: 'Fuat Oktay', role: 'Vice President', mentions: 3 });
    expect((json.organizations as object[])[0]).toMatchObject({ name: 'World Bank', mentions: 1 });
    expect((json.dates as object[])[0]).toMatchObject({ text: 'on Monday', date: '2023-02-06', event: 'earthquake' });
    expect((json.quotes as object[])[0]).toMatchObject({ speaker: 'Fuat Oktay', text: 'We heard voices under the concrete' });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
