import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/library/types.js';
import { SearchIndex, filterArticles } from '../../src/tui/library-index.js';

function article(title: string, body: string, tags: string[] = []): Article {
  return {
    id: title, path: `/x/${title}.md`, format: 'md', title, date: null, source: null, url: null, tags, body,
    paragraphs: [body], credits: [], related: [], words: 0, size: 0, mtimeMs: 0,
  };
}

/**
 * Case folded a character at a time, so no letter depends on its neighbours (toLowerCase makes a Σ
 * at the end of a word ς, elsewhere σ), with ς and σ the same letter.
 */
function fold(text: string): string {
  return [...text].map((char) => (char.toLowerCase() === 'ς' ? 'σ' : char.toLowerCase())).join('');
}

/** The filter as a user reads it: every word of it somewhere in title, tags or body, any case. */
function expected(articles: Article[], filter: string): number[] {
  const terms = fold(filter).split(/\s+/).filter(Boolean);
  return articles.flatMap((a, i) => {
    const text = fold(`${a.title}\n${a.tags.join(' ')}\n${a.body}`);
    return terms.every((term) => text.includes(term)) ? [i] : [];
  });
}

/** Types `query` a key at a time, as the list filter does, and returns what each key showed. */
function typeQuery(index: SearchIndex, query: string): number[][] {
  let list = { filter: '', visible: [] as number[] };
  const shown: number[][] = [];
  for (const char of query) {
    const filter = list.filter + char;
    list = { filter, visible: filterArticles(index, filter, list).visible };
    shown.push(list.visible);
  }
  return shown;
}

const library = [
  article('Ceasefire talks resume', 'Negotiators met in Dunmore.\n\nThe talks\tlasted hours.', ['diplomacy']),
  article('Floods in Karsk', 'Residents left their homes. “Ceasefire” was not mentioned.'),
  article('Budget vote', 'Lawmakers debated the budget late into the night.', ['ceasefire-watch']),
];

describe('the list filter', () => {
  it('finds words in titles, tags and bodies, in any case and order', () => {
    const index = new SearchIndex(library);
    expect(filterArticles(index, 'ceasefire').visible).toEqual([0, 1, 2]);
    expect(filterArticles(index, 'DUNMORE talks').visible).toEqual([0]);
    expect(filterArticles(index, 'talks dunmore').visible).toEqual([0]);
    expect(filterArticles(index, 'lasted hours').visible).toEqual([0]);
    expect(filterArticles(index, 'watch').visible).toEqual([2]);
    expect(filterArticles(index, 'xqzv').visible).toEqual([]);
    expect(filterArticles(index, '   ').visible).toEqual([0, 1, 2]);
  });

  it('folds case the same way for the text and for a filter typed a key at a time (issue 13)', () => {
    const index = new SearchIndex([article('Greek', 'FireΣFire and ΟΔΟΣ'), article('Other', 'nothing here')]);
    // "FireΣ" on its own lower-cases to "fireς", the body's Σ to σ: one fold makes them the same letter.
    expect(typeQuery(index, 'FireΣFire')).toEqual(Array.from({ length: 9 }, () => [0]));
    expect(filterArticles(index, 'οδοσ').visible).toEqual([0]);
    expect(filterArticles(index, 'ΟΔΟς').visible).toEqual([0]);
  });

  it('shows the same articles typed a key at a time, with letters deleted, warmed or not', () => {
    const cold = new SearchIndex(library);
    const warmed = new SearchIndex(library);
    while (!warmed.warm(50));
    for (const query of ['ceasefire', 'dunmore talks', 'the  night', 'xqzv']) {
      const want = [...query].map((_, k) => expected(library, query.slice(0, k + 1)));
      expect(typeQuery(cold, query)).toEqual(want);
      expect(typeQuery(warmed, query)).toEqual(want);
      // Deleting the last letter shows what that shorter filter shows.
      const shorter = query.slice(0, -1);
      expect(filterArticles(cold, shorter, { filter: query, visible: want.at(-1)! }).visible).toEqual(expected(library, shorter));
    }
  });

  it('matches exactly what a search of the whole text matches, for any text and typing (property)', () => {
    const piece = fc.constantFrom('cease', 'fire', 'Fire', 'talks', ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '“', '.', ',', 'é', 'İ', 'Σ', 'σ', 'ς', 'ab', 'x');
    const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
    const articleArb = fc.tuple(text, text, fc.array(text, { maxLength: 2 })).map(([title, body, tags]) => article(title, body, tags));
    fc.assert(
      fc.property(fc.array(articleArb, { minLength: 1, maxLength: 6 }), text, fc.boolean(), (articles, query, warm) => {
        const index = new SearchIndex(articles);
        if (warm) while (!index.warm(50));
        const shown = typeQuery(index, query);
        shown.forEach((visible, k) => expect(visible).toEqual(expected(articles, query.slice(0, k + 1))));
      }),
      { numRuns: 500 },
    );
    // Keys typed and deleted in any order, as a person corrects a filter.
    const key = fc.oneof(fc.constantFrom('c', 'e', 'a', 's', 'f', 'i', 'r', ' ', 't', 'l', 'k', 'é', 'σ', 'Σ', 'ς', 'x'), fc.constant('\b'));
    fc.assert(
      fc.property(fc.array(articleArb, { minLength: 1, maxLength: 6 }), fc.array(key, { maxLength: 25 }), (articles, keys) => {
        const index = new SearchIndex(articles);
        let list = { filter: '', visible: articles.map((_, i) => i) };
        for (const pressed of keys) {
          const filter = pressed === '\b' ? list.filter.slice(0, -1) : list.filter + pressed;
          list = { filter, visible: filterArticles(index, filter, list).visible };
          expect(list.visible).toEqual(expected(articles, filter));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a filter typed before the index is complete', () => {
  const many = Array.from({ length: 200 }, (_, i) => article(`Report ${i}`, i % 7 === 0 ? `Talks in Dunmore, day ${i}.` : `Weather report ${i}.`));

  it('shows only articles that match, and once every article is indexed, all of them', () => {
    fc.assert(
      fc.property(fc.constantFrom('dunmore', 'report', 'day 1', 'xq', 'talks in'), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 8 }), (filter, warmSteps) => {
        const index = new SearchIndex(many);
        const want = expected(many, filter);
        let list = { filter: '', visible: many.map((_, i) => i), complete: true };
        // A key at a time with no time to index: what is shown is always a part of the answer.
        for (const char of filter) {
          const found = filterArticles(index, list.filter + char, list, 0);
          list = { filter: list.filter + char, ...found };
          expect(expected(many, list.filter)).toEqual(expect.arrayContaining(found.visible));
        }
        for (const steps of warmSteps) {
          for (let k = 0; k < steps; k++) index.warm(1);
          const found = filterArticles(index, filter, list, 0);
          expect(want).toEqual(expect.arrayContaining(found.visible));
          list = { filter, ...found };
        }
        index.prepare(undefined);
        const done = filterArticles(index, filter, list, 0);
        expect(done).toEqual({ visible: want, complete: true });
      }),
      { numRuns: 100 },
    );
  });

  it('searches within its budget: none indexes a few articles, and an unbounded one all', () => {
    const index = new SearchIndex(many);
    const first = filterArticles(index, 'dunmore', undefined, 0);
    expect(first.complete).toBe(false);
    expect(index.complete).toBe(false);
    expect(filterArticles(index, 'dunmore').complete).toBe(true);
    expect(index.complete).toBe(true);
  });
});

