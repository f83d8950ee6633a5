/**
 * The library's on-disk cache under $XDG_CACHE_HOME/newsdesk (default ~/.cache/newsdesk), so a library
 * of thousands of articles opens without parsing every file again. It is an optimisation: a missing,
 * corrupt, stale or unwritable cache is ignored (and rebuilt when possible), never an error the user sees.
 *
 * The library cache is two kinds of files per --dir folder:
 * - an index (JSON): every article's metadata, keyed by absolute path and checked against the file's
 *   size and mtime; small enough to read at every start;
 * - body segments: each article's body and paragraphs as JSON, read only when an article's text is
 *   first needed (opening it, searching bodies, analysis). Segments are immutable; new or changed
 *   articles go to a new segment, and the live ones are copied into one when most bytes are dead.
 * Files are written to a temporary name and renamed, so a reader sees the old cache or the new one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { removeDeadTemporaries, writeFileAtomicSync } from '../platform/atomic.js';
import { cacheDirectory } from '../platform/paths.js';
import { sanitizeLine, sanitizeText } from './sanitize.js';
import type { Article, ArticleText } from './types.js';

/** Bump when what the loader stores in an article changes, so old caches are not trusted. */
export const LIBRARY_CACHE_VERSION = 3;

declare const __NEWSDESK_BUILD__: string | undefined;
/** The build's fingerprint of the library code (set by scripts/build.mjs); unbundled runs use 'dev'. */
export const LIBRARY_BUILD = typeof __NEWSDESK_BUILD__ === 'string' ? __NEWSDESK_BUILD__ : 'dev';

/**
 * Only the built program caches by default: run from the sources (tests, development) the parser may
 * have changed since the cache was written, and nothing would tell.
 */
export const CACHE_BY_DEFAULT = LIBRARY_BUILD !== 'dev';

/** What the index keeps of an article: everything except where it is and its text. */
export type ArticleMeta = Omit<Article, 'id' | 'path' | 'body' | 'paragraphs' | 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

/**
 * What says a file is unchanged: size, mtime, change time and inode. Size and mtime alone are fooled
 * by an edit followed by `touch -r`; the change time cannot be set back, and a file replaced by
 * rename has another inode.
 */
