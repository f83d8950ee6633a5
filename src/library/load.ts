import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { ARTICLE_EXTENSIONS, MAX_ARTICLE_BYTES, MAX_DIRECTORY_DEPTH, MAX_FILES_SCANNED } from './limits.js';
import { ArticleError, normalizeNewlines, parseMarkdownArticle, parsePlainArticle, type ParsedArticle } from './parse.js';
import { decodeUtf8, sanitizeLine } from './sanitize.js';
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

/** Reads a file's bytes, refusing files over the size cap before reading them. */
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
    const bytes = Buffer.allocUnsafe(stat.size);
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
  const name = sanitizeLine(basename(path, extname(path)));
  if (extname(path).toLowerCase() === '.txt') return { article: parsePlainArticle(text), warnings: [] };
  return parseMarkdownArticle(text, name);
}

/** Loads one file as an article, or says why it can't be one. */
export function loadArticleFile(path: string, id: string): { article?: Article; problems: LoadProblem[] } {
  try {
    const { bytes, size, mtimeMs } = readArticleBytes(path);
    const { article, warnings } = parseArticleBytes(bytes, path);
    return {
      article: { ...article, id, path, size, mtimeMs },
      problems: warnings.map((reason) => ({ path, reason: `${reason}; ignored` })),
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

/**
 * Loads every article below the given folders. Files that can't be articles are reported with their
 * path and reason; the rest still load. A folder that does not exist throws DirectoryError.
 */
export function loadArticles(dirs: string[]): LoadResult {
  const state: Walk = { files: [], problems: [], visited: new Set(), truncated: false };
  const roots = new Map<string, string>();
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
  }
  const articles: Article[] = [];
  const problems = [...state.problems];
  const seenIds = new Set<string>();
  for (const path of state.files) {
    let id = sanitizeLine(basename(path, extname(path)));
    // Two files with one name: the later one is known by its path below its folder.
    if (seenIds.has(id)) {
      const relativeId = sanitizeLine(relative(roots.get(path) ?? '', path).replace(/\.[^./]+$/, ''));
      id = seenIds.has(relativeId) ? `${relativeId}~${seenIds.size}` : relativeId;
    }
    const loaded = loadArticleFile(path, id);
    problems.push(...loaded.problems);
    if (loaded.article) {
      seenIds.add(id);
      articles.push(loaded.article);
    }
  }
  articles.sort(compareArticles);
  // File names are written by strangers too: what reaches a terminal is sanitised.
  for (const article of articles) article.path = sanitizeLine(article.path);
  return { articles, problems: problems.map((problem) => ({ path: sanitizeLine(problem.path), reason: problem.reason })) };
}
