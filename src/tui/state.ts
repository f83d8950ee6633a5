import type { Article, LoadResult } from '../library/types.js';
import { renderArticle } from '../render/article.js';
import { findMatches } from '../render/search.js';
import { stripStyle, wrapLine } from '../render/text.js';
import type { Match, RenderedArticle } from '../render/types.js';
import { emptyReadState, markOpened, recordPosition } from '../state/read-state.js';
import type { ReadState } from '../state/types.js';
import { Command, resolveKey, splitKeys, type KeyContext, type KeyPress } from './keymap.js';
import { articleHeight, isTooSmall, listHeight, maxLinkPanelLines, measureFor, pagedHeight, type Size } from './layout.js';
import { SearchIndex, filterArticles } from './library-index.js';
import { clampTop, revealLine, scrollTop } from './pager.js';
import { helpLines } from './help.js';
import type { AnalysisJob, AnalysisOutcome } from './analysis-jobs.js';
import {
  applyOutcome,
  emptyAnalysisCache,
  highlightFor,
  openCompare,
  openSummary,
  relayoutSheets,
  returnToSheet,
  sheetCommand,
  type AnalysisCache,
  type CompareScreen,
  type Highlight,
  type SummaryScreen,
} from './analysis-screens.js';

/**
 * The reader's state and the one pure function that changes it. Views only draw a State and dispatch
 * Actions; side effects (opening a link, saving, quitting) are asked for through `request` and `quit`.
 */

export type Screen = 'list' | 'article' | 'help' | 'summary' | 'compare';

export interface ListState {
  filter: string;
  /** Whether keys are going into the filter prompt. */
  editing: boolean;
  /** Indexes into `articles` of the articles shown, in order. */
  visible: number[];
  /** Index into `visible` of the selected row. */
  selected: number;
  top: number;
}

export interface SearchState {
  /** The search being typed, while `editing`. */
  draft: string;
  editing: boolean;
  /** The search in force, whose matches are highlighted. */
  query: string;
  matches: Match[];
  /** Index into `matches` of the current match, or -1. */
  current: number;
}

export interface ReaderState {
  /** Index into `articles`. */
  index: number;
  width: number;
  doc: RenderedArticle;
  /** The lines without styling, made on the first search. */
  plain: string[] | null;
  top: number;
  search: SearchState;
  /** Index into `doc.links` of the picked link, or null. */
  link: number | null;
  /** Digits typed so far for a link number ("1" then "2" picks [12]). */
  digits: string;
  /** The sentence shown from a summary or a comparison, highlighted; null otherwise. */
  highlight: Highlight | null;
  /** The screen Esc goes back to when the article was opened from a summary or a comparison. */
  returnTo: 'summary' | 'compare' | null;
}

export type Request = { kind: 'open-url'; url: string; id: number };

export interface State {
  size: Size;
  color: boolean;
  screenReader: boolean;
  articles: readonly Article[];
  index: SearchIndex;
  screen: Screen;
  /** The screen help returns to. */
  previous: Exclude<Screen, 'help'>;
  list: ListState;
  reader: ReaderState | null;
  helpTop: number;
  readState: ReadState;
  /** A one-line message for the status line; gone at the next key. */
  message: string | null;
  /** Problems found at start (files not loaded, state file); shown on the list until an article is opened. */
  notice: string | null;
  request: Request | null;
  /** The summary screen (kept while an article opened from it is read), or null. */
  summary: SummaryScreen | null;
  /** The comparison screen (kept while an article opened from it is read), or null. */
  compare: CompareScreen | null;
  /** Summaries and comparisons worked out this session. */
  analysis: AnalysisCache;
  /** An analysis to run (outside the reducer, the NLP being loaded on first use); its result comes back as `analysis-done`. */
  job: AnalysisJob | null;
  quit: boolean;
  now: () => Date;
}

export type Action =
  | { type: 'key'; input: string; key: KeyPress }
  | { type: 'command'; command: Command; input?: string }
  | { type: 'text'; text: string }
  | { type: 'resize'; size: Size }
  | { type: 'message'; text: string }
  | { type: 'request-done'; id: number }
  | { type: 'analysis-done'; outcome: AnalysisOutcome };

