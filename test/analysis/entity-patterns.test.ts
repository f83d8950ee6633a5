import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/analysis/entities.js';
import { samePerson } from '../../src/analysis/names.js';
import { splitSentences } from '../../src/analysis/sentences.js';
import type { AnalysisInput } from '../../src/analysis/types.js';

/** Invented reports for the patterns the summary must read: every name here is made up. */

function entities(...paragraphs: string[]) {
  const input: AnalysisInput = { id: 't', title: 't', date: '2026-04-02', paragraphs };
  return findEntities(input, splitSentences(input));
}

const people = (e: ReturnType<typeof entities>) => e.people.map((p) => p.name);
const places = (e: ReturnType<typeof entities>) => e.places.map((p) => p.name);

describe('people are people, with clean names', () => {
  it('joins chains of name particles and matches the surname alone', () => {
    const e = entities(
      '"We are close," said Maarten van der Voort, the Selvan mediator, on Monday.',
      'Van der Voort flew home. Later Inés de la Cerda, the commissioner, said talks would resume.',
    );
    expect(people(e)).toEqual(expect.arrayContaining(['Maarten van der Voort', 'Inés de la Cerda']));
    expect(people(e)).not.toContain('Van der Voort');
    expect(samePerson('Van der Voort', 'Maarten van der Voort')).toBe(true);
  });

  it('keeps a quoted nickname inside one name, and the nickname alone names the same person', () => {
    const e = entities(
      'The rebel chief, Rodrigo "El Flaco" Marin, signed the pact on Tuesday.',
      'Known across the hills by a nickname, El Flaco, he has evaded capture for years. El Flaco said he was tired.',
    );
    expect(people(e)).toEqual(['Rodrigo Marin']);
    expect(e.people[0].aliases).toContain('El Flaco');
  });

  it('takes a qualified title off the name', () => {
    const e = entities(
      'Information Minister Tove Arnesen said the road was open.',
      'Station Commander Idris Boateng told reporters the fire was out. Mediator Sunniva Kjeld urged calm.',
    );
    expect(people(e)).toEqual(expect.arrayContaining(['Tove Arnesen', 'Idris Boateng', 'Sunniva Kjeld']));
    expect(e.people.find((p) => p.name === 'Tove Arnesen')?.role).toBe('Information Minister');
  });

  it('names a person written family name first by that name alone', () => {
    const e = entities('Tran Van Minh, the aid coordinator, arrived on Friday.', 'Tran said the trucks were waiting.');
    expect(people(e)).toEqual(['Tran Van Minh']);
  });

  it('never makes a person of a demonym, an organisation or a group', () => {
    const e = entities(
      'Marvosi officials said the Marvosi army had withdrawn from Marvos. Shells fell on Marvos again.',
      'Astrid Lund, the Union of Harbours envoy, said the Grain Fishermen had stayed ashore; the fishermen agreed.',
      'The Union of Harbours said in a statement that the convoy had passed. Neither side spoke.',
    );
    expect(people(e)).toEqual(['Astrid Lund']);
    expect(places(e)).toContain('Marvos');
  });
});

describe('bodies before names', () => {
  it('takes the person out of a body’s name and never makes a person of the body', () => {
    const e = entities('According to the spokesman for Vardia’s National Security and Defence Council Ilya Marten, two posts were hit.');
    expect(people(e)).toEqual(['Ilya Marten']);
    expect(e.organizations.map((o) => o.name)).not.toContain('Ilya Marten');
  });

  it('shows a place as the article spells it', () => {
    expect(places(entities('Talks were held in Kiev on Monday.'))).toEqual(['Kiev']);
  });
});

describe('places the capitalisation rules miss', () => {
  it('reads a dateline in capitals, with its country, in the article’s own spelling', () => {
    const e = entities('PORT ALMA, Veskaria, May 3 (Wire) — Flooding cut the coast road.', 'Ferries left Port Alma at dawn.');
    expect(places(e)).toEqual(expect.arrayContaining(['Port Alma', 'Veskaria']));
    expect(e.places.find((p) => p.name === 'Port Alma')?.mentions).toBe(2);
  });

  it('reads "the capital, Veltra" and a demonym’s country', () => {
    const e = entities(
      'Diplomats met in the capital, Veltra, on Sunday.',
      'Ostravian troops shelled Ostravia’s border villages, and Ostravia’s government denied it.',
    );
    expect(places(e)).toEqual(expect.arrayContaining(['Veltra', 'Ostravia']));
    expect(places(e)).not.toContain('Ostravian');
  });

  it('merges two spellings of one place and shows the one written more often', () => {
    const e = entities('Shells hit Harkovo on Monday.', 'In Harkovo, residents fled. Aid reached the city of Harkivo later.');
    expect(places(e)).toEqual(['Harkovo']);
    expect(e.places[0].aliases).toEqual(['Harkivo']);
  });

  it('reads geographic words that open a name', () => {
    const e = entities('Boats gathered off Cape Verlin while the talks moved to Puerto Sal and Upper Dessa.');
    expect(places(e)).toEqual(expect.arrayContaining(['Cape Verlin', 'Puerto Sal', 'Upper Dessa']));
    expect(people(e)).toEqual([]);
  });
});
