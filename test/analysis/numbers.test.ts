import { describe, expect, it } from 'vitest';
import { findNumbers, findQualifiedNumbers, wordsToNumber } from '../../src/analysis/numbers.js';

describe('wordsToNumber', () => {
  it.each([
    ['twelve', 12],
    ['forty-four', 44],
    ['Forty-four', 44],
    ['seventy', 70],
    ['a hundred', 100],
    ['one hundred and twenty', 120],
    ['two dozen', 24],
    ['1,200', 1200],
    ['1.5 million', 1_500_000],
    ['three thousand', 3000],
    ['twenty five', 25],
  ])('reads %s as %d', (text, value) => {
    expect(wordsToNumber(text)).toBe(value);
  });

  it('gives null for vague plurals and for words that are not numbers', () => {
    expect(wordsToNumber('hundreds')).toBeNull();
    expect(wordsToNumber('dozens')).toBeNull();
    expect(wordsToNumber('people')).toBeNull();
  });
});

describe('findNumbers', () => {
  it('flags vague plurals and keeps their smallest sensible value', () => {
    const [n] = findNumbers('hundreds of people fled');
    expect(n).toMatchObject({ vague: true, value: 200, text: 'hundreds' });
  });

  it('skips ordinals and words glued to digits', () => {
    expect(findNumbers('the 448th brigade and 5G masts')).toEqual([]);
  });

  it('notes the word hyphenated to a count, so ages and durations can be told apart', () => {
    const found = findNumbers('a 34-year-old man and a 30-day freeze');
    expect(found.map((n) => [n.value, n.compound])).toEqual([[34, 'year'], [30, 'day']]);
  });

  it('does not read "no one" as a count of one', () => {
    expect(findNumbers('no one was hurt')).toEqual([]);
  });

  it('reports exact offsets', () => {
    const text = 'It killed forty-four people.';
    const [n] = findNumbers(text);
    expect(text.slice(n.start, n.end)).toBe('forty-four');
  });
});

describe('findQualifiedNumbers', () => {
  it.each([
    ['wounded more than seventy others', 70, 'over'],
    ['injuring over 40 people', 40, 'over'],
    ['about 300 homes', 300, 'about'],
    ['around 12 people', 12, 'about'],
    ['some 5,000 troops', 5000, 'about'],
    ['at least 19 dead', 19, 'at least'],
    ['up to 40 missiles', 40, 'up to'],
    ['nearly 200 people', 200, 'nearly'],
    ['almost 200 people', 200, 'nearly'],
    ['fewer than 10 soldiers', 10, 'under'],
    ['under 10 soldiers', 10, 'under'],
    ['killed 34 people', 34, 'exact'],
    ['40 or more people', 40, 'over'],
  ])('%s -> %d (%s)', (text, value, qualifier) => {
    const [n] = findQualifiedNumbers(text);
    expect(n.value).toBe(value);
    expect(n.qualifier).toBe(qualifier);
  });

  it('starts the phrase at the qualifier words', () => {
    const text = 'wounded more than seventy others';
    const [n] = findQualifiedNumbers(text);
    expect(text.slice(n.phraseStart, n.end)).toBe('more than seventy');
  });
});
