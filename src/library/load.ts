import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isUtf8 } from 'node:buffer';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { CACHE_BY_DEFAULT, cacheDirectory, LibraryCache, type ArticleText } from './cache.js';
import { ARTICLE_EXTENSIONS, MAX_ARTICLE_BYTES, MAX_DIRECTORY_DEPTH, MAX_FILES_SCANNED } from './limits.js';
import { ArticleError, normalizeNewlines, parseMarkdownArticle, parsePlainArticle, type ParsedArticle } from './parse.js';
import { decodeUtf8, sanitizeLine } from './sanitize.js';
import { assignIds, type IdSource } from './ids.js';
import type { Article, LoadProblem, LoadResult } from './types.js';

/** A --dir that is missing or not a folder: the CLI turns it into exit code 2. */
export class DirectoryError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found (removed while loading?)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'symbolic link loop';
    default:
      return error instanceof Error ? sanitizeLine(error.message) : String(error);
  }
}

function isArticleFile(name: string): boolean {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

interface Walk {
  files: string[];
  problems: LoadProblem[];
  visited: Set<string>;
  truncated: boolean;
}

/** Collects article files below a folder, following links once, hidden entries skipped, bounded. */
function walk(dir: string, depth: number, state: Walk): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    state.problems.push({ path: dir, reason: describeError(error) });
    return;
  }
  if (state.visited.has(real)) return; // a link back up the tree
  state.visited.add(real);
  if (depth > MAX_DIRECTORY_DEPTH) {
    state.problems.push({ path: dir, reason: `folder nested deeper than ${MAX_DIRECTORY_DEPTH} levels; not scanned` });
    return;
  }
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    state.problems.push({ path: dir, reason: describeError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (state.truncated) return;
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        if (isArticleFile(entry.name)) state.problems.push({ path, reason: describeError(error) });
        continue;
      }
    }
    if (isDirectory) {
      walk(path, depth + 1, state);
    } else if (isFile && isArticleFile(entry.name)) {
      if (state.files.length >= MAX_FILES_SCANNED) {
        state.truncated = true;
        state.problems.push({
          path: dir,
          reason: `more than ${MAX_FILES_SCANNED.toLocaleString('en-US')} article files; the rest were not scanned`,
        });
        return;
      }
      state.files.push(path);
    }
  }
}

/** Files up to this size are read into one reused buffer: 10,000 fresh buffers are garbage to collect. */
const SCRATCH_BYTES = 256 * 1024;
let scratch: Buffer | undefined;

/**
 * Reads a file's bytes, refusing files over the size cap before reading them. The bytes may live in
 * a buffer the next call reuses: decode them before reading another file.
 */
function readArticleBytes(path: string): { bytes: Buffer; size: number; mtimeMs: number } {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ArticleError('not a regular file');
    if (stat.size > MAX_ARTICLE_BYTES) {
      throw new ArticleError(
        `file is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit for an article`,
      );
    }
    const bytes = stat.size <= SCRATCH_BYTES ? (scratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES)) : Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, bytes, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), size: stat.size, mtimeMs: stat.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/** Parses one file's bytes; throws ArticleError with a reason a person can act on. */
export function parseArticleBytes(bytes: Uint8Array, path: string): { article: ParsedArticle; warnings: string[] } {
  if (bytes.length === 0) throw new ArticleError('empty file');
  if (bytes.includes(0)) throw new ArticleError('binary file (contains NUL bytes), not text');
  const text = normalizeNewlines(decodeUtf8(bytes));
  // Shown anyway (a Latin-1 file is mostly readable), but the reader is told why some letters are �.
  const encoding = isUtf8(bytes) ? [] : ['not valid UTF-8: bytes that are not UTF-8 are shown as \ufffd'];
  const name = sanitizeLine(basename(path, extname(path)));
  if (extname(path).toLowerCase() === '.txt') return { article: parsePlainArticle(text), warnings: encoding };
  const { article, warnings } = parseMarkdownArticle(text, name);
  return { article, warnings: [...encoding, ...warnings] };
}

/** Loads one file as an article, or says why it can't be one. */
export function loadArticleFile(path: string, id: string): { article?: Article; problems: LoadProblem[] } {
  try {
    const { bytes, size, mtimeMs } = readArticleBytes(path);
    const { article, warnings } = parseArticleBytes(bytes, path);
    return {
      article: { ...article, id, path, size, mtimeMs },
      problems: warnings.map((reason) => ({ path, reason })),
    };
  } catch (error) {
    return { problems: [{ path, reason: describeError(error) }] };
  }
}

/** Newest first; undated after dated; then by title. */
export function compareArticles(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title);
}

export interface LoadOptions {
  /**
   * Where parsed articles are cached between runs; false reads and parses every file. By default the
   * built program uses $XDG_CACHE_HOME/newsdesk and runs from the sources don't cache;
   * NEWSDESK_NO_CACHE=1 in the environment turns the default off.
   */
  cacheDir?: string | false;
}

