import { describe, expect, it } from 'vitest';
import { displayWidth, stripStyle } from '../../src/render/text.js';
import { leadSentences, summarySheet } from '../../src/render/summary.js';
import type { Sheet } from '../../src/render/sheet.js';
import { madeUpSummary } from '../tui/analysis-fixtures.js';

const HEADINGS = ['Lead', 'Casualties', 'Quantities', 'People', 'Places', 'Organisations', 'Dates', 'Quotes'];

/** An item's text as one line, however it wrapped. */
function itemText(sheet: Sheet, index: number): string {
  const anchor = sheet.anchors[index];
  return sheet.lines.slice(anchor.line, anchor.end).map((line) => stripStyle(line).trim()).join(' ').replace(/^• /, '');
}

function headingLine(sheet: Sheet, name: string): number {
  return sheet.lines.findIndex((line) => stripStyle(line).trim().startsWith(name));
}

describe('summarySheet', () => {
  const summary = madeUpSummary();
  const sheet = summarySheet(summary, { width: 80, color: false, article: 7 });

  it('shows a section for each kind of fact, in order, with its count', () => {
    const at = HEADINGS.map((name) => headingLine(sheet, name));
    expect(at.every((line) => line >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(sheet.lines.map(stripStyle)).toContain('  People (2)');
    expect(sheet.lines.map(stripStyle)).toContain('  Organisations (0)');
  });

  it('says when a section found nothing, and gives it no item to stop on', () => {
    const line = headingLine(sheet, 'Organisations');
    expect(stripStyle(sheet.lines[line + 1]).trim()).toBe('none found');
    expect(sheet.anchors.some((a) => a.line === line + 1)).toBe(false);
  });

  it('makes every fact an item, bulleted, pointing at its evidence in the summarised article', () => {
    const facts = 2 + summary.casualties.length + summary.quantities.length + summary.people.length + summary.places.length + summary.dates.length + summary.quotes.length;
    expect(sheet.anchors).toHaveLength(facts);
    for (const anchor of sheet.anchors) {
      expect(stripStyle(sheet.lines[anchor.line]).trim().startsWith('• ')).toBe(true);
      expect(anchor.target?.article).toBe(7);
      expect(anchor.end).toBeGreaterThan(anchor.line);
    }
    const person = sheet.anchors.findIndex((_, i) => itemText(sheet, i).startsWith('Ines Valdor'));
    expect(itemText(sheet, person)).toBe('Ines Valdor — Mayor · 4 mentions');
    expect(sheet.anchors[person].target?.evidence).toEqual(summary.people[0].evidence[0]);
  });

  it('writes casualties with qualifier, group and the part named apart from the total', () => {
    const text = sheet.anchors.map((_, i) => itemText(sheet, i)).find((t) => t.startsWith('injured'));
    expect(text).toBe('injured at least 14 residents (including 3 children) — “injuring at least fourteen residents, including three children”');
  });

  it('gives dates their resolved day and event, and quotes their speaker (direct words first)', () => {
    const texts = sheet.anchors.map((_, i) => itemText(sheet, i));
    expect(texts).toContain('on Monday → 2031-10-06 · bridge closure');
    const direct = texts.indexOf('Tomas Brell: “We have never seen the river this high”');
    const reported = texts.indexOf('Ines Valdor (reported): Stay off the embankment until the water drops.');
    expect(direct).toBeGreaterThan(0);
    expect(reported).toBeGreaterThan(direct);
  });

  it('splits the lead into its sentences, each with its own evidence', () => {
    const lead = leadSentences(summary);
    expect(lead.map((s) => s.text)).toEqual([
      'Floodwater closed the Marren bridge on Monday after three days of rain.',
      'Engineers said the river would crest by Wednesday.',
    ]);
    expect(lead[1].evidence).toEqual(summary.leadEvidence[1]);
    expect(itemText(sheet, 0)).toBe(lead[0].text);
  });

  it('keeps the lead whole when its evidence does not line up with its text', () => {
    const odd = madeUpSummary({ leadEvidence: [{ sentence: 0, paragraph: 0, start: 0, end: 5 }] });
    expect(leadSentences(odd).map((s) => s.text)).toEqual([odd.lead]);
  });

  it('fits every line to the width, down to the smallest terminal', () => {
    for (const width of [80, 33, 20]) {
      const narrow = summarySheet(summary, { width, color: true, article: 0 });
      for (const line of narrow.lines) expect(displayWidth(stripStyle(line))).toBeLessThanOrEqual(width);
      expect(narrow.anchors).toHaveLength(sheet.anchors.length);
    }
  });

  it('has no escape sequence without colour', () => {
    expect(sheet.lines.join('\n')).not.toContain('\x1b');
  });
});
