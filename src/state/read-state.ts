import { renameSync } from 'node:fs';
import { removeStaleTemporaries, writeFileAtomicSync } from '../platform/atomic.js';
import { withLockSync } from '../platform/lock.js';
import { stateFilePath } from '../platform/paths.js';
import { NotRegularFileError, readRegularFile } from '../platform/regular-file.js';
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

/** A state file larger than this is not one we wrote (a link to /dev/zero, a log file): not read. */
export const MAX_STATE_BYTES = 16 * 1024 * 1024;

type DiskRead = { kind: 'missing' } | { kind: 'text'; text: string } | { kind: 'unusable' | 'special'; message: string };

/** The state file's text, without blocking on a FIFO or reading a device or a huge file. */
function readStateFile(path: string): DiskRead {
  try {
    return { kind: 'text', text: readRegularFile(path, MAX_STATE_BYTES).bytes.toString('utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    if (error instanceof NotRegularFileError) return { kind: 'special', message: `the reading state is ${error.message.replace(/^not a regular file: /, '')}, not a file we wrote; it is left alone and not saved` };
    return { kind: 'unusable', message: `could not read the reading state: ${describe(error)}` };
  }
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
  const disk = readStateFile(path);
  if (disk.kind === 'missing') return { state: emptyReadState(), problem: null };
  if (disk.kind !== 'text') return { state: emptyReadState(), problem: { path, message: disk.message } };
  const state = parseReadState(disk.text);
  if (state) return { state, problem: null };
  const aside = corruptFileName(path, now);
  try {
    renameSync(path, aside);
    return { state: emptyReadState(), problem: { path, message: `the reading state was corrupt; set aside as ${aside}` } };
  } catch (error) {
    return { state: emptyReadState(), problem: { path, message: `the reading state is corrupt and could not be set aside: ${describe(error)}` } };
  }
}

function sameEntry(a: ArticleReadState | undefined, b: ArticleReadState | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.openedAt === b.openedAt && a.paragraph === b.paragraph);
}

/**
 * Three-way merge, per article: what is on disk, plus every article this reader changed since `base`
 * (the state it last loaded or saved). Another reader's marks and positions for articles this one did
 * not touch survive; for an article both touched, the last to save wins (pure).
 */
export function mergeReadState(disk: ReadState, base: ReadState, mine: ReadState): ReadState {
  const articles = { ...disk.articles };
  for (const [key, entry] of Object.entries(mine.articles)) {
    if (!sameEntry(entry, base.articles[key])) articles[key] = entry;
  }
  return { version: 1, articles };
}

/**
 * Saves the read state: reads what is on disk now, merges this reader's changes since `base` into it
 * (so two readers at once never lose each other's changes), and writes the result atomically. Returns
 * what was written (the next save's base) or the problem, instead of throwing, so the reader carries on.
 * Without a base every entry counts as changed.
 */
export function saveReadState(directory: string, state: ReadState, base: ReadState = emptyReadState()): StateProblem | null {
  return saveReadStateMerged(directory, state, base).problem;
}

export function saveReadStateMerged(directory: string, state: ReadState, base: ReadState): { problem: StateProblem | null; saved: ReadState | null } {
  const path = stateFilePath(directory);
  try {
    // Read, merge and write under the lock: two readers saving at the same moment would otherwise both
    // merge with the same disk state, and the second rename would drop the first one's change.
    return withLockSync(path, () => mergeIntoDisk(path, state, base));
  } catch (error) {
    return { problem: { path, message: `could not save the reading state: ${describe(error)}` }, saved: null };
  }
}

function mergeIntoDisk(path: string, state: ReadState, base: ReadState): { problem: StateProblem | null; saved: ReadState | null } {
  const disk = readStateFile(path);
  // Never replace what someone put there that is not a state file; an unreadable one, the write reports.
  if (disk.kind === 'special') return { problem: { path, message: disk.message }, saved: null };
  // A corrupt file on disk was set aside at load (or appeared since): it holds nothing to merge.
  const onDisk = disk.kind === 'text' ? (parseReadState(disk.text) ?? emptyReadState()) : emptyReadState();
  const merged = mergeReadState(onDisk, base, state);
  writeFileAtomicSync(path, `${JSON.stringify(merged, null, 2)}\n`);
  return { problem: null, saved: merged };
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
