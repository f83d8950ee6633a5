import type { Article } from '../library/types.js';
import type { ReadState } from '../state/types.js';

/** The key used for an article in the read state: its path, unique across folders. */
export function readKey(article: Article): string {
  return article.path;
}

export function isRead(readState: ReadState, article: Article): boolean {
  return readKey(article) in readState.articles;
}
