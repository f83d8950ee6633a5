import type { Article } from '../library/types.js';

/**
 * What the list filter searches: title, tags and body of each article, lower-cased once and kept.
 * Built lazily on the first filter, so a start with thousands of articles does not pay for it.
 */
export class SearchIndex {
  private readonly haystacks: (string | undefined)[];

  constructor(private readonly articles: readonly Article[]) {
    this.haystacks = new Array<string | undefined>(articles.length);
  }

  get size(): number {
    return this.articles.length;
  }

  haystack(index: number): string {
    let text = this.haystacks[index];
    if (text === undefined) {
      const article = this.articles[index];
      text = `${article.title}\n${article.tags.join(' ')}\n${article.body}`.toLowerCase();
      this.haystacks[index] = text;
    }
    return text;
  }
}

/** The words of a filter: every one must appear (in any order) for an article to be listed. */
export function filterTerms(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Indexes of the articles matching `filter`. When the filter only grew (a letter typed), the previous
 * result is narrowed instead of scanning the whole library again.
 */
export function filterArticles(
  index: SearchIndex,
  filter: string,
  previous?: { filter: string; visible: readonly number[] },
): number[] {
  const terms = filterTerms(filter);
  if (terms.length === 0) return Array.from({ length: index.size }, (_, i) => i);
  const candidates =
    previous && previous.filter !== '' && filter.startsWith(previous.filter)
      ? previous.visible
      : Array.from({ length: index.size }, (_, i) => i);
  return candidates.filter((i) => {
    const haystack = index.haystack(i);
    return terms.every((term) => haystack.includes(term));
  });
}
