/**
 * Printed comparison output kept between runs under $XDG_CACHE_HOME/newsdesk, so `compare` over a
 * library where no article changed prints at once without loading the NLP. An optimisation only: a
 * missing, corrupt or unwritable entry costs time, never an error.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../library/types.js';
import { LIBRARY_BUILD } from '../library/cache.js';
import { removeDeadTemporaries, writeFileAtomicSync } from '../platform/atomic.js';
import { cacheDirectory } from '../platform/paths.js';
import { bytesNeedCleaningIn } from './terminal-safe.js';

declare const __NEWSDESK_ANALYSIS_BUILD__: string | undefined;
/** The build's fingerprint of the analysis and print code (set by scripts/build.mjs). */
const ANALYSIS_BUILD = typeof __NEWSDESK_ANALYSIS_BUILD__ === 'string' ? __NEWSDESK_ANALYSIS_BUILD__ : 'dev';

type ArticleFile = Pick<Article, 'path' | 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

/**
 * What a comparison's output depends on: every article's file (path, size, mtime), the topic, the
 * output variant, the analysis and print code (the build's fingerprint) and the loader.
 */
export function comparisonKey(articles: ArticleFile[], topic: string, variant: string): string {
  const hash = createHash('sha256');
  hash.update(`${variant}\0${ANALYSIS_BUILD}\0${LIBRARY_BUILD}\0${topic}\0`);
  // ctime and inode too: size and mtime alone are fooled by an edit followed by `touch -r`.
  const keys = articles.map((article) => `${article.path}\0${article.size}\0${article.mtimeMs}\0${article.ctimeMs ?? ''}\0${article.ino ?? ''}\n`);
  for (const path of keys.sort()) hash.update(path);
  return hash.digest('hex').slice(0, 32);
}

function outputPath(dir: string, key: string): string {
  return join(dir, `compare-${key}.out`);
}

function outputHeader(key: string, notes: number): Buffer {
  return Buffer.from(`newsdesk compare ${key} ${notes}\n`);
}

/** A cached run: what it printed on stdout, and the notes (problems with files) it wrote on stderr. */
export interface CachedRun {
  output: Buffer;
  notes: string;
}

/**
 * Printed comparison output (`compare --json` over 10,000 articles prints ~100 MB) stored by an
 * earlier run for these files, topic and output `variant` (json or text, width, colour: each prints
 * differently), as raw bytes for process.stdout.write, with the notes that run wrote on stderr;
 * undefined when there is none. Checked before the analysis is even imported, so a hit never loads
 * the NLP. The notes come back from disk: the caller cleans them before they reach a terminal.
 */
export function cachedRun(articles: ArticleFile[], topic: string, variant: string, dir: string = cacheDirectory()): CachedRun | undefined {
  const key = comparisonKey(articles, topic, variant);
  try {
    const bytes = readFileSync(outputPath(dir, key));
    const prefix = `newsdesk compare ${key} `;
    const end = bytes.indexOf(0x0a);
    if (end < 0 || bytes.toString('latin1', 0, prefix.length) !== prefix) return undefined;
    const notes = Number(bytes.toString('latin1', prefix.length, end));
    if (!Number.isSafeInteger(notes) || notes < 0 || end + 1 + notes > bytes.length) return undefined;
    return { notes: bytes.toString('utf8', end + 1, end + 1 + notes), output: bytes.subarray(end + 1 + notes) };
  } catch {
    return undefined;
  }
}

/**
 * A cached run left on disk, for printing a piece at a time: its notes, and where its output lies
 * in the open file `fd` (the caller closes it). Reading 100 MB into one fresh buffer costs far more
 * than the same bytes read through one reused buffer.
 */
export interface CachedRunFile {
  notes: string;
  fd: number;
  offset: number;
  length: number;
}