export interface InitialOptions {
  load: LoadResult;
  size: Size;
  color: boolean;
  screenReader?: boolean;
  readState?: ReadState;
  /** Things to tell the person once at start besides the load problems (a corrupt state file). */
  notices?: string[];
  now?: () => Date;
}

/** The start-up notice: how many files could not be read, with the first reason, and state-file problems. */
export function startNotice(load: LoadResult, extra: readonly string[] = []): string | null {
  const parts: string[] = [];
  if (load.problems.length > 0) {
    const first = load.problems[0];
    const name = first.path.split(/[\\/]/).pop() ?? first.path;
    const count = load.problems.length;
    parts.push(`${count} file${count === 1 ? '' : 's'} not loaded (${name}: ${first.reason}${count > 1 ? '; …' : ''})`);
  }
  parts.push(...extra);
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function createState(options: InitialOptions): State {
  const articles = options.load.articles;
  return {
    size: options.size,
    color: options.color,
    screenReader: options.screenReader ?? false,
    articles,
    index: new SearchIndex(articles),
    screen: 'list',
    previous: 'list',
    list: { filter: '', editing: false, visible: articles.map((_, i) => i), selected: 0, top: 0 },
    reader: null,
    helpTop: 0,
    readState: options.readState ?? emptyReadState(),
    message: null,
    notice: startNotice(options.load, options.notices),
    request: null,
    summary: null,
    compare: null,
    analysis: emptyAnalysisCache(),
    job: null,
    quit: false,
    now: options.now ?? (() => new Date()),
  };
}

/** The key used for an article in the read state: its path, unique across folders. */
export function readKey(article: Article): string {
  return article.path;
}

export function isRead(state: State, article: Article): boolean {
  return readKey(article) in state.readState.articles;
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

/** The link panel: the picked link's number, text and full address, wrapped to the terminal. */
export function linkPanel(state: State): string[] {
  const reader = state.reader;
  if (!reader || reader.link === null) return [];
  const link = reader.doc.links[reader.link];
  if (!link) return [];
  const text = `Link [${reader.link + 1}/${reader.doc.links.length}] ${link.text}: ${link.url}`;
  const lines = wrapLine(text, Math.max(1, state.size.cols));
  const max = maxLinkPanelLines(state.size);
  return lines.length > max ? [...lines.slice(0, max - 1), `${lines[max - 1].slice(0, -1)}…`] : lines;
}

export function readerHeight(state: State): number {
  return articleHeight(state.size, linkPanel(state).length);
}

/** The read state with the open article's position recorded (what is saved on leaving or quitting). */
export function withCurrentPosition(state: State): ReadState {
  const reader = state.reader;
  if (!reader) return state.readState;
  const article = state.articles[reader.index];
  return recordPosition(state.readState, readKey(article), paragraphAt(reader.doc.paragraphLines, reader.top));
}

function keepSelectionVisible(list: ListState, height: number): ListState {
  const selected = Math.min(Math.max(0, list.selected), Math.max(0, list.visible.length - 1));
  let top = list.top;
  if (selected < top) top = selected;
  if (selected >= top + height) top = selected - height + 1;
  return { ...list, selected, top: clampTop(top, list.visible.length, height) };
}

function applyFilter(state: State, filter: string): State {
  const visible = filterArticles(state.index, filter, state.list);
  const list = keepSelectionVisible({ ...state.list, filter, visible, selected: 0, top: 0 }, listHeight(state.size));
  return { ...state, list };
}

function openArticle(state: State, index: number): State {
  const article = state.articles[index];
  const width = measureFor(state.size);
  const doc = renderArticle(article, { width, color: state.color });
  const saved = state.readState.articles[readKey(article)];
  const startLine = saved ? (doc.paragraphLines[saved.paragraph] ?? 0) : 0;
  const reader: ReaderState = {
    index,
    width,
    doc,
    plain: null,
    top: 0,
    search: { draft: '', editing: false, query: '', matches: [], current: -1 },
    link: null,
    digits: '',
    highlight: null,
    returnTo: null,
  };
  const next: State = {
    ...state,
    screen: 'article',
    reader,
    notice: null,
    readState: markOpened(state.readState, readKey(article), state.now()),
  };
  return { ...next, reader: { ...reader, top: clampTop(startLine, doc.lines.length, readerHeight(next)) } };
}

function leaveArticle(state: State): State {
  const left = { ...state, readState: withCurrentPosition(state) };
  if (state.reader?.returnTo) return returnToSheet(left, openArticle);
  return { ...left, screen: 'list', reader: null };
}

function listCommand(state: State, command: Command): State {
  const { list } = state;
  const height = listHeight(state.size);
  switch (command) {
    case Command.Open: {
      const index = list.visible[list.selected];
      return index === undefined ? { ...state, message: 'No article to open' } : openArticle(state, index);
    }
    case Command.Filter:
      return { ...state, list: { ...list, editing: true } };
    case Command.Back:
      return list.filter === '' ? state : applyFilter(state, '');
    default: {
      const moved = moveSelection(list.selected, command, list.visible.length, height);
      if (moved === null) return state;
      return { ...state, list: keepSelectionVisible({ ...list, selected: moved }, height) };
    }
  }
}

/** The list's movement keys move the selection (a page moves it by a screenful). */
function moveSelection(selected: number, command: Command, count: number, height: number): number | null {
  const last = Math.max(0, count - 1);
  const clamp = (n: number): number => Math.min(Math.max(0, n), last);
  const half = Math.max(1, Math.ceil(height / 2));
  switch (command) {
    case Command.LineDown:
      return clamp(selected + 1);
    case Command.LineUp:
      return clamp(selected - 1);
    case Command.PageDown:
      return clamp(selected + height);
    case Command.PageUp:
      return clamp(selected - height);
    case Command.HalfPageDown:
      return clamp(selected + half);
    case Command.HalfPageUp:
      return clamp(selected - half);
    case Command.Top:
      return 0;
    case Command.Bottom:
      return last;
    default:
      return null;
  }
}

function withReader(state: State, reader: ReaderState): State {
  return { ...state, reader };
}

function pickLink(state: State, reader: ReaderState, link: number, digits = ''): State {
  const picked = withReader(state, { ...reader, link, digits });
  const height = readerHeight(picked);
  const line = reader.doc.linkLines[link] ?? reader.top;
  return withReader(picked, { ...picked.reader!, top: revealLine(reader.top, line, reader.doc.lines.length, height) });
}

function goToMatch(state: State, reader: ReaderState, current: number): State {
  const match = reader.search.matches[current];
  const height = readerHeight(state);
  const top = match ? revealLine(reader.top, match.line, reader.doc.lines.length, height) : reader.top;
  return withReader(state, { ...reader, top, search: { ...reader.search, current } });
}

function runSearch(state: State, reader: ReaderState, query: string): State {
  const plain = reader.plain ?? reader.doc.lines.map(stripStyle);
  const matches = findMatches(plain, query);
  const searched: ReaderState = { ...reader, plain, search: { draft: '', editing: false, query, matches, current: -1 } };
  if (query === '') return withReader(state, searched);
  if (matches.length === 0) return { ...withReader(state, searched), message: `Not found: ${query}` };
  const first = matches.findIndex((match) => match.line >= reader.top);
  return goToMatch(state, searched, first >= 0 ? first : 0);
}

function isOpenable(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function articleCommand(state: State, reader: ReaderState, command: Command, input: string): State {
  const { doc } = reader;
  const links = doc.links.length;
  if (command !== Command.PickLink && reader.digits !== '') reader = { ...reader, digits: '' };
  switch (command) {
    case Command.Back:
      if (reader.link !== null) return withReader(state, { ...reader, link: null });
      if (reader.search.query !== '') return withReader(state, { ...reader, search: { ...reader.search, query: '', matches: [], current: -1 } });
      return leaveArticle(state);
    case Command.Search:
      return withReader(state, { ...reader, search: { ...reader.search, editing: true, draft: '' } });
    case Command.NextMatch:
    case Command.PreviousMatch: {
      const count = reader.search.matches.length;
      if (reader.search.query === '') return { ...state, message: 'No search yet: press / to search' };
      if (count === 0) return { ...state, message: `Not found: ${reader.search.query}` };
      const step = command === Command.NextMatch ? 1 : -1;
      const from = reader.search.current < 0 ? (step > 0 ? -1 : 0) : reader.search.current;
      return goToMatch(state, reader, (from + step + count) % count);
    }
    case Command.NextLink:
    case Command.PreviousLink: {
      if (links === 0) return { ...state, message: 'This article has no links' };
      const step = command === Command.NextLink ? 1 : -1;
      const from = reader.link ?? (step > 0 ? -1 : links);
      return pickLink(state, reader, (from + step + links) % links);
    }
    case Command.PickLink: {
      if (links === 0) return { ...withReader(state, { ...reader, digits: '' }), message: 'This article has no links' };
      const joined = reader.digits + input;
      if (reader.digits !== '' && Number(joined) >= 1 && Number(joined) <= links) return pickLink(state, reader, Number(joined) - 1, joined);
      const single = Number(input);
      if (single >= 1 && single <= links) return pickLink(state, reader, single - 1, input);
      return { ...withReader(state, { ...reader, digits: '' }), message: `No link [${input}]: this article has ${links}` };
    }
    case Command.OpenLink: {
      if (reader.link === null) return { ...withReader(state, reader), message: links > 0 ? 'Pick a link first: Tab or its number' : 'This article has no links' };
      const url = doc.links[reader.link].url;
      if (!isOpenable(url)) return { ...withReader(state, reader), message: 'Only http and https links are opened' };
      return { ...withReader(state, reader), request: { kind: 'open-url', url, id: (state.request?.id ?? 0) + 1 }, message: `Opening ${url}` };
    }
    default: {
      const top = scrollTop(reader.top, command, doc.lines.length, readerHeight(state));
      return top === null ? withReader(state, reader) : withReader(state, { ...reader, top });
    }
  }
}

function helpCommand(state: State, command: Command): State {
  if (command === Command.Back || command === Command.Help) return { ...state, screen: state.previous };
  const lines = helpLines(state.size.cols, state.screenReader).length;
  const top = scrollTop(state.helpTop, command, lines, pagedHeight(state.size));
  return top === null ? state : { ...state, helpTop: top };
}

/** `s` summarises the open article, or the selected one on the list. */
function summaryOf(state: State): State {
  const index = state.screen === 'article' && state.reader ? state.reader.index : state.list.visible[state.list.selected];
  if (index === undefined) return { ...state, message: 'No article to summarise' };
  return openSummary({ ...state, readState: withCurrentPosition(state) }, index);
}

function promptCommand(state: State, command: Command): State {
  if (state.screen === 'list') {
    const { list } = state;
    switch (command) {
      case Command.Accept:
        return { ...state, list: { ...list, editing: false } };
      case Command.Cancel:
        return applyFilter({ ...state, list: { ...list, editing: false } }, '');
      case Command.DeleteChar:
        return applyFilter(state, [...list.filter].slice(0, -1).join(''));
      default:
        return listCommand(state, command);
    }
  }
  const reader = state.reader;
  if (!reader) return state;
  const search = reader.search;
  switch (command) {
    case Command.Accept:
      return runSearch(state, reader, search.draft);
    case Command.Cancel:
      return withReader(state, { ...reader, search: { ...search, editing: false, draft: '' } });
    case Command.DeleteChar:
      return withReader(state, { ...reader, search: { ...search, draft: [...search.draft].slice(0, -1).join('') } });
    default:
      return articleCommand(state, reader, command, '');
  }
}

/** Whether keys currently go into a text prompt (the list filter or the article search). */
export function isPrompting(state: State): boolean {
  if (state.screen === 'list') return state.list.editing;
  if (state.screen === 'article') return state.reader?.search.editing ?? false;
  return false;
}

function command(state: State, command: Command, input: string): State {
  if (command === Command.Quit) return { ...state, readState: withCurrentPosition(state), quit: true };
  if (isTooSmall(state.size)) return state;
  if (isPrompting(state)) return promptCommand(state, command);
  if (command === Command.Help && state.screen !== 'help') return { ...state, screen: 'help', previous: state.screen, helpTop: 0 };
  if (command === Command.Summary && (state.screen === 'list' || state.screen === 'article')) return summaryOf(state);
  if (command === Command.Compare && state.screen !== 'help' && state.screen !== 'compare') {
    return openCompare({ ...state, readState: withCurrentPosition(state) });
  }
  if (state.screen === 'help') return helpCommand(state, command);
  if (state.screen === 'summary' || state.screen === 'compare') return sheetCommand(state, command, openArticle);
  if (state.screen === 'article' && state.reader) return articleCommand(state, state.reader, command, input);
  return listCommand(state, command);
}

function typeText(state: State, text: string): State {
  if (state.screen === 'list' && state.list.editing) return applyFilter(state, state.list.filter + text);
  const reader = state.reader;
  if (state.screen === 'article' && reader?.search.editing) {
    return withReader(state, { ...reader, search: { ...reader.search, draft: reader.search.draft + text } });
  }
  return state;
}

/**
 * After a resize: the article is laid out again at the new measure and the paragraph at the top of the
 * screen stays there (with the same share of it scrolled past); the list keeps its selection in view.
 */
function resize(state: State, size: Size): State {
  let next: State = { ...state, size, list: keepSelectionVisible(state.list, listHeight(size)) };
  next = { ...next, helpTop: clampTop(next.helpTop, helpLines(size.cols, next.screenReader).length, pagedHeight(size)) };
  next = relayoutSheets(next);
  const reader = state.reader;
  if (!reader) return next;
  const width = measureFor(size);
  if (width === reader.width) {
    return withReader(next, { ...reader, top: clampTop(reader.top, reader.doc.lines.length, readerHeight(next)) });
  }
  const doc = renderArticle(state.articles[reader.index], { width, color: state.color });
  const top = carryPosition(reader.doc, doc, reader.top);
  let moved: ReaderState = { ...reader, width, doc, plain: null, top };
  if (reader.highlight) moved = { ...moved, highlight: highlightFor(state, moved, reader.highlight.range) };
  if (reader.search.query !== '') {
    const plain = doc.lines.map(stripStyle);
    const matches = findMatches(plain, reader.search.query);
    const current = matches.length === 0 ? -1 : Math.max(0, matches.findIndex((match) => match.line >= top));
    moved = { ...moved, plain, search: { ...reader.search, matches, current } };
  }
  next = withReader(next, moved);
  return withReader(next, { ...moved, top: clampTop(top, doc.lines.length, readerHeight(next)) });
}

/** The line in `after` that shows what line `top` showed in `before`: same paragraph, same share of it. */
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

/** Where keys go right now; resolved inside the reducer so keys faster than frames see the latest state. */
export function keyContext(state: State): KeyContext {
  if (isTooSmall(state.size)) return 'too-small';
  if (isPrompting(state)) return 'prompt';
  return state.screen;
}

export function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'key': {
      const presses = splitKeys(action.input, action.key);
      if (presses.length !== 1) return presses.reduce((current, press) => reduce(current, { type: 'key', ...press }), state);
      const result = resolveKey(keyContext(state), action.input, action.key);
      if (result === null) return state;
      if ('text' in result) return typeText(state, result.text);
      return reduce(state, { type: 'command', command: result.command, input: result.input });
    }
    case 'command': {
      const cleared = state.message === null ? state : { ...state, message: null };
      return command(cleared, action.command, action.input ?? '');
    }
    case 'text':
      return typeText(state, action.text);
    case 'resize':
      return resize(state, action.size);
    case 'message':
      return { ...state, message: action.text };
    case 'request-done':
      return state.request?.id === action.id ? { ...state, request: null } : state;
    case 'analysis-done':
      return applyOutcome(state, action.outcome);
  }
}
