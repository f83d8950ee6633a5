import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/analysis/entities.js';
import { cleanName, samePerson, wordKey } from '../../src/analysis/names.js';
import { splitSentences } from '../../src/analysis/sentences.js';
import type { AnalysisInput } from '../../src/analysis/types.js';
import { ARTICLES_DIR, FIXTURES_DIR, articleInput, loadDir } from './helpers.js';

const gold = JSON.parse(readFileSync(new URL('../fixtures/gold/seeds.json', import.meta.url), 'utf8')) as {
  summary: Record<string, { people: string[]; places: string[] }>;
};

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function entities(input: AnalysisInput) {
  return findEntities(input, splitSentences(input));
}

function para(...paragraphs: string[]): AnalysisInput {
  return { id: 't', title: 't', date: '2024-01-01', paragraphs };
}

describe('names', () => {
  it('cleans possessives and trailing punctuation but keeps abbreviations', () => {
    expect(cleanName('Trump’s')).toBe('Trump');
    expect(cleanName('Kellogg,')).toBe('Kellogg');
    expect(cleanName('“Strand.')).toBe('Strand');
    expect(cleanName('U.S.')).toBe('U.S.');
  });

  it('merges transliteration variants and surnames, not different given names', () => {
    expect(wordKey('Zelenskyy')).toBe(wordKey('Zelensky'));
    expect(wordKey('Zelenskiy')).toBe(wordKey('Zelensky'));
    expect(samePerson('Putin', 'Vladimir Putin')).toBe(true);
    expect(samePerson('Volodymyr Zelensky', 'Volodymyr Zelenskyy')).toBe(true);
    expect(samePerson('Éric Dupont', 'Eric Dupont')).toBe(true);
    expect(samePerson('Melania Trump', 'Donald Trump')).toBe(false);
  });
});

describe.each(Object.entries(gold.summary))('gold people and places of %s', (id, expected) => {
  const found = entities(articleInput(`${ARTICLES_DIR}${id}.md`));
  it.each(expected.people)('has person %s', (name) => {
    expect(found.people.map((p) => fold(p.name))).toContain(fold(name));
  });
  it.each(expected.places)('has place %s', (name) => {
    expect(found.places.map((p) => fold(p.name))).toContain(fold(name));
  });
});

describe('findEntities on the bundled articles', () => {
  const all = loadDir(ARTICLES_DIR).map(entities);
  it('gives clean names: no possessive, trailing punctuation or bare title', () => {
    for (const e of all) {
      for (const n of [...e.people, ...e.places, ...e.organizations].flatMap((x) => [x.name, ...x.aliases])) {
        expect(n).not.toMatch(/['’]s$|[,;:]$|^President\b|^(While|Other|Hopes|Plans)\b/);
      }
      expect(e.places.map((p) => p.name)).not.toContain('Russian');
      expect(e.places.map((p) => p.name)).not.toContain('Ukrainian');
    }
  });

  it('keeps one entry per person with the role the text gives', () => {
    const kellogg = all[0].people;
    const byName = (n: string) => kellogg.find((p) => p.name === n);
    expect(byName('Keith Kellogg')?.role).toBe('Special Envoy');
    expect(byName('Scott Bessent')?.role).toBe('Treasury Secretary');
    expect(byName('Vladimir Putin')?.role).toBe('Russian President');
    expect(kellogg.filter((p) => /Trump/.test(p.name))).toHaveLength(1);
    expect(byName('Donald Trump')!.mentions).toBeGreaterThan(3);
  });
});

describe('findEntities on unseen text', () => {
  const e = entities(articleInput(`${FIXTURES_DIR}compare/pellin-truce.txt`));
  const person = (n: string) => e.people.find((p) => p.name === n);

  it('finds people with prefixed and appositive roles, merged across forms', () => {
    expect(person('Johan Strand')?.role).toBe('prime minister');
    expect(person('Johan Strand')?.mentions).toBe(4);
    expect(person('Tomas Vell')?.role).toBe('Varnian President');
    expect(person('Marta Kollin')?.role).toBe('foreign minister');
    expect(person('Oleh Marchenkyy')?.role).toBe('Defence Minister');
  });

  it('finds places by context and organisations by their words', () => {
    expect(e.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Brask', 'Ostrava Valley']));
    expect(e.organizations.map((o) => o.name)).toContain('Pellin Defence Ministry');
    expect(e.places.map((p) => p.name)).not.toContain('Varnian');
  });

  it('does not take capitalised sentence openers or demonyms for entities', () => {
    const x = entities(para('Hopes for talks faded. While Lorsk slept, the army moved. Critics said it was late. Residents in Lorsk fled.'));
    const names = [...x.people, ...x.places, ...x.organizations].map((n) => n.name);
    expect(names).not.toContain('Hopes');
    expect(names).not.toContain('While');
    expect(names).not.toContain('Critics');
    expect(names).not.toContain('Residents');
    expect(x.places.map((p) => p.name)).toContain('Lorsk');
  });

  it('splits a hyphenated pair of known names and keeps initials together', () => {
    const x = entities(para('Ana Moro met Piet Varga. The Moro-Varga summit was cancelled, J. R. Tolk said.'));
    expect(x.people.find((p) => p.name === 'Ana Moro')?.mentions).toBe(2);
    expect(x.people.find((p) => p.name === 'Piet Varga')?.mentions).toBe(2);
    expect(x.people.map((p) => p.name)).toContain('J. R. Tolk');
  });
});

describe('roles written in other ways', () => {
  it('reads acronym titles, bare lower-case roles and groups named by their people', () => {
    const x = entities(
      para('VSB Director Lena Marsh met Kestrel official Omar Dass in Lorsk. The Kestrel spokesman said nothing. Marsh left.'),
    );
    expect(x.people.find((p) => p.name === 'Lena Marsh')).toMatchObject({ role: 'VSB Director', mentions: 2 });
    expect(x.people.find((p) => p.name === 'Omar Dass')?.role).toBe('Kestrel official');
    expect(x.organizations.map((o) => o.name)).toContain('Kestrel');
  });
});
