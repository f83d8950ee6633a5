import { extname } from 'node:path';
import { sanitizeLine } from './sanitize.js';

/** What an id is made from: the file's name without extension and its full path. */
export interface IdSource {
  name: string;
  path: string;
  /** The --dir folder it was found in. */
  root?: string;
}

function pathParts(path: string): string[] {
  const ext = extname(path);
  return sanitizeLine(ext ? path.slice(0, -ext.length) : path)
    .split(/[\\/]+/)
    .filter(Boolean);
}

/**
 * Each article's id: its file name when no other loaded file has that name, else the shortest end of
 * its path that no other file shares (`inner/ferry`, `news/inner/ferry`). It depends only on the paths
 * loaded, never on the order they were found in, so a script's ids stay put until a file with the same
 * name is added. Two files that differ only by extension keep it (`ferry.md`, `ferry.txt`).
 */
export function assignIds(sources: readonly IdSource[]): string[] {
  const ids = new Array<string>(sources.length);
  // A path's parts only for the files whose name is shared: in most libraries, none.
  const parts = new Array<string[] | undefined>(sources.length);
  const partsOf = (i: number): string[] => (parts[i] ??= pathParts(sources[i].path));
  const suffix = (i: number, k: number): string => (k === 1 ? sources[i].name : partsOf(i).slice(-k).join('/'));
  let pending = sources.map((_, i) => i);
  for (let k = 1; pending.length > 0; k++) {
    const counts = new Map<string, number>();
    for (const i of pending) counts.set(suffix(i, k), (counts.get(suffix(i, k)) ?? 0) + 1);
    const next: number[] = [];
    for (const i of pending) {
      const id = suffix(i, k);
      if (counts.get(id) === 1) ids[i] = id;
      else if (k >= partsOf(i).length) ids[i] = sanitizeLine(sources[i].path.split(/[\\/]+/).slice(-2).join('/'));
      else next.push(i);
    }
    pending = next;
  }
  // The same path twice (a file reached through two --dir roots) or paths differing only by extension.
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const n = (seen.get(ids[i]) ?? 0) + 1;
    seen.set(ids[i], n);
    if (n > 1) ids[i] = `${ids[i]}~${n}`;
  }
  return ids;
}
