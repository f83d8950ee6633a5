import { describe, expect, it } from 'vitest';
import { findDates, findDatesInText } from '../../src/analysis/dates.js';
import { splitSentences } from '../../src/analysis/sentences.js';
import { analysisText } from '../../src/analysis/text.js';
import { readFactsFixture } from './load-fixture.js';

const dates = (text: string, articleDate: string | null) =>
  findDatesInText(text, articleDate).map((d) => [d.text, d.date]);

describe('findDatesInText', () => {
  it('resolves abbreviated month names against the article date', () => {
    expect(dates('Kellogg said on Sept. 7, hours after the attack.', '2025-09-07')).toEqual([['Sept. 7', '2025-09-07']]);
  });

  it('ties a date used as a modifier to its event', () => {
    const [deadline, summit] = findDatesInText(
      "Trump's Aug. 8 deadline for Putin to impose a ceasefire passed without any consequences, and the Aug. 15 Trump-Putin summit in Alaska also failed.",
      '2025-09-07',
    );
    expect(deadline).toMatchObject({ text: 'Aug. 8', date: '2025-08-08' });
    expect(deadline.event).toBe("Trump's deadline for Putin to impose a ceasefire");
    expect(summit).toMatchObject({ text: 'Aug. 15', date: '2025-08-15', event: 'Trump-Putin summit in Alaska' });
  });

  it('reads number words in relative dates and keeps the words as written', () => {
    expect(dates('“Forty-four days ago, Ukraine agreed to a full ceasefire.', '2025-04-24')).toEqual([['Forty-four days ago', '2025-03-11']]);
    expect(dates('He had visited only two weeks earlier.', '2025-09-07')).toEqual([['two weeks earlier', '2025-08-24']]);
  });

  it('resolves a month alone to YYYY-MM, in the past unless the sentence looks ahead', () => {
    expect(dates('since the invasion in February 2022', '2025-04-24')).toEqual([['February 2022', '2022-02']]);
    expect(dates('since Trump took office in January, with minimal results', '2025-09-07')).toEqual([['January', '2025-01']]);
    expect(dates('Elections will be held in March.', '2025-09-07')).toEqual([['March', '2026-03']]);
  });

  it('puts a bare weekday before the article date, or after it when the sentence looks ahead', () => {
    // 2025-04-14 is a Monday.
    expect(dates('On Friday, Trump expressed frustration.', '2025-04-14')).toEqual([['On Friday', '2025-04-11']]);
    expect(dates('A 30-day freeze on attacks ends Friday.', '2025-04-14')).toEqual([['Friday', '2025-04-18']]);
    expect(dates('It happened on Monday.', '2025-04-14')).toEqual([['on Monday', '2025-04-14']]);
  });

  it('leaves durations, times of day and article numbers out', () => {
    expect(dates('For forty-four days, Russia has continued to attack.', '2025-04-24')).toEqual([]);
    expect(dates('Rain fell in eight hours; the morning after, NATO article 5 was cited.', '2025-04-24')).toEqual([]);
  });

  it('finds a year written alone', () => {
    expect(dates('the deadliest quake since 1939, officials said', '2023-02-08')).toEqual([['1939', '1939']]);
  });

  it('reads other date forms news uses', () => {
    expect(dates('About 1,200 people were killed on Oct. 7, 2023, officials said.', '2025-04-16')).toEqual([['Oct. 7, 2023', '2023-10-07']]);
    expect(dates('The vote is on 12 March.', '2025-04-16')).toEqual([['on 12 March', '2025-03-12']]);
    expect(dates('Last year it refused; prices rose again in mid-2024.', '2025-04-16')).toEqual([['Last year', '2024'], ['2024', '2024']]);
    expect(dates('Yesterday the minister resigned.', '2025-04-16')).toEqual([['Yesterday', '2025-04-15']]);
  });

  it('does not take the verb "may" for the month', () => {
    expect(dates('He may 5 times have said no.', '2025-04-16')).toEqual([]);
  });

  it("ties a weekday's own event to it: \"Sunday's attack\"", () => {
    expect(findDatesInText("Sunday's attack came days after talks in Doha.", '2025-04-16')[0]).toMatchObject({ date: '2025-04-13', event: 'attack' });
  });

  it('cannot place a weekday or a month without a year when the article has no date', () => {
    expect(dates('On Friday the talks resumed, as agreed in February 2022.', null)).toEqual([
      ['On Friday', null],
      ['February 2022', '2022-02'],
    ]);
  });
});

describe('findDates on an article of our own', () => {
  it('finds every date form with exact evidence offsets', () => {
    const input = readFactsFixture('facts-war'); // dated Thursday 2024-06-06
    const sentences = splitSentences(input);
    const found = findDates(input, sentences);
    const text = analysisText(input);
    for (const d of found) expect(text.slice(d.evidence.start, d.evidence.end)).toBe(d.text);
    const byText = Object.fromEntries(found.map((d) => [d.text, d]));
    expect(byText['on Wednesday'].date).toBe('2024-06-05');
    expect(byText['April 2023']).toMatchObject({ date: '2023-04', event: 'war between the army and the Rapid Support Forces' });
    expect(byText['Two weeks ago'].date).toBe('2024-05-23');
    expect(byText['next Tuesday'].date).toBe('2024-06-11');
  });

  it('points a weekday forward when an event is announced for it', () => {
    const input = readFactsFixture('facts-floods'); // dated Thursday 2024-10-31
    const found = findDates(input, splitSentences(input));
    const friday = found.find((d) => d.text === 'on Friday');
    expect(friday).toMatchObject({ date: '2024-11-01', event: 'three-day mourning period' });
    expect(found.find((d) => d.text === 'on Tuesday night')?.date).toBe('2024-10-29');
    expect(found.find((d) => d.text === 'October 1957')?.date).toBe('1957-10');
  });
});
