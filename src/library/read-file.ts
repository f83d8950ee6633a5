import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, extname } from 'node:path';
import { MAX_ARTICLE_BYTES } from './limits.js';
import { ArticleError, normalizeNewlines, parseMarkdownArticle, parsePlainArticle, type ParsedArticle } from './parse.js';
import { decodeUtf8, sanitizeLine } from './sanitize.js';
import type { Article, LoadProblem } from './types.js';

/** Reading one file as an article: its bytes (size-capped), decoded and parsed, or why it can't be one. */

/** A file-system error as a reason a person can act on. */
export function describeError(error: unknown): string {
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

export type ParsedFile = ReturnType<typeof loadArticleFile>;
