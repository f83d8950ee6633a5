import type { Comparison, Evidence, Summary } from '../analysis/types.js';
import { locateRange, type TextRange } from '../render/evidence.js';
import type { Match } from '../render/types.js';
import type { AnalysisJob, AnalysisOutcome, SentenceRange } from './analysis-jobs.js';
import { comparisonSheet, type CompareOrder } from './compare-lines.js';
import { Command } from './keymap.js';
import { articleHeight, measureFor, pagedHeight, type Size } from './layout.js';
import { clampTop } from './pager.js';
import { cursorForKey, moveInSheet, revealCursor, type JumpTarget, type Sheet, type SheetPosition } from './sheet.js';
import { summarySheet } from './summary-lines.js';
import type { ReaderState, State } from './state.js';

/**
 * The summary and comparison screens' part of the reducer: what they hold, how keys change them, and
 * how Enter shows a fact's sentence in its article. Pure, like the rest of the reducer: the analysis
 * itself runs outside (analysis-jobs.ts) and its results come back as an action.
 */

/** Where Esc goes from a summary or comparison: the screen it was opened from. */
export type Origin = { screen: 'list' } | { screen: 'article'; reader: ReaderState } | { screen: 'summary' };

interface SheetScreen {
  /** Null while the analysis runs ("Analysing…") or when it failed (`error`). */
  sheet: Sheet | null;
  /** The width the sheet was laid out at. */
  width: number;
  position: SheetPosition;
  error: string | null;
  from: Origin;
}

export interface SummaryScreen extends SheetScreen {
  /** Index of the summarised article. */
  article: number;
}

export interface CompareScreen extends SheetScreen {
  topic: string;
  order: CompareOrder;
}

/** Results kept for the session, so a second look costs nothing. Keys are article indexes and topics. */
export interface AnalysisCache {
  summaries: Record<number, Summary>;
  comparisons: Record<string, Comparison>;
  sentences: Record<number, SentenceRange[]>;
}

export function emptyAnalysisCache(): AnalysisCache {
  return { summaries: {}, comparisons: {}, sentences: {} };
}

/** The topic the comparison screen shows. */
export const COMPARE_TOPIC = 'ceasefire';

/** The sentence shown highlighted in an article opened from a summary or a comparison. */
export interface Highlight {
  ranges: Match[];
  /** The text range shown, kept so the highlight can be found again after a re-wrap. */
  range: TextRange;
}

export function sheetHeight(size: Size): number {
  return pagedHeight(size);
}

function summaryLayout(state: State, article: number): Sheet | null {
  const summary = state.analysis.summaries[article];
  return summary ? summarySheet(summary, { width: measureFor(state.size), color: state.color, article }) : null;
}

function compareLayout(state: State, topic: string, order: CompareOrder): Sheet | null {
  const comparison = state.analysis.comparisons[topic];
  if (!comparison) return null;
  const articleIndex = (id: string): number => state.articles.findIndex((article) => article.id === id);
  return comparisonSheet(comparison, { width: measureFor(state.size), color: state.color, order, articleIndex });
}

function origin(state: State): Origin {
  if (state.screen === 'article' && state.reader) return { screen: 'article', reader: state.reader };
  if (state.screen === 'summary' && state.summary) return { screen: 'summary' };
  return { screen: 'list' };
}

/** The cursor on the first item, shown (in a small terminal, the lines above it may not fit with it). */
function firstPosition(sheet: Sheet | null, size: Size): SheetPosition {
  return sheet ? revealCursor(sheet, { cursor: 0, top: 0 }, sheetHeight(size)) : { cursor: 0, top: 0 };
}

/** `s`: the summary of an article, from the cache or with the analysis asked for. */
export function openSummary(state: State, article: number): State {
  const sheet = summaryLayout(state, article);
  const position = firstPosition(sheet, state.size);
  const summary: SummaryScreen = { article, sheet, width: measureFor(state.size), position, error: null, from: origin(state) };
  const job: AnalysisJob | null = sheet ? null : { kind: 'summary', article };
  return { ...state, screen: 'summary', summary, job: job ?? state.job };
}

