import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { keepYoungGenerationSmallAfter } from '../platform/young-generation.js';
import { builtWorkerScript } from '../platform/worker-script.js';
import { CACHE_BY_DEFAULT, chooseCacheDir, fileKey, LibraryCache } from './cache.js';
import { findArticleFiles } from './walk.js';

/**
 * Whether the files below the folders are still what their cache indexes say, so that loading them
 * (loadArticles) would give exactly the library loadArticlesFromCache gave without looking at them:
 * every file found is in its folder's index with the same size, times and inode, no indexed file is
 * gone, and the walk met no problem (a problem is something only the full load reports). False when
 * caching is off or a folder is missing: then the library must be loaded.
 */
export function filesMatchCache(dirs: string[], options: { cacheDir?: string | false } = {}): boolean {
  const cacheDir = chooseCacheDir(options);
  if (cacheDir === false) return false;
  let found;
  try {
    found = findArticleFiles(dirs);
  } catch {
    return false;
  }
  const { state, roots, folders } = found;
  if (state.problems.length > 0 || state.truncated) return false;
  const caches = new Map([...folders].map((root) => [root, LibraryCache.open(root, cacheDir)]));
  for (const file of state.files) {
    // A name that is not UTF-8 is never cached (the index keys paths as text).
    if (typeof file !== 'string') return false;
    const cache = caches.get(roots.get(file) ?? '');
    const key = fileKey(file);
    if (!cache || !key || !cache.lookup(file, key)) return false;
  }
  return [...caches.values()].every((cache) => cache.everyEntryMatched);
}

interface CheckJob {
  kind: 'newsdesk-cache-check';
  dirs: string[];
  cacheDir: string | false;
}

/**
 * filesMatchCache on a worker thread (this module, built as dist/cache-check-worker.js): 10,000 files
 * are stat'ed on the other core while this thread answers keys. Never rejects: anything that goes
 * wrong is "does not match", which costs only a load. Without the built worker (running from the
 * sources) the check runs here, after the current turn.
 */
export function checkFilesMatchCache(dirs: string[], options: { cacheDir?: string | false } = {}): Promise<boolean> {
  const cacheDir = chooseCacheDir(options);
  const onThisThread = (): Promise<boolean> => new Promise((resolve) => setImmediate(() => resolve(safely(() => filesMatchCache(dirs, { cacheDir })))));
  const script = CACHE_BY_DEFAULT ? builtWorkerScript('cache-check-worker.js') : undefined;
  if (cacheDir === false || !script) return onThisThread();
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const job: CheckJob = { kind: 'newsdesk-cache-check', dirs, cacheDir };
      worker = new Worker(script, { workerData: job });
      keepYoungGenerationSmallAfter(worker);
    } catch {
      resolve(false);
      return;
    }
    // Quitting before the answer must not wait for it.
    worker.unref();
    worker.once('message', (matches: unknown) => resolve(matches === true));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

// Started as dist/cache-check-worker.js by checkFilesMatchCache; vitest's and other workers carry no such job.
const job = isMainThread ? undefined : (workerData as Partial<CheckJob> | null);
if (job?.kind === 'newsdesk-cache-check' && parentPort) parentPort.postMessage(safely(() => filesMatchCache(job.dirs ?? [], { cacheDir: job.cacheDir ?? false })));
