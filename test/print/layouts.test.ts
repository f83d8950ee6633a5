import { describe, expect, it } from 'vitest';
import type { AnalysisOutcome } from '../../src/tui/analysis-jobs.js';
import type { Model } from '../../src/tui/model.js';
import { reduce } from '../../src/tui/reduce.js';
import { formatSummaryText } from '../../src/print/summary.js';
import { formatComparisonByStory } from '../../src/print/stories.js';
import type { Story } from '../../src/analysis/types.js';
import { makeArticle } from '../render/fixtures.js';
import { madeUpComparison, madeUpSummary } from '../tui/analysis-fixtures.js';
import { compare, press, startState, summary } from '../tui/helpers.js';

/**
 * Printed output and the reader's screens draw one layout (src/render): a printed summary or comparison
 * is the reader's sheet with, after each item, where it came from. These fail when the two drift apart.
 */

const POINTER = / {2}para \d+, sentence \d+$/;

/** Printed text without its pointers: a pointer ends an item's last line or stands on a line of its own. */
function withoutPointers(text: string): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .filter((line) => !/^ *para \d+, sentence \d+$/.test(line))
    .map((line) => line.replace(POINTER, ''));
}

const articles = ['marren-floods', 'delta-talks', 'delta-shelling', 'harvest-fair'].map((id) => makeArticle({ id, title: id, body: 'Text.', paragraphs: ['Text.'] }));
const load = { articles, problems: [] };

function finish(state: Model, outcome: Omit<AnalysisOutcome, 'job'>): Model {
  return reduce(state, { type: 'analysis-done', outcome: { job: state.job!, ...outcome } as AnalysisOutcome });
}

describe('one layout for print and the reader', () => {
  for (const cols of [40, 80, 100]) {
    it(`the printed summary is the summary screen's sheet, item for item (${cols} columns)`, () => {
      const state = finish(press(startState(load, { cols }), 's'), { summary: madeUpSummary(), sentences: {} });
      const sheet = summary(state)!.sheet!;
      const printed = formatSummaryText(madeUpSummary(), { width: cols, color: false });
      expect(withoutPointers(printed)).toEqual(sheet.lines);
      // Every fact with evidence says where it came from.
      expect(printed.match(/para \d+, sentence \d+/g)).toHaveLength(sheet.anchors.filter((a) => a.target).length);
    });

    it(`each printed statement is drawn as the comparison screen draws it (${cols} columns)`, () => {
      const comparison = madeUpComparison();
      const state = finish(press(startState(load, { cols }), 'c'), { comparison, sentences: {} });
      const sheet = compare(state)!.sheet!;
      const story: Story = {
        id: 'delta',
        title: 'Delta truce',
        articles: comparison.articles.map((a) => ({ ...a, source: null })),
        outlets: 0,
        people: [],
        places: [],
        span: null,
      };
      const printed = withoutPointers(formatComparisonByStory(comparison, [story], { width: cols, color: false })).join('\n');
      const statements = sheet.anchors.filter((a) => a.key.startsWith('statement:'));
      expect(statements.length).toBe(comparison.statements.length);
      for (const anchor of statements) expect(printed).toContain(sheet.lines.slice(anchor.line, anchor.end).join('\n'));
      // The speaker headings too.
      for (const line of sheet.lines.filter((l) => / · \d+ statements?$/.test(l))) expect(printed.split('\n')).toContain(line);
    });
  }
});
