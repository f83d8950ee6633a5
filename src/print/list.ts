import type { Article } from '../library/types.js';
import { readingMinutes, wordCount } from '../render/reading-time.js';
import { displayWidth, oneLine, truncateToWidth } from '../render/text.js';
import { createStyler } from './style.js';

export interface ListEntry {
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  words: number;
  path: string;
}

export function listToJson(articles: Article[]): ListEntry[] {
  return articles.map(({ id, title, date, source, words, path }) => ({ id, title, date, source, words, path }));
}

export interface ListTextOptions {
  color: boolean;
  /** Columns to fit each line in; without it (a pipe) lines are whole, for `cut` and `grep`. */
  width?: number;
}

const DATE_WIDTH = 10;
const WORDS_WIDTH = 12;
/** Ids are padded to the longest, up to this; a longer one pushes its own line's title along. */
const MAX_ID_COLUMN = 40;
/** Below this many columns for the title, the words column goes, then the date. */
const MIN_TITLE = 16;

/**
 * One article a line: date, length, id, then the title with its reading time and source, so `cut` and
 * `grep` work on it. Given a width, every line fits it: the title is cut with "…", the source goes
 * first, and on narrow terminals the length and date columns, so the id always stays whole.
 */
export function formatListText(articles: Article[], options: ListTextOptions): string {
  const style = createStyler(options.color);
  const idWidth = Math.min(MAX_ID_COLUMN, Math.max(2, ...articles.map((article) => displayWidth(article.id))));
  const width = options.width;
  let showWords = true;
  let showDate = true;
  if (width !== undefined) {
    const room = (words: boolean, date: boolean) => width - idWidth - 2 - (words ? WORDS_WIDTH + 2 : 0) - (date ? DATE_WIDTH + 1 : 0);
    if (room(true, true) < MIN_TITLE) showWords = false;
    if (room(false, true) < MIN_TITLE) showDate = false;
  }
  const lines = articles.map((article) => {
    const columns: string[] = [];
    if (showDate) columns.push(style.dim((article.date ?? '—').padEnd(DATE_WIDTH)) + ' ');
    if (showWords) columns.push(style.dim(wordCount(article.words).padStart(WORDS_WIDTH)) + '  ');
    const id = article.id + ' '.repeat(Math.max(0, idWidth - displayWidth(article.id)));
    columns.push(style.accent(id) + '  ');
    const lead = columns.join('');
    const leadWidth = displayWidth(lead.replace(/\x1b\[[0-9;]*m/g, ''));
    const title = oneLine(article.title);
    const minutes = ` · ${readingMinutes(article.words)} min`;
    const source = article.source ? ` (${oneLine(article.source)})` : '';
    if (width === undefined) return `${lead}${style.bold(title)}${style.dim(minutes)}${style.dim(source)}`;
    const room = width - leadWidth;
    const fullWidth = displayWidth(title) + displayWidth(minutes);
    if (fullWidth + displayWidth(source) <= room) return `${lead}${style.bold(title)}${style.dim(minutes)}${style.dim(source)}`;
    if (fullWidth <= room) return `${lead}${style.bold(title)}${style.dim(minutes)}`;
    const cut = truncateToWidth(title, Math.max(1, room - displayWidth(minutes)));
    return `${lead}${style.bold(cut)}${room - displayWidth(cut) >= displayWidth(minutes) ? style.dim(minutes) : ''}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
