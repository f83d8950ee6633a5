import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cacheIndexStamps } from '../library/cache.js';
import { HAS_CONTROL_OR_BIDI } from '../library/controls.js';
import { writeFileAtomicSync } from '../platform/atomic.js';
import { configFilePath } from '../platform/config-file.js';
import { cacheDirectory, stateFilePath } from '../platform/paths.js';
import { displayWidth } from '../render/text.js';
import { pagedHeight, type Size } from './layout.js';
import type { ListFrame } from './list-frame.js';
import { INVERSE_OFF, INVERSE_ON } from './status.js';

/**
 * The list's first frame as the reader last left it, kept under $XDG_CACHE_HOME/newsdesk: a warm start
 * of 10,000 articles draws it without reading the cache index at all (parsing a 6 MB index and making
 * 10,000 articles took longer than the rest of the start). It is drawn only while everything it was
 * drawn from is unchanged: each folder's cache index (only ever replaced whole, when the library
 * changed), the read-state file, the config file, the terminal's size, colour and the build of the code that lays the
 * list out. Then the library is loaded and checked against the files as always, and Ink draws what
 * changed. A snapshot is a cache: missing, stale or damaged, it is ignored.
 */

declare const __NEWSDESK_LIST_BUILD__: string | undefined;
/** The build's fingerprint of the code that lays out the list (scripts/build.mjs); unbundled runs keep none. */
const LIST_BUILD = typeof __NEWSDESK_LIST_BUILD__ === 'string' ? __NEWSDESK_LIST_BUILD__ : undefined;
const SNAPSHOT_VERSION = 1;

interface SnapshotFile {
  key: string;
  header: string;
  rows: string[];
  status: string;
}

export interface FrameSnapshot {
  /** The frame to draw first, when one was saved from exactly this library, state and terminal. */
  frame: ListFrame | undefined;
  /** Says the library has been loaded (and its cache index saved): what a saved frame is drawn from. */
  loaded(): void;
  /** Keeps `frame` for the next start, when the library is still what it was after the load. */
  save(frame: ListFrame, size: Size, color: boolean): void;
}

function fileStamp(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  } catch {
    return 'none';
  }
}

function snapshotPath(dirs: string[]): string {
  const folders = [...new Set(dirs.map((dir) => resolve(dir)))].join('\0');
  return join(cacheDirectory(), `first-frame-${createHash('sha256').update(folders).digest('hex').slice(0, 20)}.json`);
}

/** What a snapshot must have been saved under to be drawn now; undefined when the library is not cached. */
function snapshotKey(dirs: string[], stateDir: string, size: Size, color: boolean): string | undefined {
  const stamps = cacheIndexStamps(dirs);
  if (!stamps || LIST_BUILD === undefined) return undefined;
  // The config file decides the key hints and the theme: a frame saved under another is not drawn.
  return JSON.stringify([SNAPSHOT_VERSION, LIST_BUILD, stamps, fileStamp(stateFilePath(stateDir)), fileStamp(configFilePath()), size.cols, size.rows, color]);
}

/** A line of a saved frame: our inverse video at most, nothing else that is not printable text. */
function isPlainLine(line: unknown, cols: number): line is string {
  if (typeof line !== 'string') return false;
  const text = line.replaceAll(INVERSE_ON, '').replaceAll(INVERSE_OFF, '');
  return !HAS_CONTROL_OR_BIDI.test(text) && displayWidth(text) <= cols;
}

/** The saved frame when its file holds one for `key`, every line checked (anyone could write the file). */
function readFrame(path: string, key: string, size: Size): ListFrame | undefined {
  let saved: Partial<SnapshotFile>;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8')) as Partial<SnapshotFile>;
  } catch {
    return undefined;
  }
  if (saved?.key !== key || !Array.isArray(saved.rows) || saved.rows.length > pagedHeight(size)) return undefined;
  const lines = [saved.header, saved.status, ...saved.rows];
  if (!lines.every((line) => isPlainLine(line, size.cols))) return undefined;
  return { header: saved.header as string, rows: saved.rows, status: saved.status as string };
}

/**
 * The snapshot for a start of the reader on these folders. Called before the library is loaded; the
 * key is taken again at save time, after the reader has saved its state, so it matches the next start.
 */
export function openFrameSnapshot(dirs: string[], stateDir: string, size: Size, color: boolean): FrameSnapshot {
  const path = snapshotPath(dirs);
  const key = snapshotKey(dirs, stateDir, size, color);
  const frame = key === undefined ? undefined : readFrame(path, key, size);
  let loadedStamps: string | undefined;
  return {
    frame,
    loaded() {
      loadedStamps = JSON.stringify(cacheIndexStamps(dirs));
    },
    save(next, nextSize, nextColor) {
      const now = snapshotKey(dirs, stateDir, nextSize, nextColor);
      // The library changed while the reader ran (`r` refreshed the feeds): the frame is not of it.
      if (now === undefined || loadedStamps === undefined || JSON.stringify(cacheIndexStamps(dirs)) !== loadedStamps) return;
      try {
        const file: SnapshotFile = { key: now, ...next };
        writeFileAtomicSync(path, JSON.stringify(file), { durable: false });
      } catch {
        // A cache: not written is only slower next time.
      }
    },
  };
}
