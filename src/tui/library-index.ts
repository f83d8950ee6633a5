import type { Article } from '../library/types.js';
import { isWhitespace } from '../library/markdown-text.js';

/** How many recent filters' results are kept, so deleting a letter does not scan the library again. */
const REMEMBERED_RESULTS = 16;
/** How many terms' matching words are kept: the terms of the last few filters. */
const REMEMBERED_TERMS = 8;
/** Longest stretch warm() works without yielding. */
const WARM_SLICE_MS = 4;

const WHITESPACE = /\s+/;


/**
 * The one case fold for the filter, used for the index and for what is typed alike. Lower case, with
 * the final sigma (ς, which toLowerCase picks by context: "FIREΣ" alone ends in ς, inside "FIREΣFIRE"
 * it is σ) folded to σ, so a filter typed a key at a time matches what the whole text holds.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ς') ? lower.replaceAll('ς', 'σ') : lower;
}

/** The words of a filter: every one must appear (in any order) for an article to be listed. */
export function filterTerms(filter: string): string[] {
  return foldCase(filter).split(WHITESPACE).filter(Boolean);
}

/** The words (ids) that hold a term, found by scanning the word list up to `scanned`. */
interface TermMatch {
  term: string;
  /** 1 for each word id holding the term, up to `scanned`. */
  marks: Uint8Array;
  ids: number[];
  scanned: number;
}

/**
 * What the list filter searches: the title, tags and body of each article. A filter term never holds
 * whitespace, so it occurs in an article exactly when it occurs inside one of the article's words
 * (runs without whitespace). So the index keeps each distinct word of the library once, folded, and
 * for each article the ids of its distinct words: a term is looked for in the word list (tens of
 * thousands of words, not 50 MB of text), and an article matches when one of its words does. News
 * repeats its words, so this is a fraction of a lower-cased copy of every body, which it replaces.
 *
 * Built lazily, an article at a time, and ahead of need in small slices (warm) while the list is shown.
 */
export class SearchIndex {
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  /** Per word id, the last article it was counted for (to keep each article's words distinct). */
  private lastArticle = new Int32Array(1024);
  private readonly articleWords: (Int32Array | undefined)[];
  private readonly results = new Map<string, number[]>();
  private readonly terms = new Map<string, TermMatch>();
  private warmed = 0;
  private built = 0;

  constructor(private readonly articles: readonly Article[]) {
    this.articleWords = new Array<Int32Array | undefined>(articles.length);
  }

  /** Whether every article is indexed. */
  get complete(): boolean {
    return this.built >= this.articles.length;
  }

  get size(): number {
    return this.articles.length;
  }

  /**
   * Indexes articles ahead of need for about `budgetMs` (at most WARM_SLICE_MS at a time, so a key
   * pressed meanwhile waits little), so the first filter keystroke in a library of thousands does not
   * pay for all of them at once. Returns whether the index is complete.
   */
  warm(budgetMs: number): boolean {
    const end = performance.now() + Math.min(budgetMs, WARM_SLICE_MS);
    while (this.warmed < this.articles.length && performance.now() < end) {
      for (let stop = Math.min(this.articles.length, this.warmed + 16); this.warmed < stop; this.warmed++) this.wordsOf(this.warmed);
    }
    return this.complete;
  }