/** The entry cachedRun would read, opened and checked the same way but not read; undefined when there is none. */
export function openCachedRun(articles: ArticleFile[], topic: string, variant: string, dir: string = cacheDirectory()): CachedRunFile | undefined {
  const key = comparisonKey(articles, topic, variant);
  let fd: number | undefined;
  try {
    fd = openSync(outputPath(dir, key), 'r');
    const size = fstatSync(fd).size;
    const prefix = `newsdesk compare ${key} `;
    const head = Buffer.alloc(Math.min(size, prefix.length + 24));
    const got = readSync(fd, head, 0, head.length, 0);
    const end = head.subarray(0, got).indexOf(0x0a);
    if (end < 0 || head.toString('latin1', 0, prefix.length) !== prefix) throw new Error('not an entry');
    const notes = Number(head.toString('latin1', prefix.length, end));
    if (!Number.isSafeInteger(notes) || notes < 0 || end + 1 + notes > size) throw new Error('not an entry');
    const noteBytes = Buffer.alloc(notes);
    if (readSync(fd, noteBytes, 0, notes, end + 1) !== notes) throw new Error('short read');
    return { notes: noteBytes.toString('utf8'), fd, offset: end + 1 + notes, length: size - (end + 1 + notes) };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/** Bytes read at a time from a cached run; a few such buffers are reused while stdout drains. */
const PIECE = 1 << 20;

/** Reads [offset, offset + length) of `fd` into `buffer` and a little beyond (a sequence across the end); returns the bytes that belong to the piece and all read. */
function readPiece(fd: number, buffer: Buffer, position: number, end: number): { piece: number; read: number } {
  const want = Math.min(buffer.length, end - position);
  let read = 0;
  while (read < want) {
    const got = readSync(fd, buffer, read, want - read, position + read);
    if (got <= 0) break;
    read += got;
  }
  return { piece: Math.min(read, buffer.length - 2), read };
}

/**
 * Whether the cached output holds anything terminalSafe would remove (bytesNeedCleaning over the
 * whole output, read a piece at a time).
 */
export function cachedOutputNeedsCleaning(file: CachedRunFile): boolean {
  const buffer = Buffer.allocUnsafeSlow(PIECE + 2);
  const end = file.offset + file.length;
  for (let position = file.offset; position < end; ) {
    const { piece, read } = readPiece(file.fd, buffer, position, end);
    if (read === 0) return true;
    if (bytesNeedCleaningIn(buffer, 0, piece, read)) return true;
    position += piece;
  }
  return false;
}

/**
 * Writes cached output that cachedOutputNeedsCleaning found clean to `out` as it is, a piece at a
 * time through a few reused buffers. Each piece is checked again as it goes (the file could change
 * between the two reads): a piece that is no longer clean stops the output with an error.
 */
export async function writeCachedOutput(file: CachedRunFile, out: { write(chunk: Uint8Array, done: (error?: Error | null) => void): boolean }): Promise<void> {
  const free = [0, 1, 2, 3].map(() => Buffer.allocUnsafeSlow(PIECE + 2));
  let wake: (() => void) | undefined;
  let failure: Error | null | undefined;
  const end = file.offset + file.length;
  for (let position = file.offset; position < end; ) {
    while (free.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
    const buffer = free.pop()!;
    const { piece, read } = readPiece(file.fd, buffer, position, end);
    if (read === 0 || bytesNeedCleaningIn(buffer, 0, piece, read)) throw new Error('the cached output changed while it was printed');
    position += piece;
    out.write(buffer.subarray(0, piece), (error) => {
      if (error) failure = error;
      free.push(buffer);
      wake?.();
      wake = undefined;
    });
  }
  while (free.length < 4 && !failure) await new Promise<void>((resolve) => (wake = resolve));
  if (failure) throw failure;
}

/** The stored output alone (see cachedRun). */
export function comparisonOutputFromCache(articles: ArticleFile[], topic: string, variant: string, dir: string = cacheDirectory()): Buffer | undefined {
  return cachedRun(articles, topic, variant, dir)?.output;
}

/**
 * Stores printed comparison output (a string, or the bytes already written) and the run's `notes`
 * for cachedRun; a cache that can't be written is skipped.
 */
export function storeComparisonOutput(
  articles: ArticleFile[],
  topic: string,
  variant: string,
  output: string | Uint8Array | readonly Uint8Array[],
  dir: string = cacheDirectory(),
  notes = '',
): void {
  const key = comparisonKey(articles, topic, variant);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const noteBytes = Buffer.from(notes);
    const body = typeof output === 'string' ? [Buffer.from(output)] : output instanceof Uint8Array ? [output] : output;
    writeFileAtomicSync(outputPath(dir, key), [outputHeader(key, noteBytes.length), noteBytes, ...body], { durable: false });
    pruneComparisons(dir);
    removeDeadTemporaries(dir);
  } catch {
    // Only costs time next run.
  }
}

/** Comparisons of a large library are tens of MB: keep only the most recently written few. */
const KEPT_COMPARISONS = 8;

function pruneComparisons(dir: string): void {
  const files = readdirSync(dir)
    .filter((name) => /^compare-[0-9a-f]+\.(?:json|out)$/.test(name))
    .map((name) => ({ path: join(dir, name), mtimeMs: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const file of files.slice(KEPT_COMPARISONS)) {
    try {
      unlinkSync(file.path);
    } catch {
      // another newsdesk removed it first
    }
  }
}
