import type { Article } from '../library/types.js';

/** How many recent filters' results are kept, so deleting a letter does not scan the library again. */
const REMEMBERED_RESULTS = 16;

/**
 * What the list filter searches: title, tags and body of each article, lower-cased once and kept.
 * Built lazily on the first filter, so a start with thousands of articles does not pay for it.
 *
 * A filter term never holds whitespace, so it can only occur inside title and tags or inside the
 * body, never across them: the two are kept apart and title and tags, short and where most matches
 * are, are looked at first.
 */
export class SearchIndex {
  private readonly heads: (string | undefined)[];
  private readonly bodies: (string | undefined)[];
  private readonly results = new Map<string, number[]>();
  private warmed = 0;

  constructor(private readonly articles: readonly Article[]) {
    this.heads = new Array<string | undefined>(articles.length);
    this.bodies = new Array<string | undefined>(articles.length);
  }

  /** Whether every haystack is built. */
  get complete(): boolean {
    return this.warmed >= this.articles.length;
  }

  /**
   * Builds haystacks ahead of need for about `budgetMs` (at most WARM_SLICE_MS at a time, so a key
   * pressed meanwhile waits little), so the first filter keystroke in a library of thousands does not
   * pay for all of them at once. Returns whether the index is complete.
   */
  warm(budgetMs: number): boolean {
    const end = performance.now() + Math.min(budgetMs, WARM_SLICE_MS);
    while (this.warmed < this.articles.length && performance.now() < end) {
      for (let stop = Math.min(this.articles.length, this.warmed + 32); this.warmed < stop; this.warmed++) {
        this.head(this.warmed);
        this.body(this.warmed);
      }
    }
    return this.complete;
  }

  get size(): number {
    return this.articles.length;
  }

  /** Everything a term is looked for in, lower-cased: title, tags and body. */
  haystack(index: number): string {
    return `${this.head(index)}\n${this.body(index)}`;
  }

  /** Whether a lower-cased term without whitespace occurs in an article's title, tags or body. */
  matches(index: number, term: string): boolean {
    return this.head(index).includes(term) || this.body(index).includes(term);
  }

  /**
   * Where a lower-cased term without whitespace first occurs at or after `from` in haystack(index),
   * or -1, without building that string.
   */
  locate(index: number, term: string, from = 0): number {
    const head = this.head(index);
    if (from <= head.length) {
      const at = head.indexOf(term, from);
      if (at !== -1) return at;
      from = head.length + 1;
    }
    const at = this.body(index).indexOf(term, from - head.length - 1);
    return at === -1 ? -1 : head.length + 1 + at;
  }

  /**
   * Where the last filter's one new term was found in each article it listed. A longer term starting
   * with it can only occur from there on, so typing on in a word searches each body once, not per key.
   */
  private found: { filter: string; term: string; at: Int32Array } | undefined;

  /** The positions recorded for `filter`, if its new term was `prefix`'s start; else undefined. */
  positionsAfter(filter: string, term: string): Int32Array | undefined {
    const found = this.found;
    return found && found.filter === filter && term.startsWith(found.term) ? found.at : undefined;
  }

  /** Records that `at` holds where `term` was found for each article `filter` lists (undefined: forget). */
  recordPositions(filter: string, term: string | undefined, at?: Int32Array): void {
    this.found = term !== undefined && at ? { filter, term, at } : undefined;
  }

  /** The indexes matching `terms`, if that filter was asked for recently. */
  remembered(terms: readonly string[]): number[] | undefined {
    const key = terms.join(' ');
    const visible = this.results.get(key);
    if (visible) {
      // Most recently used last, so the oldest is the one let go.
      this.results.delete(key);
      this.results.set(key, visible);
    }
    return visible;
  }

  remember(terms: readonly string[], visible: number[]): void {
    this.results.set(terms.join(' '), visible);
    if (this.results.size > REMEMBERED_RESULTS) this.results.delete(this.results.keys().next().value!);
  }

  private head(index: number): string {
    let text = this.heads[index];
    if (text === undefined) {
      const article = this.articles[index];
      text = `${article.title}\n${article.tags.join(' ')}`.toLowerCase();
      this.heads[index] = text;
    }
    return text;
  }

  private body(index: number): string {
    let text = this.bodies[index];
    if (text === undefined) {
      text = this.articles[index].body.toLowerCase();
      this.bodies[index] = text;
    }
    return text;
  }
}

/** Longest stretch warm() works without yielding. */
const WARM_SLICE_MS = 4;

/** The words of a filter: every one must appear (in any order) for an article to be listed. */
export function filterTerms(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Indexes of the articles matching `filter`. When the filter only grew (a letter typed), the previous
 * result is narrowed instead of scanning the whole library again, and only by the terms that changed.
 */
export function filterArticles(
  index: SearchIndex,
  filter: string,
  previous?: { filter: string; visible: readonly number[] },
): number[] {
  const terms = filterTerms(filter);
  const remembered = terms.length ? index.remembered(terms) : undefined;
  if (terms.length === 0 || remembered) {
    index.recordPositions(filter, undefined);
    return remembered ? remembered.slice() : Array.from({ length: index.size }, (_, i) => i);
  }
  let candidates: readonly number[] | undefined;
  let unchecked = terms;
  let from: Int32Array | undefined;
  if (previous && previous.filter !== '' && filter.startsWith(previous.filter)) {
    candidates = previous.visible;
    // Every candidate already has the terms the previous filter had.
    const known = new Set(filterTerms(previous.filter));
    unchecked = terms.filter((term) => !known.has(term));
    if (unchecked.length === 1) from = index.positionsAfter(previous.filter, unchecked[0]);
  }
  const visible: number[] = [];
  const count = candidates ? candidates.length : index.size;
  if (unchecked.length === 1) {
    // One new term (the usual case: a letter typed): note where it is in each article, for the next key.
    const term = unchecked[0];
    const at = from ?? new Int32Array(index.size);
    for (let k = 0; k < count; k++) {
      const i = candidates ? candidates[k] : k;
      const position = index.locate(i, term, from ? from[i] : 0);
      at[i] = position;
      if (position !== -1) visible.push(i);
    }
    index.recordPositions(filter, term, at);
  } else {
    for (let k = 0; k < count; k++) {
      const i = candidates ? candidates[k] : k;
      if (unchecked.every((term) => index.matches(i, term))) visible.push(i);
    }
    index.recordPositions(filter, undefined);
  }
  index.remember(terms, visible);
  return visible.slice();
}
