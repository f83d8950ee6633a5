import type { Article } from '../library/types.js';
import { readingMinutes } from '../render/reading-time.js';
import { displayWidth, fitToWidth, truncateToWidth } from '../render/text.js';

export interface RowOptions {
  selected: boolean;
  read: boolean;
  cols: number;
  screenReader: boolean;
}

/** Below this width the date and length columns are dropped so the title keeps some room. */
const COLUMNS_FOR_DETAILS = 50;

/**
 * One row of the article list. The selection is a ">" marker (and inverse video where the terminal
 * shows it), unread articles a "•", so neither depends on colour.
 */
export function listRow(article: Article, options: RowOptions): string {
  const { selected, read, cols, screenReader } = options;
  const minutes = `${readingMinutes(article.words)} min`;
  if (screenReader) {
    // Labels first: a long title is cut at the end of the row, and what is cut must be the least useful.
    const details = [read ? 'read' : 'unread', article.date, `${minutes} read`].filter(Boolean).join(', ');
    return truncateToWidth(`${selected ? 'Selected: ' : ''}${details}: ${article.title}`, cols);
  }
  const lead = `${selected ? '>' : ' '}${read ? ' ' : '•'} `;
  if (cols < COLUMNS_FOR_DETAILS) return fitToWidth(lead + article.title, cols);
  const date = (article.date ?? '').padEnd(10);
  // The reading time sits beside the title, not at the far edge of a wide terminal.
  const length = minutes.padStart(6);
  const titleWidth = cols - displayWidth(lead) - 10 - 2 - 2 - displayWidth(length);
  return `${lead}${date}  ${length}  ${fitToWidth(article.title, titleWidth)}`;
}
