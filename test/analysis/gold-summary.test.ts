import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summary.js';
import { loadBundledInputs } from './load-fixture.js';

/**
 * The "summary" part of test/fixtures/gold/seeds.json, checked as its "about" says: every
 * listed name must appear among the article's people/places, every casualty as {kind, count},
 * every date text among its dates.
 */

interface GoldSummary {
  people: string[];
  places: string[];
  casualties: { kind: string; count: number }[];
  dates: string[];
}

const gold = JSON.parse(readFileSync(new URL('../fixtures/gold/seeds.json', import.meta.url), 'utf8')) as {
  summary: Record<string, GoldSummary>;
};

/** Case and accents ignored, as the gold file's "about" says for names. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

const inputs = loadBundledInputs();

describe.each(Object.entries(gold.summary))('gold summary of %s', (id, expected) => {
  const input = inputs.get(id);
  const summary = input ? summarize(input) : null;
  const names = summary ? [...summary.people, ...summary.places].map((e) => fold(e.name)) : [];

  it('loads the article', () => {
    expect(input, `articles/${id}.md`).toBeDefined();
  });

  it.each([...expected.people, ...expected.places])('names %s among its people and places', (name) => {
    expect(names).toContain(fold(name));
  });

  it.each(expected.casualties.map((c) => [c.kind, c.count] as const))('finds %s %d', (kind, count) => {
    const found = summary?.casualties.map((c) => ({ kind: c.kind, count: c.count })) ?? [];
    expect(found).toContainEqual({ kind, count });
  });

  it('lists every gold date text among its dates', () => {
    const texts = summary?.dates.map((d) => fold(d.text)) ?? [];
    for (const text of expected.dates) expect(texts, text).toContain(fold(text));
  });
});
