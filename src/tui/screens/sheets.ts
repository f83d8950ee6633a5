import type { Evidence } from '../../analysis/types.js';
import type { TextRange } from '../../analysis/text.js';
import type { SentenceRange } from '../analysis-jobs.js';
import { comparisonSheet, type CompareOrder } from '../../render/comparison.js';
import { appendStorySections } from '../../render/story-sections.js';
import type { ScreenContext } from '../context.js';
import { stay, type Step } from '../intent.js';
import { Command } from '../keymap.js';
import { measureFor, pagedHeight } from '../layout.js';
import type { Sheet } from '../../render/sheet.js';
import { cursorForKey, sheetContent } from '../sheet.js';
import { summarySheet } from '../../render/summary.js';
import { stripStyle } from '../../render/text.js';
import { carrySearch, firstMatchFrom, NO_SEARCH, searchLines, stepMatch, WRAPPED_MESSAGE, type SearchState } from '../search.js';
import { EMPTY_VIEWPORT, revealCursor, revealLine, update, type Mark, type Viewport } from '../viewport.js';

/**
 * The summary and comparison screens: a sheet of items (facts, statements) laid out once per width,
 * the viewport over it, and Enter to show an item's sentence in its article. Pure: the analysis runs
 * outside (analysis-jobs.ts) and its results arrive in the context's cache.
 */

interface SheetSlice {
  /** Null while the analysis runs ("Analysing…") or when it failed (`error`). */
  sheet: Sheet | null;
  /** The width the sheet was laid out at. */
  width: number;
  viewport: Viewport;
  error: string | null;
  /** A search typed with `/`, over the sheet's lines as shown. */
  search: SearchState;
}

export interface SummarySlice extends SheetSlice {
  kind: 'summary';
  /** Index of the summarised article. */
  article: number;
}

export interface CompareSlice extends SheetSlice {
  kind: 'compare';
  topic: string;
  order: CompareOrder;
  /** A story to put the cursor on when the sheet is first laid out (c on a story in the grouped list). */
  story?: string;
}

export type SheetScreen = SummarySlice | CompareSlice;

function layout(slice: SheetScreen, context: ScreenContext, order = slice.kind === 'compare' ? slice.order : 'speaker'): Sheet | null {
  const width = measureFor(context.size);
  if (slice.kind === 'summary') {
    const summary = context.analysis.summaries[slice.article];
    return summary ? summarySheet(summary, { width, color: context.color, article: slice.article }) : null;
  }
  const comparison = context.analysis.comparisons[slice.topic];
  if (!comparison) return null;
  const articleIndex = (id: string): number => context.articles.findIndex((article) => article.id === id);
  const sheet = comparisonSheet(comparison, { width, color: context.color, order, articleIndex });
  return appendStorySections(sheet, context.analysis.reports[slice.topic] ?? [], { width, color: context.color, articleIndex });
}

/** The cursor on the item with `key` in `sheet` (the first item when there is none), in view. */
function viewportAt(sheet: Sheet, key: string | undefined, context: ScreenContext): Viewport {
  return revealCursor({ ...EMPTY_VIEWPORT, cursor: cursorForKey(sheet, key) }, sheetContent(sheet), pagedHeight(context.size));
}

/** A summary screen, laid out from the cache, or waiting for the analysis. */
export function openSummary(article: number, context: ScreenContext): SummarySlice {
  const slice: SummarySlice = { kind: 'summary', article, sheet: null, width: measureFor(context.size), viewport: EMPTY_VIEWPORT, error: null, search: NO_SEARCH };
  return fitSheet(slice, context);
}

/** A comparison screen over every loaded article, in `order`. */
export function openCompare(topic: string, order: CompareOrder, context: ScreenContext, story?: string): CompareSlice {
  const slice: CompareSlice = { kind: 'compare', topic, order, sheet: null, width: measureFor(context.size), viewport: EMPTY_VIEWPORT, error: null, search: NO_SEARCH, ...(story ? { story } : {}) };
  return fitSheet(slice, context);
}

/**
 * The screen for the terminal's current size and the results so far: laid out again when the width
 * changed or its results arrived, keeping the item under the cursor; else the cursor's item kept in view.
 */
export function fitSheet<S extends SheetScreen>(slice: S, context: ScreenContext): S {
  const width = measureFor(context.size);
  if (slice.sheet === null || slice.width !== width) {
    const sheet = layout(slice, context);
    if (!sheet) return slice;
    const focus = slice.kind === 'compare' && slice.sheet === null && slice.story ? `story:${slice.story}` : undefined;
    const key = slice.sheet?.anchors[slice.viewport.cursor]?.key ?? (focus && sheet.anchors.find((a) => a.key === focus)?.key);
    const viewport = viewportAt(sheet, key, context);
    return { ...slice, sheet, width, error: null, viewport, search: carrySearch(slice.search, sheet.lines.map(stripStyle), viewport.top) };
  }
  return { ...slice, viewport: revealCursor(slice.viewport, sheetContent(slice.sheet), pagedHeight(context.size)) };
}

