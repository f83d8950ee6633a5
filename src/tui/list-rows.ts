import type { Story } from '../analysis/types.js';
import type { Article } from '../library/types.js';
import { readingMinutes } from '../render/reading-time.js';
import { displayWidth, fitToWidth, truncateToWidth } from '../render/text.js';

export interface RowOptions {
  selected: boolean;
  read: boolean;
  cols: number;
  screenReader: boolean;
  /** Columns for the source (a feed's name) before the title; 0 when no article has one. */
  sourceWidth?: number;
  /** Before the title when the list is grouped by story: "‹3 outlets› " on a story's first article, "  · " on the others. */
  storyMark?: string;
}

/** The widest source column: room enough for most feed names, not for a sentence. */
const MAX_SOURCE_WIDTH = 16;
/** Below this width the source column is dropped too. */
const COLUMNS_FOR_SOURCE = 80;
const sourceWidths = new WeakMap<readonly Article[], number>();

/** The source column's width for a library: its longest source, at most MAX_SOURCE_WIDTH; worked out once per library. */
export function sourceColumnWidth(articles: readonly Article[]): number {
  let width = sourceWidths.get(articles);
  if (width === undefined) {
    width = 0;
    for (const article of articles) if (article.source) width = Math.max(width, Math.min(MAX_SOURCE_WIDTH, displayWidth(article.source)));
    sourceWidths.set(articles, width);
  }
  return width;
}

const storyMarks = new WeakMap<readonly Story[], Map<string, string>>();

/**
 * The mark each article's row gets in the list grouped by story, by article id: a story of several
 * articles shows its number of outlets on its first article and a dot on the others. Worked out once per set of stories.
 */
export function storyMarksFor(stories: readonly Story[]): Map<string, string> {
  let marks = storyMarks.get(stories);
  if (!marks) {
    marks = new Map();
    for (const story of stories) {
      if (story.articles.length < 2) continue;
      story.articles.forEach((a, i) => marks!.set(a.id, i === 0 ? `‹${story.outlets} outlet${story.outlets === 1 ? '' : 's'}› ` : '  · '));
    }
    storyMarks.set(stories, marks);
  }
  return marks;
}

/** Below this width the date and length columns are dropped so the title keeps some room. */
const COLUMNS_FOR_DETAILS = 50;

/**
 * One row of the article list. The selection is a ">" marker (and inverse video where the terminal
 * shows it), unread articles a "•", so neither depends on colour.
 */
export function listRow(article: Article, options: RowOptions): string {
  const { selected, read, cols, screenReader } = options;
  const title = `${options.storyMark ?? ''}${article.title}`;
  const minutes = `${readingMinutes(article.words)} min`;
  if (screenReader) {
    // Labels first: a long title is cut at the end of the row, and what is cut must be the least useful.
    const details = [read ? 'read' : 'unread', article.date, `${minutes} read`, article.source ? `from ${article.source}` : null].filter(Boolean).join(', ');
    return truncateToWidth(`${selected ? 'Selected: ' : ''}${details}: ${title}`, cols);
  }
  const lead = `${selected ? '>' : ' '}${read ? ' ' : '•'} `;
  if (cols < COLUMNS_FOR_DETAILS) return fitToWidth(lead + title, cols);
  const date = (article.date ?? '').padEnd(10);
  // The reading time sits beside the title, not at the far edge of a wide terminal.
  const length = minutes.padStart(6);
  const sourceWidth = cols >= COLUMNS_FOR_SOURCE ? (options.sourceWidth ?? 0) : 0;
  const source = sourceWidth > 0 ? `${fitToWidth(article.source ?? '', sourceWidth)}  ` : '';
  const titleWidth = cols - displayWidth(lead) - 10 - 2 - 2 - displayWidth(length) - displayWidth(source);
  return `${lead}${date}  ${length}  ${source}${fitToWidth(title, titleWidth)}`;
}