export interface FileKey {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** What the cache checks a file by, or undefined when it can't be stat'ed (the read reports why). */
export function fileKey(path: string): FileKey | undefined {
  try {
    const stat = statSync(path);
    return { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
  } catch {
    return undefined;
  }
}


/** One article file in the index. */
export interface IndexEntry {
  /** Absolute path as found; the key, with size and mtime. */
  path: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** Its id before duplicates are told apart, and its path made safe to print: both cost time to derive. */
  name: string;
  shownPath: string;
  meta: ArticleMeta;
  /** Where its text is: segment (index into the segment list), byte offset, body (UTF-8) and paragraphs (JSON) lengths. */
  segment: number;
  offset: number;
  bodyBytes: number;
  paragraphsBytes: number;
  /** A hash of the body's and the paragraphs' bytes: a segment changed or cut on disk is detected and parsed again. */
  bodyHash: string;
  paragraphsHash: string;
  /** Problems the file had (fields ignored), reported again on every load. */
  warnings?: string[];
}

interface IndexFile {
  version: number;
  build: string;
  root: string;
  segments: string[];
  entries: IndexEntry[];
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isIndexFile(value: unknown, root: string): value is IndexFile {
  const index = value as IndexFile | undefined;
  return (
    typeof index === 'object' &&
    index !== null &&
    index.version === LIBRARY_CACHE_VERSION &&
    index.build === LIBRARY_BUILD &&
    index.root === root &&
    Array.isArray(index.segments) &&
    index.segments.every((name) => typeof name === 'string' && /^bodies-[\w.-]+$/.test(name)) &&
    Array.isArray(index.entries)
  );
}

function isEntry(entry: IndexEntry | undefined, segments: number): entry is IndexEntry {
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.path === 'string' &&
    typeof entry.name === 'string' &&
    typeof entry.shownPath === 'string' &&
    typeof entry.meta === 'object' &&
    entry.meta !== null &&
    Number.isInteger(entry.segment) &&
    entry.segment >= 0 &&
    entry.segment < segments &&
    Number.isInteger(entry.offset) &&
    Number.isInteger(entry.bodyBytes) &&
    Number.isInteger(entry.paragraphsBytes) &&
    typeof entry.ctimeMs === 'number' &&
    typeof entry.ino === 'number' &&
    typeof entry.bodyHash === 'string' &&
    typeof entry.paragraphsHash === 'string' &&
    (entry.warnings === undefined || Array.isArray(entry.warnings))
  );
}

/** How much of a segment being written is held before it is written out. */
const SEGMENT_BUFFER_BYTES = 1024 * 1024;

// Segments stay open once read: searching every body reads thousands of slices of one file.
const openSegments = new Map<string, number>();

function readSlice(path: string, offset: number, length: number): Buffer | undefined {
  try {
    let fd = openSegments.get(path);
    if (fd === undefined) {
      fd = openSync(path, 'r');
      openSegments.set(path, fd);
    }
    const bytes = Buffer.allocUnsafe(length);
    return readSync(fd, bytes, 0, length, offset) === length ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function closeSegment(path: string): void {
  const fd = openSegments.get(path);
  if (fd === undefined) return;
  openSegments.delete(path);
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

function sliceHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url').slice(0, 16);
}

/** The slice when it still has the hash it was stored with; undefined for a changed or cut segment. */
function readVerifiedSlice(path: string, offset: number, length: number, hash: string): Buffer | undefined {
  const bytes = readSlice(path, offset, length);
  return bytes && sliceHash(bytes) === hash ? bytes : undefined;
}

function parseParagraphs(bytes: Buffer | undefined): string[] | undefined {
  try {
    const value = bytes && (JSON.parse(bytes.toString('utf8')) as unknown);
    // Cleaned again on the way out: the cache is a file anyone could have written.
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value.map(sanitizeText) : undefined;
  } catch {
    return undefined;
  }
}

/** Where the index of a folder's (absolute path) cached articles is kept. */
export function libraryIndexPath(root: string, dir: string): string {
  return join(dir, `library-${hashText(root)}.json`);
}

/** The cached articles of one --dir folder. */
export class LibraryCache {
  private readonly indexPath: string;
  private readonly previous = new Map<string, IndexEntry>();
  private readonly previousSegments: string[] = [];
  private readonly next: IndexEntry[] = [];
  private changed = false;
  private hasIndex = false;
  private hits = 0;
  private segmentFd: number | undefined;
  private segmentName: string | undefined;
  private segmentTemp: string | undefined;
  private segmentBytes = 0;
  /** Segment bytes not written out yet (append), and how many are on disk before them. */
  private pending = Buffer.allocUnsafe(0);
  private pendingBytes = 0;
  private flushedBytes = 0;
  private writable = true;

  private constructor(
    readonly dir: string,
    readonly root: string,
  ) {
    this.indexPath = libraryIndexPath(root, dir);
    const index = readJson(this.indexPath);
    if (isIndexFile(index, root)) {
      this.hasIndex = true;
      this.previousSegments = index.segments;
      for (const entry of index.entries) {
        if (isEntry(entry, index.segments.length)) this.previous.set(entry.path, entry);
        else this.changed = true;
      }
    } else if (index !== undefined) {
      this.changed = true;
    }
  }

  /** Opens the cache for a folder (absolute path); never throws. */
  static open(root: string, dir: string = cacheDirectory()): LibraryCache {
    return new LibraryCache(dir, root);
  }

  /**
   * Every entry of the index, in the order the files were found, for drawing the reader's first frame
   * before any file is looked at; undefined when there is no index or part of it was unusable.
   */
  cachedEntries(): IndexEntry[] | undefined {
    return this.hasIndex && !this.changed ? [...this.previous.values()] : undefined;
  }

  /**
   * Whether every entry of the index has been looked up and matched, and the index was whole: the files
   * are as they were when it was written (none is gone, none changed).
   */
  get everyEntryMatched(): boolean {
    return this.hasIndex && !this.changed && this.hits === this.previous.size;
  }

  /** The cached entry for a file when its size, mtime, change time and inode still match; undefined otherwise. */
  lookup(path: string, key: FileKey): IndexEntry | undefined {
    const entry = this.previous.get(path);
    if (!entry || entry.size !== key.size || entry.mtimeMs !== key.mtimeMs || entry.ctimeMs !== key.ctimeMs || entry.ino !== key.ino) return undefined;
    this.hits++;
    this.next.push(entry);
    return entry;
  }

  /**
   * An article from a cache entry. Its body and paragraphs are read from the segment each time they
   * are asked for and not kept (10,000 bodies would be 100 MB in memory; a read from the page cache
   * takes microseconds); only text parsed again because the segment failed is kept.
   */
  articleFrom(entry: IndexEntry, id: string, reparse: () => ArticleText | undefined): Article {
    const segmentPath = this.segmentPath(entry);
    const { meta } = entry;
    let parsed: ArticleText | undefined;
    let body: string | undefined;
    let paragraphs: string[] | undefined;
    const fallback = () => (parsed ??= reparse() ?? { body: '', paragraphs: [] });
    // Everything read back from the index or a segment is cleaned again: a cache file could have been
    // written by anyone, and what it holds goes to the screen.
    const line = (value: unknown): string | null => (typeof value === 'string' ? sanitizeLine(value) : null);
    return {
      id,
      path: sanitizeLine(entry.shownPath),
      format: meta.format === 'txt' ? 'txt' : 'md',
      title: line(meta.title) ?? '',
      date: line(meta.date),
      source: line(meta.source),
      url: line(meta.url),
      tags: Array.isArray(meta.tags) ? meta.tags.map((tag) => sanitizeLine(String(tag))) : [],
      get body(): string {
        if (body !== undefined) return body;
        const bytes = readVerifiedSlice(segmentPath, entry.offset, entry.bodyBytes, entry.bodyHash);
        return bytes ? sanitizeText(bytes.toString('utf8')) : fallback().body;
      },
      set body(value: string) {
        body = value;
      },
      get paragraphs(): string[] {
        return (
          paragraphs ??
          parseParagraphs(readVerifiedSlice(segmentPath, entry.offset + entry.bodyBytes, entry.paragraphsBytes, entry.paragraphsHash)) ??
          fallback().paragraphs
        );
      },
      set paragraphs(value: string[]) {
        paragraphs = value;
      },
      credits: Array.isArray(meta.credits) ? meta.credits.map((credit) => sanitizeLine(String(credit))) : [],
      related: Array.isArray(meta.related)
        ? meta.related.map((link) => ({ text: sanitizeLine(String(link?.text ?? '')), url: typeof link?.url === 'string' ? sanitizeLine(link.url) : null }))
        : [],
      words: meta.words,
      size: entry.size,
      mtimeMs: entry.mtimeMs,
      ctimeMs: entry.ctimeMs,
      ino: entry.ino,
    };
  }

  private segmentPaths = new Map<number, string>();

  private segmentPath(entry: IndexEntry): string {
    let path = this.segmentPaths.get(entry.segment);
    if (path === undefined) {
      path = join(this.dir, entry.segment === -1 ? this.segmentName! : this.previousSegments[entry.segment]);
      this.segmentPaths.set(entry.segment, path);
    }
    return path;
  }

  /**
   * Records a freshly parsed article: its text goes to this run's segment file. Returns the entry, or
   * undefined when the cache can't be written (the caller keeps the text in memory then).
   */
  store(path: string, article: Article, key: FileKey, name: string, shownPath: string, warnings: string[]): IndexEntry | undefined {
    this.changed = true;
    if (!this.writable) return undefined;
    try {
      if (this.segmentFd === undefined) {
        mkdirSync(this.dir, { recursive: true, mode: 0o700 });
        this.segmentName = `bodies-${hashText(this.root)}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.bin`;
        this.segmentTemp = join(this.dir, `${this.segmentName}.${process.pid}.tmp`);
        this.segmentFd = openSync(this.segmentTemp, 'w', 0o600);
        this.pending = Buffer.allocUnsafe(SEGMENT_BUFFER_BYTES);
      }
      const [body, paragraphs] = this.append(article.body, JSON.stringify(article.paragraphs));
      const { id: _id, path: _path, body: _body, paragraphs: _paragraphs, size: _size, mtimeMs: _mtimeMs, ctimeMs: _ctimeMs, ino: _ino, ...meta } = article;
      // The key from before the file was read: if it changed while being read, the next run sees
      // another key and parses it again.
      const entry: IndexEntry = {
        path,
        size: key.size,
        mtimeMs: key.mtimeMs,
        ctimeMs: key.ctimeMs,
        ino: key.ino,
        name,
        shownPath,
        meta,
        segment: -1, // this run's segment; numbered when the index is written
        offset: this.segmentBytes,
        bodyBytes: body.length,
        paragraphsBytes: paragraphs.length,
        bodyHash: sliceHash(body),
        paragraphsHash: sliceHash(paragraphs),
        ...(warnings.length ? { warnings } : {}),
      };
      this.next.push(entry);
      this.segmentBytes += body.length + paragraphs.length;
      return entry;
    } catch {
      this.abandon();
      return undefined;
    }
  }

  /**
   * Adds an article's body and paragraphs to this run's segment, through one buffer written out when
   * full: 10,000 articles were 20,000 small writes and as many buffers to collect. Returns their bytes
   * (valid until the next call).
   */
  private append(body: string, paragraphs: string): [Buffer, Buffer] {
    const bodyLength = Buffer.byteLength(body);
    const length = bodyLength + Buffer.byteLength(paragraphs);
    if (this.pendingBytes + length > this.pending.length) {
      this.flush();
      if (length > this.pending.length) this.pending = Buffer.allocUnsafe(length);
    }
    const at = this.pendingBytes;
    this.pending.write(body, at);
    this.pending.write(paragraphs, at + bodyLength);
    this.pendingBytes += length;
    return [this.pending.subarray(at, at + bodyLength), this.pending.subarray(at + bodyLength, at + length)];
  }

  /** Writes out what append() holds. */
  private flush(): void {
    if (this.pendingBytes === 0 || this.segmentFd === undefined) return;
    let written = 0;
    while (written < this.pendingBytes) {
      written += writeSync(this.segmentFd, this.pending, written, this.pendingBytes - written, this.flushedBytes + written);
    }
    this.flushedBytes += this.pendingBytes;
    this.pendingBytes = 0;
  }

  private abandon(): void {
    this.writable = false;
    if (this.segmentFd !== undefined) {
      try {
        closeSync(this.segmentFd);
      } catch {
        // already closed
      }
    }
    this.segmentFd = undefined;
    if (this.segmentTemp) {
      try {
        unlinkSync(this.segmentTemp);
      } catch {
        // already gone
      }
    }
  }

  /**
   * Writes the index when anything changed: new or changed articles, or files that went away. The
   * new segment is in place before the index that points at it.
   */
  save(): void {
    const removed = this.hits !== this.previous.size;
    if (!this.changed && !removed) return;
    if (!this.writable) return;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      if (this.segmentFd !== undefined) {
        this.flush();
        closeSync(this.segmentFd);
        this.segmentFd = undefined;
        renameSync(this.segmentTemp!, join(this.dir, this.segmentName!));
      }
      const segments: string[] = [];
      const numbers = new Map<string, number>();
      const entries = this.next.map((entry) => {
        const name = entry.segment === -1 ? this.segmentName! : this.previousSegments[entry.segment];
        let number = numbers.get(name);
        if (number === undefined) {
          number = segments.push(name) - 1;
          numbers.set(name, number);
        }
        return number === entry.segment ? entry : { ...entry, segment: number };
      });
      const index: IndexFile = { version: LIBRARY_CACHE_VERSION, build: LIBRARY_BUILD, root: this.root, segments, entries };
      writeFileAtomicSync(this.indexPath, JSON.stringify(index), { durable: false });
      this.removeUnusedSegments(new Set(segments));
      // Segments and indexes half-written by a newsdesk that was killed (kill -9 leaves them).
      removeDeadTemporaries(this.dir);
    } catch {
      this.abandon();
    }
  }

  /** Deletes segments of this folder that the index no longer points at. */
  private removeUnusedSegments(used: Set<string>): void {
    const prefix = `bodies-${hashText(this.root)}-`;
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith(prefix) && !name.endsWith('.tmp') && !used.has(name)) {
        const path = join(this.dir, name);
        closeSegment(path);
        try {
          unlinkSync(path);
        } catch {
          // another newsdesk removed it first
        }
      }
    }
  }
}

/** Where the library is cached: the folder asked for, else the default unless caching is off (false). */
export function chooseCacheDir(options: { cacheDir?: string | false }): string | false {
  if (options.cacheDir !== undefined) return options.cacheDir;
  return process.env.NEWSDESK_NO_CACHE === '1' || !CACHE_BY_DEFAULT ? false : cacheDirectory();
}

/**
 * What says the cached library of these folders is unchanged, without reading it: each folder's index
 * file's size, mtime and inode (an index is only ever replaced whole). Undefined when caching is off or
 * a folder has no index. A frame drawn from this library can be drawn again while these stay the same.
 */
export function cacheIndexStamps(dirs: string[], options: { cacheDir?: string | false } = {}): string[] | undefined {
  const cacheDir = chooseCacheDir(options);
  if (cacheDir === false) return undefined;
  const stamps: string[] = [];
  for (const root of new Set(dirs.map((dir) => resolve(dir)))) {
    try {
      const stat = statSync(libraryIndexPath(root, cacheDir));
      stamps.push(`${root}\0${stat.size}:${stat.mtimeMs}:${stat.ino}`);
    } catch {
      return undefined;
    }
  }
  return stamps;
}