function chooseCacheDir(options: LoadOptions): string | false {
  if (options.cacheDir !== undefined) return options.cacheDir;
  return process.env.NEWSDESK_NO_CACHE === '1' || !CACHE_BY_DEFAULT ? false : cacheDirectory();
}

/** Size and mtime of a file, or undefined when it can't be stat'ed (the read reports why). */
function fileKey(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    const stat = statSync(path);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  }
}

function textOf(path: string, id: string): ArticleText | undefined {
  const { article } = loadArticleFile(path, id);
  return article ? { body: article.body, paragraphs: article.paragraphs } : undefined;
}

type ParsedFile = ReturnType<typeof loadArticleFile>;

/** Below this many files to parse, starting a worker costs more than it saves. */
const PARALLEL_MIN_FILES = 300;
/** A worker that has sent nothing for this long is given up on, and its files parsed here. */
const WORKER_SILENCE_MS = 30_000;

interface ParseJob {
  kind: 'newsdesk-parse';
  files: string[];
  /** [0]: the next file to take (both threads take from it); [1]: results the worker has posted. */
  counters: SharedArrayBuffer;
  port: MessagePort;
}

/** The worker entry scripts/build.mjs writes beside the bundle; none when running from the sources. */
function workerScript(): string | undefined {
  if (!CACHE_BY_DEFAULT) return undefined;
  for (const candidate of ['./parse-worker.js', '../parse-worker.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/**
 * Reads and parses files, on this thread and, for many files, on a worker thread at the same time
 * (a cold library of 10,000 articles is seconds of parsing). The API stays synchronous: this thread
 * parses too and then blocks until the worker's last results are in. `done(k, result)` is called for
 * every file; results may come out of order.
 */
function parseFiles(files: string[], onResult: (index: number, result: ParsedFile) => void): void {
  const finished = new Uint8Array(files.length);
  let count = 0;
  const done = (index: number, result: ParsedFile): void => {
    if (finished[index]) return;
    finished[index] = 1;
    count++;
    onResult(index, result);
  };
  const script = files.length >= PARALLEL_MIN_FILES && availableParallelism() > 1 ? workerScript() : undefined;
  let worker: Worker | undefined;
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  if (script) {
    try {
      const job: ParseJob = { kind: 'newsdesk-parse', files, counters: counters.buffer as SharedArrayBuffer, port: port2 };
      worker = new Worker(script, { workerData: job, transferList: [port2] });
      worker.unref();
    } catch {
      worker = undefined;
    }
  }
  const drain = (): void => {
    for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) {
      const { index, result } = message.message as { index: number; result: ParsedFile };
      done(index, result);
    }
  };
  for (let index = Atomics.add(counters, 0, 1); index < files.length; index = Atomics.add(counters, 0, 1)) {
    done(index, loadArticleFile(files[index], ''));
    if (worker) drain();
  }
  if (worker) {
    // Wait for the files the worker took. It catches everything, but if it went silent anyway, the
    // files it never answered for are parsed here.
    let lastProgress = Date.now();
    while (count < files.length) {
      const posted = Atomics.load(counters, 1);
      drain();
      if (count >= files.length) break;
      if (Atomics.wait(counters, 1, posted, 100) !== 'timed-out') lastProgress = Date.now();
      else if (Date.now() - lastProgress > WORKER_SILENCE_MS) break;
    }
    void worker.terminate();
    for (let index = 0; index < files.length; index++) if (!finished[index]) done(index, loadArticleFile(files[index], ''));
  }
  port1.close();
}

/** The worker's side of parseFiles: take the next file, parse it, post the result, until none are left. */
function runParseWorker({ files, counters: buffer, port }: ParseJob): void {
  const counters = new Int32Array(buffer);
  for (let index = Atomics.add(counters, 0, 1); index < files.length; index = Atomics.add(counters, 0, 1)) {
    let result: ParsedFile;
    try {
      result = loadArticleFile(files[index], '');
    } catch (error) {
      result = { problems: [{ path: files[index], reason: describeError(error) }] };
    }
    port.postMessage({ index, result });
    Atomics.add(counters, 1, 1);
    Atomics.notify(counters, 1);
  }
  port.close();
}

/** Gives each article its id once all are loaded: ids depend on every path, not on the order found. */
function giveIds(articles: Article[], sources: IdSource[]): void {
  const ids = assignIds(sources);
  for (let i = 0; i < articles.length; i++) articles[i].id = ids[i];
}

/**
 * The library as the cache last saw it, without looking at any article file: for drawing a first
 * frame at once. Undefined when a folder has no cache (or caching is off). Files may have changed
 * since, so follow it with loadArticles and show that result when it differs.
 */
export function loadArticlesFromCache(dirs: string[], options: LoadOptions = {}): LoadResult | undefined {
  const cacheDir = chooseCacheDir(options);
  if (cacheDir === false) return undefined;
  const articles: Article[] = [];
  const problems: LoadProblem[] = [];
  const sources: IdSource[] = [];
  const seenRoots = new Set<string>();
  for (const dir of dirs) {
    const root = resolve(dir);
    if (seenRoots.has(root)) continue;
    seenRoots.add(root);
    const cache = LibraryCache.open(root, cacheDir);
    const entries = cache.cachedEntries();
    if (!entries) return undefined;
    for (const entry of entries) {
      const path = entry.path;
      sources.push({ name: entry.name, path });
      articles.push(cache.articleFrom(entry, entry.name, () => textOf(path, entry.name)));
      for (const reason of entry.warnings ?? []) problems.push({ path: entry.shownPath, reason });
    }
  }
  giveIds(articles, sources);
  articles.sort(compareArticles);
  return { articles, problems };
}

/**
 * Loads every article below the given folders. Files that can't be articles are reported with their
 * path and reason; the rest still load. A folder that does not exist throws DirectoryError.
 *
 * Articles whose file has the size and mtime recorded in the cache are not read again: their
 * metadata comes from the cache index and their body and paragraphs are read from the cache when
 * first used. The cache never changes what is loaded, only how fast.
 */
export function loadArticles(dirs: string[], options: LoadOptions = {}): LoadResult {
  const state: Walk = { files: [], problems: [], visited: new Set(), truncated: false };
  const roots = new Map<string, string>();
  const cacheDir = chooseCacheDir(options);
  const caches = new Map<string, LibraryCache>();
  for (const dir of dirs) {
    const root = resolve(dir);
    let stat;
    try {
      stat = statSync(root);
    } catch (error) {
      throw new DirectoryError(dir, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : describeError(error));
    }
    if (!stat.isDirectory()) throw new DirectoryError(dir, 'not a folder');
    const before = state.files.length;
    walk(root, 0, state);
    for (const file of state.files.slice(before)) roots.set(file, root);
    if (cacheDir !== false && !caches.has(root)) caches.set(root, LibraryCache.open(root, cacheDir));
  }
  const articles: Article[] = [];
  const problems = [...state.problems];
  const sources: IdSource[] = [];
  // Files whose size and mtime match the cache are taken from it; the rest are parsed, in parallel
  // when there are many. Either way they are added in the order found, which decides ids.
  const plan = state.files.map((path) => {
    const root = roots.get(path) ?? '';
    const cache = caches.get(root);
    const key = cache ? fileKey(path) : undefined;
    return { path, root, cache, entry: key ? cache?.lookup(path, key.size, key.mtimeMs) : undefined };
  });
  const parsed = new Array<ParsedFile | undefined>(plan.length);
  let added = 0;
  const addReady = (): void => {
    for (; added < plan.length; added++) {
      const { path, cache, entry } = plan[added];
      if (cache && entry) {
        sources.push({ name: entry.name, path });
        problems.push(...(entry.warnings ?? []).map((reason) => ({ path, reason })));
        articles.push(cache.articleFrom(entry, entry.name, () => textOf(path, entry.name)));
        continue;
      }
      const loaded = parsed[added];
      if (!loaded) return;
      parsed[added] = undefined;
      problems.push(...loaded.problems);
      if (!loaded.article) continue;
      const name = sanitizeLine(basename(path, extname(path)));
      const id = name;
      sources.push({ name, path });
      // File names are written by strangers too: what reaches a terminal is sanitised.
      const shownPath = sanitizeLine(path);
      const reasons = loaded.problems.map((problem) => problem.reason);
      // Stored text is dropped from memory and read back when used: 10,000 bodies stay on disk.
      const stored = cache?.store(path, loaded.article, name, shownPath, reasons);
      articles.push(stored ? cache!.articleFrom(stored, id, () => textOf(path, id)) : { ...loaded.article, id, path: shownPath });
    }
  };
  const misses = plan.flatMap((item, index) => (item.entry ? [] : [index]));
  parseFiles(
    misses.map((index) => plan[index].path),
    (k, result) => {
      parsed[misses[k]] = result;
      addReady();
    },
  );
  addReady();
  for (const cache of caches.values()) cache.save();
  giveIds(articles, sources);
  articles.sort(compareArticles);
  return { articles, problems: problems.map((problem) => ({ path: sanitizeLine(problem.path), reason: problem.reason })) };
}

// Started as dist/parse-worker.js by parseFiles, this module is the worker: vitest's and other
// workers carry no such job, so nothing happens for them.
if (!isMainThread && (workerData as Partial<ParseJob> | null)?.kind === 'newsdesk-parse') runParseWorker(workerData as ParseJob);
