import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareArticles } from '../../src/analysis/compare.js';
import { ARTICLES_DIR, loadDir } from './helpers.js';

/**
 * The "compare" part of test/fixtures/gold/seeds.json, checked as its "about" says: every
 * required statement is found in its article with the expected speaker (null = the article's
 * own narration, '*' = anyone; a speaker matches when it contains the expected text, case
 * and accents ignored), and no statement comes from an article without the topic.
 */

interface GoldStatement {
  article: string;
  speaker: string | null;
  contains: string;
  optional?: boolean;
}

const gold = JSON.parse(readFileSync(new URL('../fixtures/gold/seeds.json', import.meta.url), 'utf8')) as {
  compare: { topic: string; statements: GoldStatement[] };
};

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[“”„«»"]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const inputs = loadDir(ARTICLES_DIR);
const comparison = compareArticles(inputs, gold.compare.topic);

function speakerMatches(expected: string | null, actual: string | null): boolean {
  if (expected === '*') return true;
  if (expected === null) return actual === null;
  return actual !== null && fold(actual).includes(fold(expected));
}

describe(`gold comparison on "${gold.compare.topic}"`, () => {
  const required = gold.compare.statements.filter((s) => !s.optional);

  it.each(required.map((s) => [s.article, s.contains, s] as const))('%s: finds "%s" with its speaker', (_a, _c, s) => {
    const candidates = comparison.statements.filter((st) => st.article === s.article && fold(st.text).includes(fold(s.contains)));
    expect(candidates.length, `no statement contains "${s.contains}"`).toBeGreaterThan(0);
    expect(candidates.map((c) => c.speaker)).toSatisfy((speakers: (string | null)[]) => speakers.some((sp) => speakerMatches(s.speaker, sp)));
  });

  it('takes no statement from an article that never mentions the topic', () => {
    const withTopic = new Set(gold.compare.statements.map((s) => s.article));
    for (const st of comparison.statements) {
      const input = inputs.find((i) => i.id === st.article)!;
      expect(withTopic.has(st.article) || /cease-?fire|truce|peace/i.test(input.paragraphs.join(' '))).toBe(true);
    }
    const empty = compareArticles([{ id: 'x', title: 'x', date: null, paragraphs: ['A quiet day in the city. Fire crews left at noon.'] }]);
    expect(empty.statements).toEqual([]);
  });

  it('gives every statement evidence that points at its sentence in the article text', () => {
    for (const st of comparison.statements) {
      const text = inputs.find((i) => i.id === st.article)!.paragraphs.join('\n\n');
      expect(text.slice(st.evidence.start, st.evidence.end)).toBe(st.text);
    }
  });

  it('merges the same speaker across articles into one row', () => {
    const names = comparison.speakers.map((r) => fold(r.name));
    expect(names.filter((n) => n.includes('zelensk'))).toHaveLength(1);
    expect(names.filter((n) => n.includes('kellogg'))).toHaveLength(1);
  });
});
