import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/library/load.js';
import { toAnalysisInput } from '../../src/analysis/input.js';
import { clusterStories } from '../../src/analysis/stories.js';
import { quoteProvenance, type StoryMember } from '../../src/analysis/stories-quotes.js';
import { numberConflicts } from '../../src/analysis/stories-numbers.js';
import { unnamedSources, voiceShare } from '../../src/analysis/stories-voices.js';
import { splitSentences } from '../../src/analysis/sentences.js';
import type { Casualty, Quote, StoryInput, Summary } from '../../src/analysis/types.js';

const DEV = fileURLToPath(new URL('../fixtures/gold/dev/', import.meta.url));

function devInputs(): StoryInput[] {
  return loadArticles([`${DEV}articles`]).articles.map((a) => ({ ...toAnalysisInput(a), source: a.source }));
}

function partition(stories: { articles: { id: string }[] }[]): string[][] {
  return stories.map((s) => s.articles.map((a) => a.id).sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

describe('clusterStories', () => {
  it('recovers the dev set stories exactly; every other article is a story of its own', () => {
    const gold = JSON.parse(readFileSync(`${DEV}gold.json`, 'utf8')) as { stories: { articles: string[] }[] };
    const inputs = devInputs();
    const listed = new Set(gold.stories.flatMap((s) => s.articles));
    const expected = [...gold.stories.map((s) => [...s.articles]), ...inputs.filter((i) => !listed.has(i.id)).map((i) => [i.id])];
    expect(partition(clusterStories(inputs))).toEqual(partition(expected.map((ids) => ({ articles: ids.map((id) => ({ id })) }))));
  });

  it('gives the same stories whatever order the articles come in', () => {
    const inputs = devInputs();
    const reversed = [...inputs].reverse();
    expect(partition(clusterStories(reversed))).toEqual(partition(clusterStories(inputs)));
    expect(clusterStories(inputs).map((s) => s.id).sort()).toEqual(clusterStories(reversed).map((s) => s.id).sort());
  });

  it('puts each article in exactly one story, earliest article first, with outlets, names and span', () => {
    const inputs = devInputs();
    const stories = clusterStories(inputs);
    const ids = stories.flatMap((s) => s.articles.map((a) => a.id));
    expect(ids.sort()).toEqual(inputs.map((i) => i.id).sort());
    const hesk = stories.find((s) => s.articles.some((a) => a.id === 'herald-myrovsk-truce'))!;
    expect(hesk.id).toBe('tcp-mirovsk-shelling');
    expect(hesk.span).toEqual({ from: '2026-03-04', to: '2026-03-05' });
    expect(hesk.outlets).toBe(3);
    expect(hesk.people).toContain('Halina Drozd');
    expect(hesk.places).toContain('Mirovsk');
  });

  it('keeps the same names weeks apart in separate stories (the time window)', () => {
    const article = (id: string, date: string): StoryInput => ({
      id,
      title: `Shelling in Varnok kills 12 as Ostaria blames Meldavia`,
      date,
      source: id,
      paragraphs: ['Shells hit the market in Varnok, and Governor Ilse Marrow said 12 people were killed.', 'Meldavia denied it, said Foreign Minister Oskar Brandt.'],
    });
    const stories = clusterStories([article('a', '2026-03-01'), article('b', '2026-03-02'), article('c', '2026-04-20')]);
    expect(partition(stories)).toEqual([['a', 'b'], ['c']]);
  });

  it('an empty library has no stories', () => {
    expect(clusterStories([])).toEqual([]);
  });
});

function member(id: string, date: string | null, paragraphs: string[], quotes: Partial<Quote>[] = [], casualties: Partial<Casualty>[] = []): StoryMember {
  const input: StoryInput = { id, title: id, date, source: `Outlet ${id}`, paragraphs };
  const sentences = splitSentences(input);
  const evidenceOf = (needle: string) => {
    const s = sentences.find((x) => x.text.includes(needle)) ?? sentences[0];
    return { sentence: s.index, paragraph: s.paragraph, start: s.start, end: s.end };
  };
  const summary = {
    id,
    title: id,
    date,
    quotes: quotes.map((q) => ({ speaker: q.speaker ?? null, text: q.text!, kind: q.kind ?? 'direct', evidence: evidenceOf(q.text!) })),
    casualties: casualties.map((c) => ({ kind: c.kind ?? 'killed', count: c.count!, qualifier: 'exact', group: null, including: [], text: c.text!, evidence: evidenceOf(c.text!) })),
    quantities: [],
    people: [],
    places: [],
    organizations: [],
    dates: [],
    lead: '',
    leadEvidence: [],
  } as Summary;
  return { input, summary };
}

describe('story report', () => {
  it('shows a quotation carried by several outlets once, earliest first, and flags drift with both wordings', () => {
    const same = 'We will not be the first to break this truce';
    const members = [
      member('a', '2026-01-01', [`"${same}," she said.`, '"We will answer every shot with two," she added.'], [{ speaker: 'Ana Korr', text: same }, { speaker: 'Ana Korr', text: 'We will answer every shot with two' }]),
      member('b', '2026-01-02', [`"${same}," Korr said.`, '"But we will answer every shot," Korr said.'], [{ speaker: 'Korr', text: same }, { speaker: 'Korr', text: 'But we will answer every shot' }]),
    ];
    const quotes = quoteProvenance(members);
    const exact = quotes.find((q) => !q.drift)!;
    expect(exact.text).toBe(same);
    expect(exact.earliest).toBe('a');
    expect(exact.carriers.map((c) => c.article)).toEqual(['a', 'b']);
    const drift = quotes.find((q) => q.drift)!;
    expect(drift.carriers.map((c) => c.text)).toEqual(['We will answer every shot with two', 'But we will answer every shot']);
  });

  it('tells a later update from a contradiction by what the text says', () => {
    const first = member('a', '2026-01-01', ['At least 9 people were killed in the strike.'], [], [{ count: 9, text: '9 people were killed' }]);
    const rose = member('b', '2026-01-02', ['The death toll from the strike rose to 12, officials said.'], [], [{ count: 12, text: 'rose to 12' }]);
    const other = member('c', '2026-01-02', ['Eleven people were killed in the strike.'], [], [{ count: 11, text: 'Eleven people were killed' }]);
    expect(numberConflicts([first, rose])).toEqual([expect.objectContaining({ fact: 'killed', verdict: 'update' })]);
    const conflict = numberConflicts([first, other])[0];
    expect(conflict.verdict).toBe('contradiction');
    expect(conflict.figures.map((f) => [f.article, f.count, f.date])).toEqual([['a', 9, '2026-01-01'], ['c', 11, '2026-01-02']]);
  });

  it('leaves out figures about the past and figures too far apart to be one fact', () => {
    const a = member('a', '2026-01-01', ['Five soldiers were killed at the post.'], [], [{ count: 5, text: 'Five soldiers were killed' }]);
    const b = member('b', '2026-01-01', ['The war has killed 2000 people since 2019.', 'Five soldiers were killed at the post.'], [], [{ count: 2000, text: 'killed 2000 people' }, { count: 5, text: 'Five soldiers were killed' }]);
    const c = member('c', '2026-01-01', ['Forty soldiers were killed at the post.'], [], [{ count: 40, text: 'Forty soldiers were killed' }]);
    expect(numberConflicts([a, b])).toEqual([]);
    expect(numberConflicts([a, c])).toEqual([]);
  });

  it('lists for each outlet whom it quotes, reports or leaves out, and marks unnamed sources', () => {
    const members = [
      member('a', '2026-01-01', ['"Enough," said Ana Korr.', 'Piet Lind said talks would go on.'], [{ speaker: 'Ana Korr', text: 'Enough' }, { speaker: 'Piet Lind', text: 'Piet Lind said talks would go on.', kind: 'indirect' }]),
      member('b', '2026-01-02', ['"Enough," Korr said.', 'A senior official, speaking on condition of anonymity, said the talks had failed.'], [{ speaker: 'Korr', text: 'Enough' }]),
    ];
    const voices = voiceShare(members);
    expect(voices).toEqual([
      { outlet: 'Outlet a', articles: ['a'], direct: ['Ana Korr'], indirect: ['Piet Lind'], absent: [] },
      { outlet: 'Outlet b', articles: ['b'], direct: ['Ana Korr'], indirect: [], absent: ['Piet Lind'] },
    ]);
    expect(unnamedSources(members).map((u) => u.article)).toEqual(['b']);
  });
});
