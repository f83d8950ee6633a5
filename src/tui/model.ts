import { DEFAULT_TOPIC } from '../analysis/default-topic.js';
import type { ArticleText, LoadResult } from '../library/types.js';
import type { ThemeOverrides } from '../render/style.js';
import { emptyReadState, recordPosition } from '../state/read-state.js';
import type { ReadState } from '../state/types.js';
import { emptyAnalysisCache, type AnalysisJob, type AnalysisOutcome } from './analysis-jobs.js';
import type { ScreenContext } from './context.js';
import type { Intent } from './intent.js';
import type { Binding, KeyPress } from './keymap.js';
import { BINDINGS, Command } from './keymap.js';
import type { Size } from './layout.js';
import { SearchIndex } from './library-index.js';
import { startNotice } from './list-frame.js';
import { readKey } from './read-key.js';
import { articlePosition, type ArticleSlice } from './screens/article.js';
import type { HelpSlice } from './screens/help.js';
import { IDLE_REFRESH, type RefreshSlice } from './refresh-slice.js';
import { createList, type ListSlice } from './screens/list.js';
import type { PromptSlice } from './screens/prompt.js';
import type { CompareSlice, SummarySlice } from './screens/sheets.js';
import type { DetailsSlice, TopicsSlice } from './screens/menus.js';

/**
 * The reader's model (glow's shape): one slice per screen, a back stack of the screens opened over the
 * list, and what the app is asked to do outside (open a link, run an analysis, quit). Views only draw a
 * Model; reduce.ts alone changes it.
 */

/** A screen opened over the list; the last one on the stack is shown, Esc goes back to the one under it. */
export type ScreenSlice = ArticleSlice | SummarySlice | CompareSlice | HelpSlice | DetailsSlice | TopicsSlice;

export type ScreenKind = 'list' | ScreenSlice['kind'];

/** Work the app does outside the reducer: open a link (`r`'s reload is `refresh`, feed-refresh.ts). */
export type Request = { kind: 'open-url'; url: string; id: number };

export interface Model extends ScreenContext {
  index: SearchIndex;
  /** The list, always at the bottom of the back stack. */
  list: ListSlice;
  /** Screens opened over the list, oldest first. */
  stack: ScreenSlice[];
  /** The filter or search being typed, over the screen on top. */
  prompt: PromptSlice | null;
  /** A one-line message for the status line; gone at the next key. */
  message: string | null;
  /** Problems found at start or on reload (files not loaded, state, config), in one line beside the list's title; `!` shows `details`. */
  notice: string | null;
  /** Every problem in full, one a line, for the details screen. */
  details: string[];
  /** The last search typed, which `/` then Enter on an empty search repeats. */
  lastSearch: string;
  /** The topic `c` compares, and the topics the chooser offers first (from the config file). */
  topic: string;
  topics: string[];
  request: Request | null;
  /**
   * An article asked for and not yet shown: its text is read outside the reducer (src/tui/article-text.ts)
   * and handed back as `article-text`, so no key press reads the disk here.
   */
  opening: OpenArticle | null;
  /** An analysis to run (outside the reducer, on a worker thread); its result comes back as `analysis-done`. */
  job: AnalysisJob | null;
  /** How far `job` got, as the screen waiting for it says it ("Finding statements: 340 of 2,000 articles… · 3 s"). */
  progress: string | null;
  /** The feeds' refresh (`r`), run by App in the background. */
  refresh: RefreshSlice;
  quit: boolean;
  now: () => Date;
}

export type OpenArticle = Extract<Intent, { kind: 'open-article' }>;

export type Action =
  | { type: 'key'; input: string; key: KeyPress }
  | { type: 'command'; command: Command; input?: string }
  | { type: 'text'; text: string }
  | { type: 'resize'; size: Size }
  | { type: 'message'; text: string }
  | { type: 'request-done'; id: number }
  | { type: 'analysis-done'; outcome: AnalysisOutcome }
  | { type: 'analysis-progress'; job: AnalysisJob; text: string }
  | { type: 'refresh-progress'; text: string }
  | { type: 'refresh-done'; load: LoadResult | null; error?: string }
  | { type: 'library-changed'; load: LoadResult }
  /** More of the library is indexed (App warms the index between keys): a filter still searching goes on. */
  | { type: 'index-grown' }
  | { type: 'topic-chosen'; topic: string | null }
  | { type: 'article-text'; opening: OpenArticle; text: ArticleText };

