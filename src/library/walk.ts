import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ARTICLE_EXTENSIONS, MAX_DIRECTORY_DEPTH, MAX_FILES_SCANNED } from './limits.js';
import { describeError } from './read-file.js';
import type { LoadProblem } from './types.js';

/**
 * Finding the article files below a folder: links followed once, hidden entries skipped, bounded in
 * depth and count, in name order (which decides ids when two files share a name).
 */

function isArticleFile(name: string): boolean {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

export interface Walk {
  files: string[];
  problems: LoadProblem[];
  visited: Set<string>;
  truncated: boolean;
}

/** Collects article files below a folder, following links once, hidden entries skipped, bounded. */
export function walk(dir: string, depth: number, state: Walk): void {
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
