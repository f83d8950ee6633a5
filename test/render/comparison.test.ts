import { describe, expect, it } from 'vitest';
import { displayWidth, stripStyle } from '../../src/render/text.js';
import { comparisonSheet, disagreementNotes, speakerGroups, timelineOrder, type CompareOrder } from '../../src/render/comparison.js';
import type { Sheet } from '../../src/render/sheet.js';
import { madeUpComparison } from '../tui/analysis-fixtures.js';

const comparison = madeUpComparison();
const INDEX: Record<string, number> = { 'delta-shelling': 0, 'delta-talks': 1 };

function layout(order: CompareOrder, width = 80) {
  return comparisonSheet(comparison, { width, color: false, order, articleIndex: (id) => INDEX[id] ?? -1 });
}

function plain(sheet: Sheet): string[] {
  return sheet.lines.map((line) => stripStyle(line).trim());
}

function lineOf(sheet: Sheet, text: string, from = 0): number {
  return plain(sheet).findIndex((line, i) => i >= from && line.includes(text));
}

describe('comparisonSheet by speaker', () => {
  const sheet = layout('speaker');

  it('gives each speaker one group, narration apart and last', () => {
    const soler = lineOf(sheet, 'Anika Soler · 2 statements');
    const okon = lineOf(sheet, 'Ravel Okon · 2 statements');
    const narration = lineOf(sheet, 'Narration');
    expect(soler).toBeGreaterThan(0);
    expect(okon).toBeGreaterThan(soler);
    expect(narration).toBeGreaterThan(okon);
    expect(lineOf(sheet, 'The truce runs out on June 1.')).toBeGreaterThan(narration);
  });

  it('puts each statement under its article’s title and date, with kind and stance', () => {
    const soler = lineOf(sheet, 'Anika Soler · 2 statements');
    const talks = lineOf(sheet, 'Delta talks resume under a fragile truce (2031-05-20)', soler);
    const shelling = lineOf(sheet, 'Shelling on the delta tests the truce (2031-05-02)', soler);
    expect(lineOf(sheet, '[indirect · accepts] Anika Soler said her side would keep the truce.')).toBe(talks + 1);
    expect(lineOf(sheet, '[direct · hopes] “The truce of April 30 can still hold,”')).toBe(shelling + 1);
  });

  it('shows a disagreement on both statements', () => {
    expect(lineOf(sheet, '≠ disagrees with Ravel Okon: accepts vs rejects')).toBeGreaterThan(0);
    expect(lineOf(sheet, '≠ disagrees with Anika Soler: rejects vs accepts')).toBeGreaterThan(0);
    expect(lineOf(sheet, 'Anika Soler (accepts) ≠ Ravel Okon (rejects)')).toBeGreaterThan(lineOf(sheet, 'Disagreements (1)'));
    const notes = disagreementNotes(comparison);
    expect(notes.get(0)?.map((n) => n.other)).toEqual([2]);
    expect(notes.get(2)?.map((n) => n.other)).toEqual([0]);
  });

  it('makes every statement an item pointing at its sentence in its article', () => {
    const statements = sheet.anchors.filter((a) => a.key.startsWith('statement:'));
    expect(statements).toHaveLength(comparison.statements.length);
    expect(sheet.anchors).toHaveLength(comparison.statements.length);
    for (const anchor of statements) {
      const s = comparison.statements[Number(anchor.key.split(':')[1])];
      expect(anchor.target).toEqual({ article: INDEX[s.article], evidence: s.evidence });
      expect(plain(sheet).slice(anchor.line, anchor.end).join(' ')).toContain(s.text.slice(0, 20));
    }
  });

  it('groups statements by speaker in the comparison’s speaker order', () => {
    expect(speakerGroups(comparison).map((g) => g.speaker)).toEqual(['Anika Soler', 'Ravel Okon', null]);
  });
});

describe('comparisonSheet as a timeline', () => {
  const sheet = layout('timeline');

  it('orders statements by the date they are about, else their article’s date', () => {
    // April 30 (mentioned), May 2 (article), May 20 (article; "next spring" did not resolve), June 1 (mentioned).
    expect(timelineOrder(comparison)).toEqual([3, 2, 0, 4, 1]);
    const order = sheet.anchors.filter((a) => a.key.startsWith('statement:')).map((a) => Number(a.key.split(':')[1]));
    expect(order).toEqual([3, 2, 0, 4, 1]);
  });

  it('heads each date and says where the date came from', () => {
    const april = lineOf(sheet, '2031-04-30');
    expect(april).toBeGreaterThan(0);
    expect(plain(sheet)[april + 1]).toContain('Anika Soler — direct · hopes · dated by “April 30”');
    expect(lineOf(sheet, 'Narration · sets a deadline · dated by “June 1”')).toBeGreaterThan(april);
  });

  it('keeps the same item keys as the speaker order, so the cursor can follow a statement', () => {
    const keys = (s: Sheet) => s.anchors.map((a) => a.key).sort();
    expect(keys(sheet)).toEqual(keys(layout('speaker')));
  });
});

describe('comparisonSheet in general', () => {
  it('fits every line to the width, down to the smallest terminal', () => {
    for (const order of ['speaker', 'timeline'] as const) {
      for (const width of [80, 27, 20]) {
        for (const line of layout(order, width).lines) expect(displayWidth(stripStyle(line))).toBeLessThanOrEqual(width);
      }
    }
  });

  it('says so when no article has a statement on the topic', () => {
    const empty = comparisonSheet({ ...comparison, statements: [], speakers: [], disagreements: [] }, { width: 60, color: false, order: 'speaker', articleIndex: () => 0 });
    expect(empty.anchors).toHaveLength(0);
    expect(plain(empty).join(' ')).toContain('No statement about “truce”');
  });

  it('gives no target to a statement whose article is not loaded', () => {
    const sheet = comparisonSheet(comparison, { width: 80, color: false, order: 'speaker', articleIndex: () => -1 });
    expect(sheet.anchors.every((a) => a.target === null)).toBe(true);
  });
});