export interface InitialOptions {
  load: LoadResult;
  size: Size;
  color: boolean;
  screenReader?: boolean;
  readState?: ReadState;
  /** Things to tell the person once at start besides the load problems (a corrupt state file, a bad config). */
  notices?: string[];
  ascii?: boolean;
  theme?: { name: 'dark' | 'light'; colors: ThemeOverrides };
  bindings?: readonly Binding[];
  topic?: string;
  topics?: string[];
  /** A measure narrower than the terminal (`--width`). */
  measure?: number;
  now?: () => Date;
}

// The list's start-up notice is drawn in the first frame too, before this module (and Ink) load.
export { startNotice } from './list-frame.js';

/** Every problem in full, for the details screen (`!`). */
export function problemDetails(load: LoadResult, extra: readonly string[] = []): string[] {
  return [...load.problems.map((problem) => `${problem.path}: ${problem.reason}`), ...extra];
}

export function createModel(options: InitialOptions): Model {
  const articles = options.load.articles;
  return {
    size: options.measure ? { ...options.size, measure: options.measure } : options.size,
    color: options.color,
    ascii: options.ascii ?? false,
    theme: options.theme,
    bindings: options.bindings ?? BINDINGS,
    screenReader: options.screenReader ?? false,
    articles,
    readState: options.readState ?? emptyReadState(),
    analysis: emptyAnalysisCache(),
    index: new SearchIndex(articles),
    list: createList(articles.length),
    stack: [],
    prompt: null,
    message: null,
    notice: startNotice(options.load, options.notices),
    details: problemDetails(options.load, options.notices),
    lastSearch: '',
    topic: options.topic ?? DEFAULT_TOPIC,
    topics: options.topics ?? [],
    request: null,
    opening: null,
    job: null,
    progress: null,
    refresh: IDLE_REFRESH,
    quit: false,
    now: options.now ?? (() => new Date()),
  };
}

/** The screen shown: the top of the back stack, or the list. */
export function topScreen(model: Model): ScreenSlice | null {
  return model.stack.length > 0 ? model.stack[model.stack.length - 1] : null;
}

export function screenOf(model: Model): ScreenKind {
  return topScreen(model)?.kind ?? 'list';
}

/** The slice of kind `kind` nearest the top of the back stack. */
export function nearest<K extends ScreenSlice['kind']>(model: Model, kind: K): Extract<ScreenSlice, { kind: K }> | null {
  for (let i = model.stack.length - 1; i >= 0; i--) {
    const screen = model.stack[i];
    if (screen.kind === kind) return screen as Extract<ScreenSlice, { kind: K }>;
  }
  return null;
}

/**
 * Whether a screen still waits for `job`'s results: a summary or comparison not laid out yet, or the
 * list grouped by story before the stories are known. A job nobody waits for is stopped (Esc cancels).
 */
export function isWaitingFor(model: Model, job: AnalysisJob): boolean {
  if (job.kind === 'stories') return model.list.grouped && model.analysis.stories === null;
  return model.stack.some(
    (screen) =>
      (screen.kind === 'summary' && job.kind === 'summary' && screen.article === job.article && screen.sheet === null && screen.error === null) ||
      (screen.kind === 'compare' && job.kind === 'compare' && screen.topic === job.topic && screen.sheet === null && screen.error === null),
  );
}

/** The jobs screens wait for, the one on top first. */
export function jobsWaitedFor(model: Model): AnalysisJob[] {
  const jobs: AnalysisJob[] = [];
  for (let i = model.stack.length - 1; i >= 0; i--) {
    const screen = model.stack[i];
    if ((screen.kind === 'summary' || screen.kind === 'compare') && screen.sheet === null && screen.error === null) {
      jobs.push(screen.kind === 'summary' ? { kind: 'summary', article: screen.article } : { kind: 'compare', topic: screen.topic });
    }
  }
  if (model.list.grouped && model.analysis.stories === null) jobs.push({ kind: 'stories' });
  return jobs;
}

/** The read state with the last-opened article's position recorded (what is saved on leaving or quitting). */
export function withCurrentPosition(model: Model): ReadState {
  const article = nearest(model, 'article');
  if (!article) return model.readState;
  return recordPosition(model.readState, readKey(model.articles[article.index]), articlePosition(article));
}
