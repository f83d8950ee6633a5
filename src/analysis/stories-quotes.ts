import type { QuoteProvenance, StoryInput, Summary } from './types.js';

/**
 * Quote provenance within one story: the same quotation carried by several articles is one entry,
 * with every article that carried it and the earliest; a quotation whose wording differs between
 * articles (a long run of the same words, not the same words throughout) is "quote drift".
 */

export interface StoryMember {
  input: StoryInput;
  summary: Summary;
}

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 0);
}

/** Longest run of words the two share, in order (dynamic programming over two short lists). */
function longestSharedRun(a: string[], b: string[]): number {
  let best = 0;
  let previous = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const row = new Int32Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        row[j] = previous[j - 1] + 1;
        if (row[j] > best) best = row[j];
      }
    }
    previous = row;
  }
  return best;
}

/** A run this long of the same words is the same quotation, whatever else differs. */
const SHARED_RUN = 5;
/** A quotation shorter than this (in words) is too common to trace ("No", "We will see"). */
const MIN_WORDS = 4;

function contains(long: string[], short: string[]): boolean {
  return longestSharedRun(long, short) === short.length;
}

interface Item {
  article: number;
  quote: Summary['quotes'][number];
  words: string[];
}

export function quoteProvenance(members: StoryMember[]): QuoteProvenance[] {
  const items: Item[] = [];
  members.forEach((m, article) => {
    for (const quote of m.summary.quotes) {
      if (quote.kind !== 'direct') continue;
      const w = words(quote.text);
      if (w.length >= MIN_WORDS) items.push({ article, quote, words: w });
    }
  });
  const parent = items.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (items[i].article === items[j].article) continue;
      const [a, b] = [items[i].words, items[j].words];
      const run = longestSharedRun(a, b);
      if (run >= Math.min(SHARED_RUN, a.length, b.length)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Item[]>();
  items.forEach((item, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), item]));
  const out: QuoteProvenance[] = [];
  for (const group of groups.values()) {
    if (new Set(group.map((g) => g.article)).size < 2) continue;
    // Members come earliest first, so the first carrier is the earliest (undated ones are last).
    group.sort((x, y) => x.article - y.article || x.quote.evidence.start - y.quote.evidence.start);
    const longest = group.reduce((l, g) => (g.words.length > l.words.length ? g : l), group[0]);
    const drift = group.some((g) => !contains(longest.words, g.words));
    const first = members[group[0].article].input;
    out.push({
      speaker: group.find((g) => g.quote.speaker)?.quote.speaker ?? null,
      text: group[0].quote.text,
      carriers: group.map((g) => {
        const input = members[g.article].input;
        return { article: input.id, source: input.source, date: input.date, text: g.quote.text, evidence: g.quote.evidence };
      }),
      earliest: first.id,
      drift,
    });
  }
  return out.sort((x, y) => y.carriers.length - x.carriers.length || x.earliest.localeCompare(y.earliest) || x.carriers[0].evidence.start - y.carriers[0].evidence.start);
}
