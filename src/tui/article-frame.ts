import { Command, hintTexts } from './keymap.js';
import { isTooSmall } from './layout.js';
import { topScreen, type Model } from './model.js';
import { articleViewHeight, linkPanel, type ArticleSlice } from './screens/article.js';
import { hints, statusRow } from './status.js';
import { percentThrough, visibleLines } from './viewport.js';
import { inkRow } from './ink-row.js';

/**
 * What the article screen draws, in one place for the view (ArticleView) and for a scroll drawn ahead
 * of React (scrollAhead): the viewport's height, the picked link's lines, the status line.
 */

export interface ArticleFrame {
  height: number;
  panel: string[];
  /** The status line as drawn (inverse video with colour). */
  status: string;
}

/**
 * The article's key hints for the last bindings, links and width asked: every scroll draws the status
 * line again (and ahead of React), and the hints are the same from one key to the next.
 */
let lastHints: { bindings: Model['bindings']; links: boolean; cols: number; text: string } | null = null;

function articleHints(bindings: Model['bindings'], links: boolean, cols: number): string {
  if (lastHints?.bindings === bindings && lastHints.links === links && lastHints.cols === cols) return lastHints.text;
  // No "Tab links" on an article without links.
  const text = hints(hintTexts('article', bindings, links ? [] : [Command.NextLink]), cols);
  lastHints = { bindings, links, cols, text };
  return text;
}

function statusLeft(model: Model, article: ArticleSlice): string {
  if (model.prompt?.purpose === 'search') return `/${model.prompt.text}_`;
  if (model.message) return model.message;
  return articleHints(model.bindings, article.doc.links.length > 0, Math.floor(model.size.cols / 2));
}

function statusRight(model: Model, article: ArticleSlice, height: number): string {
  const { search } = article;
  const parts: string[] = [];
  if (search.query !== '' && model.prompt === null) {
    const count = search.matches.length;
    parts.push(count === 0 ? `/${search.query} 0/0` : `/${search.query} ${search.current + 1}/${count}`);
  }
  parts.push(`${percentThrough(article.viewport.top, article.doc.lines.length, height)}%`);
  return parts.join('  ');
}

export function articleFrame(model: Model, article: ArticleSlice): ArticleFrame {
  const panel = linkPanel(article, model.size);
  const height = articleViewHeight(article, model.size);
  const label = model.screenReader ? 'Status: ' : '';
  return { height, panel, status: statusRow(label + statusLeft(model, article), statusRight(model, article, height), model.size.cols, model.color) };
}

/**
 * The rows of the frame Ink will draw for `next`, when `next` is the article of `previous` scrolled:
 * each row as Ink's output writes it (ink-row.ts), so the terminal can be brought up to date at once
 * while React and Ink draw the same frame after it (frame-update.ts then finds nothing to write). Null
 * for anything else, or when a row is one Ink's output would draw its own way.
 */
export function scrollAhead(previous: Model, next: Model): string[] | null {
  if (next === previous || next.quit || next.screenReader || isTooSmall(next.size) || next.size !== previous.size) return null;
  const before = topScreen(previous);
  const after = topScreen(next);
  if (before?.kind !== 'article' || after?.kind !== 'article' || after.doc !== before.doc || after.viewport.top === before.viewport.top) return null;
  const frame = articleFrame(next, after);
  const { cols } = next.size;
  const rows: string[] = [];
  for (const line of [...visibleLines(after.doc.lines, after.viewport.top, frame.height, after.viewport.marks), ...frame.panel, frame.status]) {
    const row = inkRow(line, cols);
    if (row === null) return null;
    rows.push(row);
  }
  return rows;
}
