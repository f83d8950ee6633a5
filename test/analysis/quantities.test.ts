import { describe, expect, it } from 'vitest';
import { findQuantities, findQuantitiesInText } from '../../src/analysis/quantities.js';
import type { Sentence } from '../../src/analysis/types.js';

const brief = (text: string) => findQuantitiesInText(text).map((q) => [q.category, q.count, q.qualifier, q.what]);

describe('findQuantitiesInText', () => {
  it('reads weapons with their modifiers and qualifier', () => {
    expect(brief('Russia targeted Ukraine with over 800 Shahed-type drones overnight.')).toEqual([['weapon', 800, 'over', 'Shahed-type drones']]);
    expect(brief('The army fired 40 ballistic missiles and twelve rockets.')).toEqual([
      ['weapon', 40, 'exact', 'ballistic missiles'],
      ['weapon', 12, 'exact', 'rockets'],
    ]);
  });

  it('reads durations glued to their unit and after "for"', () => {
    expect(brief('a 30-day freeze on attacks targeting energy infrastructure ends Friday')).toEqual([['duration', 30, 'exact', 'day freeze']]);
    expect(brief('after a 90-minute phone call with Putin')).toEqual([['duration', 90, 'exact', 'minute phone call']]);
    expect(brief('For forty-four days, Russia has continued to kill people.')).toEqual([['duration', 44, 'exact', 'days']]);
  });

  it('does not read "44 days ago" or an age as a duration', () => {
    expect(brief('Forty-four days ago, Ukraine agreed to a full ceasefire.')).toEqual([]);
    expect(brief('A 34-year-old man was detained.')).toEqual([]);
  });

  it('reads money with its currency', () => {
    expect(brief('The EU pledged €2 billion and the U.S. sent $300m.')).toEqual([
      ['money', 2_000_000_000, 'exact', 'euros'],
      ['money', 300_000_000, 'exact', 'dollars'],
    ]);
    expect(brief('a loan of 50 million euros')).toEqual([['money', 50_000_000, 'exact', 'euros']]);
  });

  it('keeps people moved from their homes, and leaves the dead to casualties', () => {
    expect(brief('Floods killed 9 people and some 3,000 residents were evacuated.')).toEqual([['people', 3000, 'about', 'residents evacuated']]);
    expect(brief('Kyiv and Moscow swapped 390 prisoners.')).toEqual([['people', 390, 'exact', 'prisoners']]);
  });

  it('ignores article numbers, ordinals and years', () => {
    expect(brief('NATO article 5 and the 448th brigade, formed in 2014.')).toEqual([]);
  });
});

describe('findQuantities', () => {
  it('points each quantity at its words in the article', () => {
    const text = 'Rebels fired 12 mortars. The siege lasted 3 weeks.';
    const sentences: Sentence[] = [
      { index: 0, paragraph: 0, start: 0, end: 24, text: text.slice(0, 24) },
      { index: 1, paragraph: 0, start: 25, end: text.length, text: text.slice(25) },
    ];
    const got = findQuantities({ id: 'x', title: 'x', date: null, paragraphs: [text] }, sentences);
    expect(got.map((q) => text.slice(q.evidence.start, q.evidence.end))).toEqual(['12 mortars', '3 weeks']);
    expect(got[1].evidence.sentence).toBe(1);
  });
});
