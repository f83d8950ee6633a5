import type { ArticleText } from '../../library/types.js';
import { renderArticle } from '../../render/article.js';
import type { TextRange } from '../../analysis/text.js';
import { locateRange } from '../../render/evidence.js';
import { stripStyle, wrapLine } from '../../render/text.js';
import type { Match, RenderedArticle } from '../../render/types.js';
import { isOpenable } from '../../platform/openable.js';

export type { SearchState } from '../search.js';
import type { ScreenContext } from '../context.js';
import { stay, type Step } from '../intent.js';
import { Command } from '../keymap.js';
import { articleHeight, maxLinkPanelLines, measureFor, type Size } from '../layout.js';
import { savedParagraph } from '../read-key.js';
import { carrySearch, firstMatchFrom, NO_SEARCH, searchLines, stepMatch, WRAPPED_MESSAGE, type SearchState } from '../search.js';
import { EMPTY_VIEWPORT, clampTop, revealLine, textContent, update, type Mark, type Viewport } from '../viewport.js';

/**
 * The article screen: the article laid out at the terminal's measure, the viewport over it, the search
 * in force, the picked link, and the sentence shown from a summary or a comparison.
 */

/** The sentence shown highlighted in an article opened from a summary or a comparison. */
export interface Highlight {
  ranges: Match[];
  /** The text range shown, kept so the highlight can be found again after a re-wrap. */
  range: TextRange;
}

export interface ArticleSlice {
  kind: 'article';
  /** Index into `articles`. */
  index: number;
  /** The article's text, handed in when it was opened: laid out again from it, never read again. */
  text: ArticleText;
  width: number;
  doc: RenderedArticle;
  /** The lines without styling, made on the first search. */
  plain: string[] | null;
  viewport: Viewport;
  search: SearchState;
  /** Index into `doc.links` of the picked link, or null. */
  link: number | null;
  /** Digits typed so far for a link number ("1" then "2" picks [12]). */
  digits: string;
  highlight: Highlight | null;
}


