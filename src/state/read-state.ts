import { readFileSync, renameSync } from 'node:fs';
import { removeStaleTemporaries, writeFileAtomicSync } from './atomic.js';
import { stateFilePath } from './paths.js';
import type { ArticleReadState, ReadState, StateProblem } from './types.js';

export function emptyReadState(): ReadState {
  return { version: 1, articles: {} };
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : error.code;
    return message;
  }
  return String(error);
}

/** The parsed file, or null when it is not a state file we wrote (keeps only well-formed entries). */
function parseReadState(text: string): ReadState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object' || !('articles' in data)) return null;
  const articles = (data as { articles: unknown }).articles;
  if (!articles || typeof articles !== 'object' || Array.isArray(articles)) return null;
  const state = emptyReadState();
  for (const [key, value] of Object.entries(articles)) {
    if (!value || typeof value !== 'object') continue;
    const entry = value as Partial<ArticleReadState>;
    state.articles[key] = {
      openedAt: typeof entry.openedAt === 'string' ? entry.openedAt : new Date(0).toISOString(),
      paragraph: Number.isInteger(entry.paragraph) && (entry.paragraph as number) >= 0 ? (entry.paragraph as number) : 0,
    };
  }
  return state;
}

/** A name for a set-aside corrupt file that sorts by time and never overwrites an earlier one. */
export function corruptFileName(path: string, now: Date): string {
  return `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * Reads the read state. A missing file is an empty state; a corrupt one is renamed aside (never silently
 * discarded) and reported; an unreadable one is reported. In every case the reader gets a usable state.
 */
export function loadReadState(directory: string, now = new Date()): { state: ReadState; problem: StateProblem | null } {
  const path = stateFilePath(directory);
  removeStaleTemporaries(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') {
      return { state: emptyReadState(), problem: null };
    }
    return { state: emptyReadState(), problem: { path, message: `could not read the reading state: ${describe(error)}` } };
  }
  const state = parseReadState(text);
  if (state) return { state, problem: null };
  const aside = corruptFileName(path, now);
  try {
    renameSync(path, aside);
    return { state: emptyReadState(), problem: { path, message: `the reading state was corrupt; set aside as ${aside}` } };
  } catch (error) {
    return { state: emptyReadState(), problem: { path, message: `the reading state is corrupt and could not be set aside: ${describe(error)}` } };
  }
}

/** Writes the read state atomically; returns the problem instead of throwing, so the reader carries on. */
export function saveReadState(directory: string, state: ReadState): StateProblem | null {
  const path = stateFilePath(directory);
  try {
    writeFileAtomicSync(path, `${JSON.stringify(state, null, 2)}\n`);
    return null;
  } catch (error) {
    return { path, message: `could not save the reading state: ${describe(error)}` };
  }
}

/** The state after opening an article (pure). */
export function markOpened(state: ReadState, key: string, now: Date): ReadState {
  const previous = state.articles[key];
  return {
    ...state,
    articles: { ...state.articles, [key]: { openedAt: now.toISOString(), paragraph: previous?.paragraph ?? 0 } },
  };
}

/** The state after leaving an article at a paragraph (pure). */
export function recordPosition(state: ReadState, key: string, paragraph: number): ReadState {
  const previous = state.articles[key];
  if (previous && previous.paragraph === paragraph) return state;
  return {
    ...state,
    articles: {
      ...state.articles,
      [key]: { openedAt: previous?.openedAt ?? new Date(0).toISOString(), paragraph },
    },
  };
}
