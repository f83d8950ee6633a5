import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { describeFileType } from '../platform/regular-file.js';
import { ARTICLE_EXTENSIONS, MAX_DIRECTORY_DEPTH, MAX_FILES_SCANNED } from './limits.js';
import { describeError, pathText, type FoundPath } from './read-file.js';
import { decodeUtf8, sanitizeLine } from './sanitize.js';
import type { LoadProblem } from './types.js';

/**
 * Finding the article files below a folder: links followed once, hidden entries skipped, bounded in
 * depth and count, in name order (which decides ids when two files share a name). Names are read as
 * bytes, so a file whose name is not UTF-8 is found and opens; FIFOs, devices and sockets are
 * reported, never opened.
 */

function isArticleFile(name: string): boolean {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/** A --dir that is missing, not a folder or unreadable: the CLI turns it into exit code 2. */
export class DirectoryError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export interface Walk {
  files: FoundPath[];
  problems: LoadProblem[];
  visited: Set<string>;
  truncated: boolean;
}

function joinFound(dir: FoundPath, name: Buffer): FoundPath {
  if (typeof dir === 'string' && isUtf8(name)) return join(dir, name.toString('utf8'));
  const prefix = typeof dir === 'string' ? Buffer.from(dir) : dir;
  return Buffer.concat([prefix, Buffer.from(prefix[prefix.length - 1] === 0x2f ? '' : '/'), name]);
}

/** Why a symbolic link could not be followed: its target is missing (named), or something else. */
function describeLinkError(path: FoundPath, error: unknown): string {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return describeError(error);
  let target = '';
  try {
    target = sanitizeLine(pathText(readlinkSync(path, { encoding: 'buffer' })));
  } catch {
    // removed meanwhile: no target to name
  }
  return target ? `dangling symbolic link: its target ${target} does not exist` : 'dangling symbolic link: its target does not exist';
}

function isSpecialFile(entry: Pick<Dirent, 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>): boolean {
  return entry.isFIFO() || entry.isCharacterDevice() || entry.isBlockDevice() || entry.isSocket();
}

/** Collects article files below a folder, following links once, hidden entries skipped, bounded. */
export function walk(dir: FoundPath, depth: number, state: Walk, asked?: string): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    state.problems.push({ path: pathText(dir), reason: describeError(error) });
    return;
  }
  if (state.visited.has(real)) return; // a link back up the tree
  state.visited.add(real);
  if (depth > MAX_DIRECTORY_DEPTH) {
    state.problems.push({ path: pathText(dir), reason: `folder nested deeper than ${MAX_DIRECTORY_DEPTH} levels; not scanned` });
    return;
  }
  let entries: Dirent<Buffer>[];
  try {
    // As bytes: a name that is not valid UTF-8 would not open again once decoded to text.
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    // A folder below can be skipped with a message; the folder asked for cannot.
    if (asked !== undefined) throw new DirectoryError(asked, `cannot be read: ${describeError(error)}`);
    state.problems.push({ path: pathText(dir), reason: describeError(error) });
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    if (state.truncated) return;
    if (entry.name[0] === 0x2e) continue; // hidden
    const path = joinFound(dir, entry.name);
    const name = decodeUtf8(entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let special = isSpecialFile(entry) ? lstatSync(path) : undefined;
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
        if (isSpecialFile(target)) special = target;
      } catch (error) {
        if (isArticleFile(name)) state.problems.push({ path: pathText(path), reason: describeLinkError(path, error) });
        continue;
      }
    }
    if (special) {
      // Opening a FIFO blocks and a device never ends: reported, never read.
      state.problems.push({ path: pathText(path), reason: `${describeFileType(special)}, not a file; not read` });
    } else if (isDirectory) {
      walk(path, depth + 1, state);
    } else if (isFile && isArticleFile(name)) {
      if (state.files.length >= MAX_FILES_SCANNED) {
        state.truncated = true;
        state.problems.push({
          path: pathText(dir),
          reason: `more than ${MAX_FILES_SCANNED.toLocaleString('en-US')} article files; the rest were not scanned`,
        });
        return;
      }
      state.files.push(path);
    }
  }
}

/** Every article file below the folders, each with the folder (absolute) it was found in; DirectoryError for a bad folder. */
export function findArticleFiles(dirs: readonly string[]): { state: Walk; roots: Map<FoundPath, string>; folders: Set<string> } {
  const state: Walk = { files: [], problems: [], visited: new Set(), truncated: false };
  const roots = new Map<FoundPath, string>();
  const folders = new Set<string>();
  for (const dir of dirs) {
    // resolve('') is the current folder: an empty --dir is a mistake, not a request to scan here.
    if (dir.trim() === '') throw new DirectoryError(JSON.stringify(dir), 'an empty folder name; give the path of a folder');
    const root = resolve(dir);
    let stat;
    try {
      stat = statSync(root);
    } catch (error) {
      throw new DirectoryError(dir, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : describeError(error));
    }
    if (!stat.isDirectory()) throw new DirectoryError(dir, 'not a folder');
    const before = state.files.length;
    walk(root, 0, state, dir);
    for (const file of state.files.slice(before)) roots.set(file, root);
    folders.add(root);
  }
  return { state, roots, folders };
}