  /** Whether the article has a word holding every term (folded, without whitespace). */
  matchesAll(index: number, matches: readonly TermMatch[]): boolean {
    const ids = this.wordsOf(index);
    for (const match of matches) {
      const marks = match.marks;
      let found = false;
      for (let k = 0; k < ids.length; k++) {
        if (marks[ids[k]] === 1) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }

  /** Whether the article's words are in the index yet. */
  has(index: number): boolean {
    return this.articleWords[index] !== undefined;
  }

  /**
   * Indexes the given articles (all when undefined), so that every word they hold is in the word list,
   * until `deadline` (a performance.now() time). Returns whether every one of them is indexed.
   */
  prepare(indexes: readonly number[] | undefined, deadline = Infinity): boolean {
    if (this.complete) return true;
    const count = indexes ? indexes.length : this.articles.length;
    for (let k = 0; k < count; k++) {
      this.wordsOf(indexes ? indexes[k] : k);
      // The clock is read every 16th article, as warm() does: a deadline is overrun by at most 15.
      if ((k & 15) === 15 && performance.now() > deadline) return k === count - 1;
    }
    return true;
  }

  /**
   * The words holding `term`. A longer term holding an earlier one can only be in the words that held
   * that one (typing on in a word narrows the last list), plus words indexed since.
   */
  match(term: string): TermMatch {
    let match = this.terms.get(term);
    if (!match) {
      let base: TermMatch | undefined;
      for (const known of this.terms.values()) if (term.includes(known.term) && (!base || known.ids.length < base.ids.length)) base = known;
      const ids: number[] = [];
      if (base) for (const id of base.ids) if (this.words[id].includes(term)) ids.push(id);
      match = { term, marks: new Uint8Array(0), ids, scanned: base ? base.scanned : 0 };
    } else {
      this.terms.delete(term);
    }
    this.terms.set(term, match);
    if (this.terms.size > REMEMBERED_TERMS) this.terms.delete(this.terms.keys().next().value!);
    const words = this.words;
    for (let id = match.scanned; id < words.length; id++) if (words[id].includes(term)) match.ids.push(id);
    if (match.scanned < words.length || match.marks.length < words.length) {
      match.scanned = words.length;
      const marks = new Uint8Array(words.length);
      for (const id of match.ids) marks[id] = 1;
      match.marks = marks;
    }
    return match;
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

  private wordsOf(index: number): Int32Array {
    let ids = this.articleWords[index];
    if (ids) return ids;
    const article = this.articles[index];
    const list: number[] = [];
    for (const part of [article.title, article.tags.join(' '), article.body]) {
      const text = foldCase(part);
      let start = -1;
      for (let at = 0; at <= text.length; at++) {
        if (at < text.length && !isWhitespace(text.charCodeAt(at))) {
          if (start === -1) start = at;
          continue;
        }
        if (start === -1) continue;
        const word = text.slice(start, at);
        start = -1;
        let id = this.wordIds.get(word);
        if (id === undefined) {
          id = this.words.push(word) - 1;
          this.wordIds.set(word, id);
          if (id >= this.lastArticle.length) {
            const grown = new Int32Array(this.lastArticle.length * 2);
            grown.set(this.lastArticle);
            this.lastArticle = grown;
          }
          this.lastArticle[id] = -1;
        }
        if (this.lastArticle[id] === index) continue;
        this.lastArticle[id] = index;
        list.push(id);
      }
    }
    ids = Int32Array.from(list);
    this.articleWords[index] = ids;
    this.built++;
    return ids;
  }
}

/** What a filter found: the articles matching it, and whether every article was searched. */
export interface FilterResult {
  visible: number[];
  /**
   * False while some articles are not indexed yet (a large library just started): `visible` is what the
   * articles indexed so far hold, and the filter is applied again as the index grows.
   */
  complete: boolean;
}

/**
 * The articles matching `filter`. When the filter only grew (a letter typed), the previous result is
 * narrowed instead of scanning the whole library again, and only by the terms that changed. The
 * articles not indexed yet are indexed for `budgetMs` at most; those left over are not searched.
 */
export function filterArticles(
  index: SearchIndex,
  filter: string,
  previous?: { filter: string; visible: readonly number[]; complete?: boolean },
  budgetMs = Infinity,
): FilterResult {
  const terms = filterTerms(filter);
  const remembered = terms.length ? index.remembered(terms) : undefined;
  if (terms.length === 0 || remembered) {
    return { visible: remembered ? remembered.slice() : Array.from({ length: index.size }, (_, i) => i), complete: true };
  }
  let candidates: readonly number[] | undefined;
  let unchecked = terms;
  // A result that did not search every article cannot be narrowed: what it missed may match.
  if (previous && previous.complete !== false && previous.filter !== '' && filter.startsWith(previous.filter)) {
    candidates = previous.visible;
    // Every candidate already has the terms the previous filter had.
    const known = new Set(filterTerms(previous.filter));
    unchecked = terms.filter((term) => !known.has(term));
  }
  // Every candidate's words must be in the word list before the list is searched.
  const complete = index.prepare(candidates, performance.now() + budgetMs);
  const matches = [...new Set(unchecked)].map((term) => index.match(term));
  const visible: number[] = [];
  if (complete && matches.some((match) => match.ids.length === 0)) {
    index.remember(terms, visible);
    return { visible: [], complete };
  }
  const count = candidates ? candidates.length : index.size;
  for (let k = 0; k < count; k++) {
    const i = candidates ? candidates[k] : k;
    if ((complete || index.has(i)) && index.matchesAll(i, matches)) visible.push(i);
  }
  if (complete) index.remember(terms, visible);
  return { visible: complete ? visible.slice() : visible, complete };
}