/** `c`: the comparison over every loaded article. */
export function openCompare(state: State, topic = COMPARE_TOPIC): State {
  const order: CompareOrder = state.compare?.topic === topic ? state.compare.order : 'speaker';
  const sheet = compareLayout(state, topic, order);
  const position = firstPosition(sheet, state.size);
  const compare: CompareScreen = { topic, order, sheet, width: measureFor(state.size), position, error: null, from: origin(state) };
  const job: AnalysisJob | null = sheet ? null : { kind: 'compare', topic };
  return { ...state, screen: 'compare', compare, job: job ?? state.job };
}

function sameJob(a: AnalysisJob | null, b: AnalysisJob): boolean {
  if (a === null || a.kind !== b.kind) return false;
  return a.kind === 'summary' && b.kind === 'summary' ? a.article === b.article : a.kind === 'compare' && b.kind === 'compare' && a.topic === b.topic;
}

/** An analysis finished: its results are cached, and the screen waiting for them is laid out. */
export function applyOutcome(state: State, outcome: AnalysisOutcome): State {
  const { job } = outcome;
  let next: State = { ...state, job: sameJob(state.job, job) ? null : state.job };
  if ('error' in outcome) {
    const message = `Analysis failed: ${outcome.error}`;
    if (job.kind === 'summary' && next.summary?.article === job.article && !next.summary.sheet) next = { ...next, summary: { ...next.summary, error: message } };
    if (job.kind === 'compare' && next.compare?.topic === job.topic && !next.compare.sheet) next = { ...next, compare: { ...next.compare, error: message } };
    return next;
  }
  const analysis: AnalysisCache = {
    summaries: 'summary' in outcome && job.kind === 'summary' ? { ...state.analysis.summaries, [job.article]: outcome.summary } : state.analysis.summaries,
    comparisons: 'comparison' in outcome && job.kind === 'compare' ? { ...state.analysis.comparisons, [job.topic]: outcome.comparison } : state.analysis.comparisons,
    sentences: { ...state.analysis.sentences, ...outcome.sentences },
  };
  next = { ...next, analysis };
  return relayoutSheets(next);
}

/** Lays the screens out again at the terminal's width (after a resize, or when results arrive), keeping the cursor's item. */
export function relayoutSheets(state: State): State {
  const width = measureFor(state.size);
  const height = sheetHeight(state.size);
  let next = state;
  const { summary, compare } = state;
  if (summary && (summary.sheet === null || summary.width !== width)) {
    const sheet = summaryLayout(state, summary.article);
    if (sheet) next = { ...next, summary: { ...summary, sheet, width, error: null, position: carry(summary, sheet, height) } };
  } else if (summary?.sheet) {
    next = { ...next, summary: { ...summary, position: revealCursor(summary.sheet, summary.position, height) } };
  }
  if (compare && (compare.sheet === null || compare.width !== width)) {
    const sheet = compareLayout(state, compare.topic, compare.order);
    if (sheet) next = { ...next, compare: { ...compare, sheet, width, error: null, position: carry(compare, sheet, height) } };
  } else if (compare?.sheet) {
    next = { ...next, compare: { ...compare, position: revealCursor(compare.sheet, compare.position, height) } };
  }
  return next;
}

/** The position in a new layout of the same items: the same item under the cursor, in view. */
function carry(screen: SheetScreen, sheet: Sheet, height: number): SheetPosition {
  if (!screen.sheet) return revealCursor(sheet, { cursor: 0, top: 0 }, height);
  const key = screen.sheet.anchors[screen.position.cursor]?.key;
  return revealCursor(sheet, { cursor: cursorForKey(sheet, key), top: 0 }, height);
}

/** The sentence that holds the evidence (facts point at their words; Enter shows the whole sentence). */
export function sentenceOf(sentences: readonly SentenceRange[] | undefined, evidence: Evidence): TextRange {
  const sentence = sentences?.[evidence.sentence];
  const holds = sentence && sentence.start <= evidence.start && evidence.end <= sentence.end;
  return holds ? { paragraph: evidence.paragraph, start: sentence.start, end: sentence.end } : { paragraph: evidence.paragraph, start: evidence.start, end: evidence.end };
}