/** Index of the paragraph shown at `top`: the last one starting at or above it. */
export function paragraphAt(paragraphLines: readonly number[], top: number): number {
  let low = 0;
  let high = paragraphLines.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (paragraphLines[mid] <= top) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** The paragraph at the top of the screen: what the read state remembers. */
export function articlePosition(article: ArticleSlice): number {
  return paragraphAt(article.doc.paragraphLines, article.viewport.top);
}

/** The link panel: the picked link's number, text and full address, wrapped to the terminal. */
export function linkPanel(article: ArticleSlice, size: Size): string[] {
  if (article.link === null) return [];
  const link = article.doc.links[article.link];
  if (!link) return [];
  const text = `Link [${article.link + 1}/${article.doc.links.length}] ${link.text}: ${link.url}`;
  const lines = wrapLine(text, Math.max(1, size.cols));
  const max = maxLinkPanelLines(size);
  return lines.length > max ? [...lines.slice(0, max - 1), `${lines[max - 1].slice(0, -1)}…`] : lines;
}

export function articleViewHeight(article: ArticleSlice, size: Size): number {
  return articleHeight(size, linkPanel(article, size).length);
}

/**
 * The marks drawn over the lines, sorted by line; within a line, the highlighted sentence, then the
 * search matches, then the picked link's number (unless a match already covers it).
 */
function marksOf(article: ArticleSlice): Mark[] {
  const marks: Mark[] = [];
  for (const range of article.highlight?.ranges ?? []) marks.push({ ...range, current: false });
  article.search.matches.forEach((match, m) => marks.push({ ...match, current: m === article.search.current }));
  const linkLine = article.link === null ? -1 : (article.doc.linkLines[article.link] ?? -1);
  if (article.link !== null && linkLine >= 0) {
    const marker = `[${article.link + 1}]`;
    const at = stripStyle(article.doc.lines[linkLine] ?? '').indexOf(marker);
    const covered = marks.some((r) => r.line === linkLine && r.start < at + marker.length && r.end > at);
    if (at >= 0 && !covered) marks.push({ line: linkLine, start: at, end: at + marker.length, current: true });
  }
  return marks.sort((a, b) => a.line - b.line);
}

function withTop(article: ArticleSlice, top: number): ArticleSlice {
  return top === article.viewport.top ? article : { ...article, viewport: { ...article.viewport, top } };
}

/** The slice with its marks drawn from its search, link and highlight. */
function marked(article: ArticleSlice): ArticleSlice {
  return { ...article, viewport: { ...article.viewport, marks: marksOf(article) } };
}

function layOut(context: ScreenContext, index: number, text: ArticleText, width: number): RenderedArticle {
  const options = { width, color: context.color, ascii: context.ascii, theme: context.theme?.name, colors: context.theme?.colors };
  return renderArticle(context.articles[index], options, text.body);
}

/** An article laid out for the terminal from `text`, at the paragraph where it was left last time. */
export function openArticle(context: ScreenContext, index: number, text: ArticleText): ArticleSlice {
  const width = measureFor(context.size);
  const doc = layOut(context, index, text, width);
  const saved = savedParagraph(context.readState, context.articles[index]);
  const startLine = saved !== undefined ? (doc.paragraphLines[saved] ?? 0) : 0;
  const article: ArticleSlice = { kind: 'article', index, text, width, doc, plain: null, viewport: EMPTY_VIEWPORT, search: NO_SEARCH, link: null, digits: '', highlight: null };
  return withTop(article, clampTop(startLine, doc.lines.length, articleViewHeight(article, context.size)));
}

function highlightIn(article: ArticleSlice, range: TextRange): Highlight {
  return { ranges: locateRange(article.doc, article.text.paragraphs, range), range };
}

/** The top that shows a highlight, with a line of context above it when there is room. */
export function topForHighlight(highlight: Highlight, total: number, height: number): number {
  const first = highlight.ranges[0]?.line ?? 0;
  return clampTop(first - (height > 6 ? 2 : 0), total, height);
}

/** The article scrolled to `range` of its text, shown highlighted. */
export function showRange(article: ArticleSlice, range: TextRange, context: ScreenContext): ArticleSlice {
  const highlight = highlightIn(article, range);
  const top = topForHighlight(highlight, article.doc.lines.length, articleHeight(context.size, 0));
  return marked({ ...withTop(article, top), highlight });
}

function pickLink(article: ArticleSlice, link: number, size: Size, digits = ''): ArticleSlice {
  const picked = { ...article, link, digits };
  const line = article.doc.linkLines[link] ?? article.viewport.top;
  return marked(withTop(picked, revealLine(article.viewport.top, line, article.doc.lines.length, articleViewHeight(picked, size))));
}

function goToMatch(article: ArticleSlice, current: number, size: Size): ArticleSlice {
  const match = article.search.matches[current];
  const { top } = article.viewport;
  const next = match ? revealLine(top, match.line, article.doc.lines.length, articleViewHeight(article, size)) : top;
  return marked({ ...withTop(article, next), search: { ...article.search, current } });
}

/** The search for `query` run over the article's lines: the first match at or below the top is current. */
export function runSearch(article: ArticleSlice, query: string, size: Size): Step<ArticleSlice> {
  const plain = article.plain ?? article.doc.lines.map(stripStyle);
  const search = searchLines(plain, query);
  const searched = marked({ ...article, plain, search });
  if (query === '') return stay(searched);
  if (search.matches.length === 0) return stay(searched, { kind: 'say', text: `Not found: ${query}` });
  const first = firstMatchFrom(search, article.viewport.top);
  return first >= 0 ? stay(goToMatch(searched, first, size)) : stay(goToMatch(searched, 0, size), { kind: 'say', text: WRAPPED_MESSAGE });
}

export function updateArticle(start: ArticleSlice, command: Command, input: string, context: ScreenContext): Step<ArticleSlice> {
  const { size } = context;
  const { doc } = start;
  const links = doc.links.length;
  // Any key but a digit ends a link number being typed.
  const article = command !== Command.PickLink && start.digits !== '' ? { ...start, digits: '' } : start;
  switch (command) {
    case Command.BackOrQuit:
      // q leaves the article at once; Esc first drops the picked link, then the search.
      return stay(article, { kind: 'back' });
    case Command.Back:
      if (article.link !== null) return stay(marked({ ...article, link: null }));
      if (article.search.query !== '') return stay(marked({ ...article, search: NO_SEARCH }));
      return stay(article, { kind: 'back' });
    case Command.Search:
      return stay(article, { kind: 'prompt' });
    case Command.Summary:
      return stay(article, { kind: 'summary', article: article.index });
    case Command.Compare:
      return stay(article, { kind: 'compare' });
    case Command.NextMatch:
    case Command.PreviousMatch: {
      const count = article.search.matches.length;
      if (article.search.query === '') return stay(start, { kind: 'say', text: 'No search yet: press / to search' });
      if (count === 0) return stay(start, { kind: 'say', text: `Not found: ${article.search.query}` });
      const { current, wrapped } = stepMatch(article.search, command === Command.NextMatch ? 1 : -1, article.viewport.top, articleViewHeight(article, size));
      const moved = goToMatch(article, current, size);
      return wrapped ? stay(moved, { kind: 'say', text: WRAPPED_MESSAGE }) : stay(moved);
    }
    case Command.NextLink:
    case Command.PreviousLink: {
      if (links === 0) return stay(start, { kind: 'say', text: 'This article has no links' });
      const step = command === Command.NextLink ? 1 : -1;
      const from = article.link ?? (step > 0 ? -1 : links);
      return stay(pickLink(article, (from + step + links) % links, size));
    }
    case Command.PickLink: {
      if (links === 0) return stay({ ...article, digits: '' }, { kind: 'say', text: 'This article has no links' });
      const joined = article.digits + input;
      if (article.digits !== '' && Number(joined) >= 1 && Number(joined) <= links) return stay(pickLink(article, Number(joined) - 1, size, joined));
      const single = Number(input);
      if (single >= 1 && single <= links) return stay(pickLink(article, single - 1, size, input));
      return stay({ ...article, digits: '' }, { kind: 'say', text: `No link [${input}]: this article has ${links}` });
    }
    case Command.OpenLink: {
      if (article.link === null) {
        // `o` with no link picked opens the article's own original (a feed item's page), when it has an
        // http(s) one; Enter does not, so it never starts a browser by accident.
        const original = context.articles[article.index]?.url;
        if (input === 'o' && original && isOpenable(original)) return stay(article, { kind: 'open-url', url: original });
        return stay(article, { kind: 'say', text: links > 0 ? 'Pick a link first: Tab or its number' : 'This article has no links' });
      }
      const url = doc.links[article.link].url;
      if (!isOpenable(url)) return stay(article, { kind: 'say', text: 'Only http and https links are opened' });
      return stay(article, { kind: 'open-url', url });
    }
    default: {
      const viewport = update(article.viewport, command, textContent(doc.lines.length), articleViewHeight(article, size));
      return stay(viewport ? { ...article, viewport } : article);
    }
  }
}

/** Letters a rendered line holds, without styling or spaces: the same text wraps differently at each width. */
function textLength(line: string): number {
  return stripStyle(line).replace(/\s+/g, '').length;
}

/**
 * The top line after a re-wrap that shows the text the old top line began with: the same paragraph,
 * and within it the line that holds the same character (counted without spaces), so the words that
 * were at the top of the screen stay on it.
 */
export function carryPosition(before: RenderedArticle, after: RenderedArticle, top: number): number {
  const old = before.paragraphLines;
  if (old.length === 0 || top < old[0]) {
    return before.lines.length === 0 ? 0 : Math.round((top / before.lines.length) * after.lines.length);
  }
  const p = paragraphAt(old, top);
  let offset = 0;
  for (let line = old[p]; line < top; line++) offset += textLength(before.lines[line]);
  const start = after.paragraphLines[p] ?? 0;
  const end = p + 1 < after.paragraphLines.length ? after.paragraphLines[p + 1] : after.lines.length;
  let seen = 0;
  for (let line = start; line < end; line++) {
    seen += textLength(after.lines[line]);
    if (seen > offset) return line;
  }
  return Math.max(start, end - 1);
}

/**
 * The article for the terminal's current size: laid out again at a new measure with the words that
 * were at the top of the screen kept there, its highlight and search found again in the new lines.
 */
export function fitArticle(article: ArticleSlice, context: ScreenContext): ArticleSlice {
  const width = measureFor(context.size);
  if (width === article.width) {
    return withTop(article, clampTop(article.viewport.top, article.doc.lines.length, articleViewHeight(article, context.size)));
  }
  const doc = layOut(context, article.index, article.text, width);
  const top = carryPosition(article.doc, doc, article.viewport.top);
  let moved: ArticleSlice = { ...withTop(article, top), width, doc, plain: null };
  if (article.highlight) moved = { ...moved, highlight: highlightIn(moved, article.highlight.range) };
  if (article.search.query !== '') {
    const plain = doc.lines.map(stripStyle);
    moved = { ...moved, plain, search: carrySearch(article.search, plain, top) };
  }
  moved = marked(moved);
  return withTop(moved, clampTop(top, doc.lines.length, articleViewHeight(moved, context.size)));
}
