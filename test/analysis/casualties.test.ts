import { describe, expect, it } from 'vitest';
import { findCasualties, findCasualtiesInText } from '../../src/analysis/casualties.js';
import type { Sentence } from '../../src/analysis/types.js';

const brief = (text: string) =>
  findCasualtiesInText(text).map((c) => ({ kind: c.kind, count: c.count, qualifier: c.qualifier, group: c.group, including: c.including }));

describe('findCasualtiesInText', () => {
  it('keeps "including" as a part of the total and reads the coordinated verb that follows', () => {
    expect(brief('A missile strike, which killed 34 people, including two children and injured over 100, has underscored it.')).toEqual([
      { kind: 'killed', count: 34, qualifier: 'exact', group: 'people', including: [{ count: 2, group: 'children' }] },
      { kind: 'injured', count: 100, qualifier: 'over', group: null, including: [] },
    ]);
  });

  it('reads number words and "more than" with others', () => {
    expect(brief('drones that killed twelve people and wounded more than seventy others, including six children.')).toEqual([
      { kind: 'killed', count: 12, qualifier: 'exact', group: 'people', including: [] },
      { kind: 'injured', count: 70, qualifier: 'over', group: null, including: [{ count: 6, group: 'children' }] },
    ]);
  });

  it('reads participles: "injuring over 40 people across the country"', () => {
    expect(brief('Drones hit overnight, injuring over 40 people across the country.')).toEqual([
      { kind: 'injured', count: 40, qualifier: 'over', group: 'people', including: [] },
    ]);
  });

  it.each([
    ['At least 12 people were killed in the blast.', 'killed', 12, 'at least', 'people'],
    ['The quake left 34 dead.', 'killed', 34, 'exact', null],
    ['The death toll rose to 19 on Tuesday.', 'killed', 19, 'exact', null],
    ['The death toll has risen to more than 200.', 'killed', 200, 'over', null],
    ['Officials said 8 soldiers were wounded.', 'injured', 8, 'exact', 'soldiers'],
    ['Five trawlermen remain missing, police said.', 'missing', 5, 'exact', 'trawlermen'],
    ['Three miners were killed when the shaft collapsed.', 'killed', 3, 'exact', 'miners'],
    ['Five people remain missing, police said.', 'missing', 5, 'exact', 'people'],
    ['Some 3,000 residents were evacuated from the valley.', 'evacuated', 3000, 'about', 'residents'],
    ['The floods displaced nearly 12,000 villagers.', 'displaced', 12000, 'nearly', 'villagers'],
    ['Shelling killed 7 Ukrainian civilians in Kherson.', 'killed', 7, 'exact', 'Ukrainian civilians'],
    ['Troops captured 40 enemy soldiers near the river.', 'captured', 40, 'exact', 'enemy soldiers'],
    ['The attack killed dozens of people.', 'killed', 24, 'at least', null],
  ])('%s', (text, kind, count, qualifier, group) => {
    const got = findCasualtiesInText(text);
    if (kind === null) {
      expect(got).toEqual([]);
      return;
    }
    expect(got[0]).toMatchObject({ kind, count, qualifier });
    if (group !== null) expect(got[0].group).toBe(group);
  });

  it.each([
    'A 34-year-old man was killed in the attack.',
    'Ukrainian forces struck the 448th missile brigade, which was involved in the deadly strike.',
    'Forty-four days ago, Ukraine agreed to a full ceasefire.',
    'For forty-four days, Russia has continued to kill people.',
    'Russia targeted Ukraine with over 800 Shahed-type drones overnight.',
    'The war that began in 2022 killed civilians across the country.',
    'In 2014 wounded veterans marched in the capital.',
    'No one was hurt, the mayor said.',
    'He was killed two days ago.',
    'The 40 missiles killed nobody.',
  ])('finds no casualty count in: %s', (text) => {
    expect(findCasualtiesInText(text)).toEqual([]);
  });

  it('quotes the words the count was read from', () => {
    const text = 'Drones wounded more than seventy others, officials said.';
    const [c] = findCasualtiesInText(text);
    expect(text.slice(c.start, c.end)).toBe('wounded more than seventy others');
  });
});

describe('findCasualties', () => {
  it('gives evidence offsets into the article text and keeps one entry per repeated figure', () => {
    const text = 'Floods killed 9 people. Rescuers said the floods killed 9 people. Later the toll rose to 11.';
    const sentences: Sentence[] = [
      { index: 0, paragraph: 0, start: 0, end: 23, text: text.slice(0, 23) },
      { index: 1, paragraph: 0, start: 24, end: 65, text: text.slice(24, 65) },
      { index: 2, paragraph: 0, start: 66, end: text.length, text: text.slice(66) },
    ];
    const got = findCasualties({ id: 'x', title: 'x', date: null, paragraphs: [text] }, sentences);
    expect(got.map((c) => c.count)).toEqual([9, 11]);
    for (const c of got) expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.text);
    expect(got[0].text).toBe('killed 9 people');
    expect(got[1].evidence.sentence).toBe(2);
  });
});

describe('findCasualtiesInText on other wars and disasters', () => {
  it.each([
    ['Israeli strikes killed 42 Palestinians, including 17 women and children, the ministry said.', 'killed', 42, [{ count: 17, group: 'women and children' }]],
    ['The death toll from the floods rose to 48 on Sunday.', 'killed', 48, []],
    ['Militants took 251 hostages during the raid.', 'captured', 251, []],
    ['Hundreds of thousands of people have fled their homes.', 'displaced', 200_000, []],
    ['9 killed, 30 injured in bus crash', 'killed', 9, []],
  ])('%s', (text, kind, count, including) => {
    expect(findCasualtiesInText(text)[0]).toMatchObject({ kind, count, including });
  });

  it('reads both halves of "left 3 dead and 14 injured"', () => {
    expect(findCasualtiesInText('The attack left 3 dead and 14 injured.').map((c) => [c.kind, c.count])).toEqual([
      ['killed', 3],
      ['injured', 14],
    ]);
  });
});
