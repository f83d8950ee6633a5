import type { Comparison, Evidence, Statement, Summary } from '../../src/analysis/types.js';

/**
 * Analysis results made up for the screen tests: other names, places and numbers than the bundled
 * articles, so the screens are tested on what they lay out, not on what the analysis happens to find.
 */

export function evidence(sentence: number, paragraph: number, start: number, end: number): Evidence {
  return { sentence, paragraph, start, end };
}

export function madeUpSummary(overrides: Partial<Summary> = {}): Summary {
  const first = 'Floodwater closed the Marren bridge on Monday after three days of rain.';
  const second = 'Engineers said the river would crest by Wednesday.';
  return {
    id: 'marren-floods',
    title: 'Floods close the Marren bridge as the river rises',
    date: '2031-10-06',
    lead: `${first} ${second}`,
    leadEvidence: [evidence(0, 0, 0, first.length), evidence(1, 0, first.length + 1, first.length + 1 + second.length)],
    casualties: [
      {
        kind: 'injured',
        count: 14,
        qualifier: 'at least',
        group: 'residents',
        including: [{ count: 3, group: 'children' }],
        text: 'injuring at least fourteen residents, including three children',
        evidence: evidence(2, 1, 130, 192),
      },
    ],
    quantities: [{ count: 220, qualifier: 'about', what: 'homes evacuated', category: 'people', text: 'about 220 homes evacuated', evidence: evidence(3, 1, 200, 225) }],
    people: [
      { name: 'Ines Valdor', role: 'Mayor', mentions: 4, aliases: ['Valdor'], evidence: [evidence(4, 2, 300, 311), evidence(6, 3, 420, 426)] },
      { name: 'Tomas Brell', role: null, mentions: 1, aliases: [], evidence: [evidence(5, 2, 350, 361)] },
    ],
    places: [{ name: 'Port Arlen', mentions: 2, aliases: [], evidence: [evidence(1, 0, 90, 100)] }],
    organizations: [],
    dates: [{ text: 'on Monday', date: '2031-10-06', event: 'bridge closure', evidence: evidence(0, 0, 50, 59) }],
    quotes: [
      { speaker: 'Ines Valdor', text: 'Stay off the embankment until the water drops.', kind: 'indirect', evidence: evidence(6, 3, 400, 460) },
      { speaker: 'Tomas Brell', text: 'We have never seen the river this high', kind: 'direct', evidence: evidence(5, 2, 340, 390) },
    ],
    ...overrides,
  };
}

function statement(fields: Partial<Statement> & Pick<Statement, 'article' | 'speaker' | 'text'>): Statement {
  return { kind: fields.speaker ? 'direct' : 'narration', stance: 'neutral', dates: [], evidence: evidence(0, 0, 0, fields.text.length), ...fields };
}

/** Two made-up articles about a truce on another river, with two speakers who disagree and some narration. */
export function madeUpComparison(): Comparison {
  return {
    topic: 'truce',
    terms: ['truce'],
    articles: [
      { id: 'delta-talks', title: 'Delta talks resume under a fragile truce', date: '2031-05-20' },
      { id: 'delta-shelling', title: 'Shelling on the delta tests the truce', date: '2031-05-02' },
      { id: 'harvest-fair', title: 'Harvest fair opens', date: '2031-05-10' },
    ],
    statements: [
      statement({ article: 'delta-talks', speaker: 'Anika Soler', kind: 'indirect', stance: 'accepts', text: 'Anika Soler said her side would keep the truce.', evidence: evidence(2, 1, 120, 167) }),
      statement({ article: 'delta-talks', speaker: null, stance: 'deadline', text: 'The truce runs out on June 1.', dates: [{ text: 'June 1', date: '2031-06-01' }], evidence: evidence(4, 2, 300, 329) }),
      statement({ article: 'delta-shelling', speaker: 'Ravel Okon', stance: 'rejects', text: '“There is no truce,” Ravel Okon said.', evidence: evidence(1, 0, 60, 97) }),
      statement({ article: 'delta-shelling', speaker: 'Anika Soler', stance: 'hopes', text: '“The truce of April 30 can still hold,” Soler said.', dates: [{ text: 'April 30', date: '2031-04-30' }], evidence: evidence(3, 1, 150, 201) }),
      statement({ article: 'delta-talks', speaker: 'Ravel Okon', kind: 'indirect', stance: 'doubts', text: 'Okon doubted the truce would last, his office said.', dates: [{ text: 'next spring', date: null }], evidence: evidence(5, 2, 330, 381) }),
    ],
    speakers: [
      { name: 'Anika Soler', aliases: ['Soler'], articles: ['delta-talks', 'delta-shelling'], statements: 2 },
      { name: 'Ravel Okon', aliases: ['Okon'], articles: ['delta-shelling', 'delta-talks'], statements: 2 },
    ],
    disagreements: [{ a: 0, b: 2, why: 'Anika Soler accepts, Ravel Okon rejects' }],
  };
}