/** The highlight for a reader: where `range` shows in its laid-out lines. */
export function highlightFor(state: State, reader: ReaderState, range: TextRange): Highlight {
  return { ranges: locateRange(reader.doc, state.articles[reader.index].paragraphs, range), range };
}

/** The top that shows a highlight, with a line of context above it when there is room. */
export function topForHighlight(highlight: Highlight, total: number, height: number): number {
  const first = highlight.ranges[0]?.line ?? 0;
  return clampTop(first - (height > 6 ? 2 : 0), total, height);
}

/**
 * Enter on an item: its article opened (with `open`, the reducer's own way of opening one) at the
 * sentence, highlighted; Esc there comes back here.
 */
function showTarget(state: State, target: JumpTarget, returnTo: 'summary' | 'compare', open: (state: State, index: number) => State): State {
  const opened = open(state, target.article);
  const reader = opened.reader;
  if (!reader) return opened;
  const highlight = highlightFor(opened, reader, sentenceOf(state.analysis.sentences[target.article], target.evidence));
  const top = topForHighlight(highlight, reader.doc.lines.length, articleHeight(opened.size, 0));
  const message = `Esc: back to the ${returnTo === 'summary' ? 'summary' : 'comparison'}`;
  return { ...opened, reader: { ...reader, top, highlight, returnTo }, message };
}

/** The reader a screen was opened from, laid out again (by `open`) if the terminal's width changed since. */
function originReader(state: State, from: Origin, open: (state: State, index: number) => State): ReaderState | null {
  if (from.screen !== 'article') return null;
  if (from.reader.width === measureFor(state.size)) return from.reader;
  return open(state, from.reader.index).reader;
}

/** Back to where the screen was opened from. */
function leave(state: State, from: Origin, open: (state: State, index: number) => State): State {
  const cleared = state.screen === 'summary' ? { summary: null } : { compare: null };
  if (from.screen === 'article') return { ...state, ...cleared, screen: 'article', reader: originReader(state, from, open) };
  if (from.screen === 'summary' && state.summary) return { ...state, ...cleared, screen: 'summary' };
  return { ...state, ...cleared, screen: 'list', reader: null };
}

/**
 * Esc in an article opened from a summary or a comparison: back to that screen as it was, with the
 * reader it was opened over (if any) put back. The caller records the article's position first.
 */
export function returnToSheet(state: State, open: (state: State, index: number) => State): State {
  const to = state.reader?.returnTo;
  const screen = to === 'summary' ? state.summary : to === 'compare' ? state.compare : null;
  if (!to || !screen) return { ...state, screen: 'list', reader: null };
  return { ...state, screen: to, reader: originReader(state, screen.from, open) };
}

/** Keys on the summary or comparison screen. `open` opens an article the way the reducer does. */
export function sheetCommand(state: State, command: Command, open: (state: State, index: number) => State): State {
  const which = state.screen === 'summary' ? 'summary' : 'compare';
  const screen = which === 'summary' ? state.summary : state.compare;
  if (!screen) return { ...state, screen: 'list' };
  const update = (changes: Partial<SheetScreen & CompareScreen>): State => ({ ...state, [which]: { ...screen, ...changes } });
  if (command === Command.Back) return leave(state, screen.from, open);
  const sheet = screen.sheet;
  if (!sheet) return state;
  const height = sheetHeight(state.size);
  switch (command) {
    case Command.Open: {
      const target = sheet.anchors[screen.position.cursor]?.target;
      if (!target) return { ...state, message: 'Nothing to show here' };
      return showTarget(state, target, which, open);
    }
    case Command.Timeline: {
      if (which !== 'compare' || !state.compare) return state;
      const order: CompareOrder = state.compare.order === 'speaker' ? 'timeline' : 'speaker';
      const next = compareLayout(state, state.compare.topic, order);
      if (!next) return state;
      const key = sheet.anchors[screen.position.cursor]?.key;
      const position = revealCursor(next, { cursor: cursorForKey(next, key), top: 0 }, height);
      return { ...state, compare: { ...state.compare, order, sheet: next, position } };
    }
    default: {
      const position = moveInSheet(sheet, screen.position, command, height);
      return position ? update({ position }) : state;
    }
  }
}
