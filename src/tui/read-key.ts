import { createHash } from 'node:crypto';
import type { Article } from '../library/types.js';
import type { ReadState } from '../state/types.js';

/**
 * The key for an article in the read state: its path inside its --dir folder and a fingerprint of what
 * it is (title, date, length), so moving or copying the folder, or running through npx from another
 * place, keeps what was read; a different article at the same path is not taken for it.
 */
export function readKey(article: Article): string {
  const where = article.relativePath ?? article.path;
  const print = createHash('sha1').update(`${article.title}\n${article.date ?? ''}\n${article.words}`).digest('hex').slice(0, 12);
  return `${where}#${print}`;
}

/** The entry for an article: under its key, or under its absolute path (what earlier versions used). */
function entryOf(readState: ReadState, article: Article) {
  return readState.articles[readKey(article)] ?? readState.articles[article.path];
}

/** Read: opened and not marked unread since (an entry marked unread keeps its position, with no date). */
export function isRead(readState: ReadState, article: Article): boolean {
  const entry = entryOf(readState, article);
  return entry !== undefined && entry.openedAt !== '';
}

/** The paragraph an article was left at, if it was opened before. */
export function savedParagraph(readState: ReadState, article: Article): number | undefined {
  return entryOf(readState, article)?.paragraph;
}

/**
 * The state with the article marked read or unread (pure). Unread is an entry without a date rather
 * than no entry, so a save merged with the file on disk carries the change.
 */
export function markRead(readState: ReadState, article: Article, read: boolean, now: Date): ReadState {
  const previous = entryOf(readState, article);
  const openedAt = read ? (previous?.openedAt || now.toISOString()) : '';
  if (previous && previous.openedAt === openedAt && readState.articles[readKey(article)]) return readState;
  return { ...readState, articles: { ...readState.articles, [readKey(article)]: { openedAt, paragraph: previous?.paragraph ?? 0 } } };
}
