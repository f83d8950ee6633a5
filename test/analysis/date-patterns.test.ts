import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/analysis/dates.js';
import { splitSentences } from '../../src/analysis/sentences.js';
import type { AnalysisInput } from '../../src/analysis/types.js';

/** Invented sentences for the date rules the summary must get right. 2026-03-05 is a Thursday. */

function dates(date: string | null, ...paragraphs: string[]): [string, string | null][] {
  const input: AnalysisInput = { id: 't', title: 't', date, paragraphs };
  return findDates(input, splitSentences(input)).map((d) => [d.text, d.date]);
}

describe('dates resolve as a reader would', () => {
  it('reads the paper’s own weekday as that day, looking back or ahead', () => {
    expect(dates('2026-03-05', 'The mayor resigned on Thursday.')).toEqual([['on Thursday', '2026-03-05']]);
    expect(dates('2026-03-05', 'The council will vote on Thursday.')).toEqual([['on Thursday', '2026-03-05']]);
  });

  it('points a deadline forward and a past report back, whatever a quote promises', () => {
    expect(dates('2026-03-05', 'The envoy urged both sides to open the road by Friday.')).toEqual([['Friday', '2026-03-06']]);
    expect(dates('2026-03-05', 'Checks could begin as early as Saturday, she said.')).toEqual([['Saturday', '2026-03-07']]);
    expect(dates('2026-03-05', '“We will keep the peace,” the minister said on Wednesday evening.')).toEqual([['on Wednesday evening', '2026-03-04']]);
  });

  it('takes the most recent month unless the verb looks ahead', () => {
    expect(dates('2026-03-05', 'Talks collapsed in February.')).toEqual([['February', '2026-02']]);
    expect(dates('2026-03-05', 'Talks collapsed in November.')).toEqual([['November', '2025-11']]);
    expect(dates('2026-03-05', 'Talks will resume in November.')).toEqual([['November', '2026-11']]);
  });

  it('does not make dates of durations', () => {
    expect(dates('2026-03-05', 'The siege ended after 14 months.')).toEqual([]);
    expect(dates('2026-03-05', 'Five years after, the town is still empty.')).toEqual([]);
  });

  it('counts "two days later" on from the date the story last gave', () => {
    expect(dates('2026-07-08', 'The first convoy left on June 26.', 'Two days later, it was shelled.')).toEqual([
      ['June 26', '2026-06-26'],
      ['Two days later', '2026-06-28'],
    ]);
  });

  it('leaves vague spans without a day', () => {
    expect(dates('2026-03-05', 'Fighting flared last week.')).toEqual([['last week', null]]);
    expect(dates('2026-03-05', 'Aid arrived earlier this month.')).toEqual([['earlier this month', '2026-03']]);
  });

  it('resolves nothing that depends on a date the article does not give', () => {
    expect(dates(null, 'The truce began on Sunday and broke last week.', 'Two days later, talks resumed in 2024.')).toEqual([
      ['on Sunday', null],
      ['last week', null],
      ['Two days later', null],
      ['2024', '2024'],
    ]);
  });
});
