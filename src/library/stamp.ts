import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathText } from './read-file.js';
import { findArticleFiles, type Walk } from './walk.js';

/**
 * What a library's folders hold, by file system stamps only: every article file loadArticles would
 * find (the same walk, in the same order), with its size, mtime, ctime and inode, and what the walk
 * itself reported. No file is opened and no cache index is read, so a command whose output is cached
 * (a comparison of 10,000 articles) can find its entry in a tenth of the time a load takes.
 *
 * Taken before the library is loaded, a stamp can only be older than what is loaded: a file changed
 * in between changes the stamp next time, so an entry stored under it is never served again.
 */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
  ctimeMs?: number;
  ino?: number;
}

export interface LibraryStamp {
  files: FileStamp[];
  /** The folders asked for and what the walk reported: part of what the output depends on. */
  scope: string;
}

/**
 * The stamp of the library below `dirs`, or undefined when a folder is missing, not a folder or
 * unreadable (loadArticles then says which and why).
 */
export function libraryStamp(dirs: readonly string[]): LibraryStamp | undefined {
  let state: Walk;
  try {
    ({ state } = findArticleFiles(dirs));
  } catch {
    return undefined;
  }
  const files = state.files.map((found): FileStamp => {
    const path = pathText(found);
    try {
      const stat = statSync(found);
      return { path, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
    } catch {
      // Gone or unreadable: the load reports it; the stamp says it was not there.
      return { path, size: -1, mtimeMs: -1 };
    }
  });
  const scope = [...dirs.map((dir) => resolve(dir)), ...state.problems.map((problem) => `${problem.path}\0${problem.reason}`)].join('\n');
  return { files, scope };
}
