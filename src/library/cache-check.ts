import { resolve } from 'node:path';
import { fileKey, LibraryCache } from './cache.js';
import { findArticleFiles } from './walk.js';

/** Files stat'ed between two turns of the event loop: a few milliseconds, so keys are answered meanwhile. */
const FILES_PER_STEP = 256;

/**
 * Whether the files below the folders are still what their cache indexes say, so that loading them
 * (loadArticles) would give exactly the library loadArticlesFromCache gave without looking at them:
 * every file found is in its folder's index with the same size, times and inode, no indexed file is
 * gone, and the walk met no problem (a problem is something only the full load reports). Yields after
 * every FILES_PER_STEP files; the answer is the generator's return value.
 */
function* matchSteps(dirs: string[], caches: ReadonlyMap<string, LibraryCache>): Generator<void, boolean> {
  let found;
  try {
    found = findArticleFiles(dirs);
  } catch {
    return false;
  }
  const { state, roots } = found;
  if (state.problems.length > 0 || state.truncated) return false;
  for (let k = 0; k < state.files.length; k++) {
    if (k % FILES_PER_STEP === FILES_PER_STEP - 1) yield;
    const file = state.files[k];
    // A name that is not UTF-8 is never cached (the index keys paths as text).
    if (typeof file !== 'string') return false;
    const cache = caches.get(roots.get(file) ?? '');
    const key = fileKey(file);
    if (!cache || !key || !cache.lookup(file, key)) return false;
  }
  return [...caches.values()].every((cache) => cache.everyEntryMatched);
}

/** The cache of each folder, opened as loadArticlesFromCache opens them (one per distinct folder). */
export function openFolderCaches(dirs: string[], cacheDir: string): Map<string, LibraryCache> {
  const caches = new Map<string, LibraryCache>();
  for (const dir of dirs) {
    const root = resolve(dir);
    if (!caches.has(root)) caches.set(root, LibraryCache.open(root, cacheDir));
  }
  return caches;
}

/**
 * matchSteps on this thread a few milliseconds at a time, against caches already opened (those the
 * reader's library came from: their index is not read again). A warm start of 10,000 files is checked
 * in about 0.2 s of this thread's time between keys, with nothing more in memory than the walk's list of
 * paths (a worker thread doing it cost 25 MB of peak memory). Each cache must be fresh: no lookups yet.
 */
export async function filesMatchOpenedCaches(dirs: string[], caches: ReadonlyMap<string, LibraryCache>): Promise<boolean> {
  const steps = matchSteps(dirs, caches);
  for (;;) {
    let step;
    try {
      step = steps.next();
    } catch {
      return false;
    }
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