/** The sentence that holds the evidence (facts point at their words; Enter shows the whole sentence). */
export function sentenceOf(sentences: readonly SentenceRange[] | undefined, evidence: Evidence): TextRange {
  const sentence = sentences?.[evidence.sentence];
  const holds = sentence && sentence.start <= evidence.start && evidence.end <= sentence.end;
  return holds ? { paragraph: evidence.paragraph, start: sentence.start, end: sentence.end } : { paragraph: evidence.paragraph, start: evidence.start, end: evidence.end };
}

/** The search marks over a sheet's lines (the current match underlined too). */
export function sheetMarks(slice: SheetScreen): Mark[] {
  return slice.search.matches.map((match, i) => ({ ...match, current: i === slice.search.current }));
}

/** The sheet with match `current` current: the cursor on the item holding it, the line in view. */
function goToSheetMatch<S extends SheetScreen>(slice: S, sheet: Sheet, current: number, context: ScreenContext): S {
  const match = slice.search.matches[current];
  if (!match) return slice;
  const item = sheet.anchors.findIndex((anchor) => match.line >= anchor.line && match.line < anchor.end);
  const height = pagedHeight(context.size);
  const top = revealLine(slice.viewport.top, match.line, sheet.lines.length, height);
  return { ...slice, search: { ...slice.search, current }, viewport: { ...slice.viewport, top, cursor: item >= 0 ? item : slice.viewport.cursor } };
}

/** A search typed over a summary or a comparison: the first match at or below the top is current. */
export function runSheetSearch<S extends SheetScreen>(slice: S, query: string, context: ScreenContext): Step<S> {
  if (!slice.sheet) return stay(slice, { kind: 'say', text: 'Nothing to search yet' });
  const search = searchLines(slice.sheet.lines.map(stripStyle), query);
  const searched = { ...slice, search };
  if (query === '') return stay(searched);
  if (search.matches.length === 0) return stay(searched, { kind: 'say', text: `Not found: ${query}` });
  const first = firstMatchFrom(search, slice.viewport.top);
  const moved = goToSheetMatch(searched, slice.sheet, first >= 0 ? first : 0, context);
  return first >= 0 ? stay(moved) : stay(moved, { kind: 'say', text: WRAPPED_MESSAGE });
}

export function updateSheet<S extends SheetScreen>(slice: S, command: Command, context: ScreenContext): Step<S> {
  if (command === Command.Back || command === Command.BackOrQuit) {
    if (command === Command.Back && slice.search.query !== '') return stay({ ...slice, search: NO_SEARCH });
    return stay(slice, { kind: 'back' });
  }
  if (command === Command.Search) return stay(slice, { kind: 'prompt' });
  if (command === Command.Compare && slice.kind === 'summary') return stay(slice, { kind: 'compare' });
  const sheet = slice.sheet;
  if (!sheet) return stay(slice);
  switch (command) {
    case Command.NextMatch:
    case Command.PreviousMatch: {
      if (slice.search.query === '') return stay(slice, { kind: 'say', text: 'No search yet: press / to search' });
      if (slice.search.matches.length === 0) return stay(slice, { kind: 'say', text: `Not found: ${slice.search.query}` });
      const { current, wrapped } = stepMatch(slice.search, command === Command.NextMatch ? 1 : -1, slice.viewport.top, pagedHeight(context.size));
      const moved = goToSheetMatch(slice, sheet, current, context);
      return wrapped ? stay(moved, { kind: 'say', text: WRAPPED_MESSAGE }) : stay(moved);
    }
    case Command.Open: {
      const target = sheet.anchors[slice.viewport.cursor]?.target;
      if (!target) return stay(slice, { kind: 'say', text: 'Nothing to show here' });
      const range = sentenceOf(context.analysis.sentences[target.article], target.evidence);
      return stay(slice, { kind: 'open-article', index: target.article, show: { range, from: slice.kind } });
    }
    case Command.Timeline: {
      if (slice.kind !== 'compare') return stay(slice);
      const order: CompareOrder = slice.order === 'speaker' ? 'timeline' : 'speaker';
      const next = layout(slice, context, order);
      if (!next) return stay(slice);
      const key = sheet.anchors[slice.viewport.cursor]?.key;
      const viewport = viewportAt(next, key, context);
      return stay({ ...slice, order, sheet: next, viewport, search: carrySearch({ ...slice.search, matches: [] }, next.lines.map(stripStyle), viewport.top) });
    }
    default: {
      const viewport = update(slice.viewport, command, sheetContent(sheet), pagedHeight(context.size));
      return stay(viewport ? { ...slice, viewport } : slice);
    }
  }
}
