import { isUtf8 } from 'node:buffer';
import { NotRegularFileError, readRegularFile } from '../platform/regular-file.js';
import { basename, extname } from 'node:path';
import { MAX_ARTICLE_BYTES } from './limits.js';
import { ArticleError, normalizeNewlines, parseMarkdownArticle, parseMarkdownHead, parsePlainArticle, type ArticleHead, type ParsedArticle } from './parse.js';
import { decodeUtf8, sanitizeLine } from './sanitize.js';
import type { Article, LoadProblem } from './types.js';

/** Reading one file as an article: its bytes (size-capped), decoded and parsed, or why it can't be one. */

/** A file-system error as a reason a person can act on. */
export function describeError(error: unknown): string {
  if (error instanceof NotRegularFileError) return error.message;
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

/** A path as found: a string, or its bytes when a name in it is not valid UTF-8 (it opens only as bytes). */
export type FoundPath = string | Buffer;

/** The path as text, for messages and ids: bytes that are not UTF-8 show as U+FFFD. */
export function pathText(path: FoundPath): string {
  return typeof path === 'string' ? path : decodeUtf8(path);
}

/**
 * Reads a file's bytes: only a regular file (a FIFO swapped in after the scan would block open()
 * forever), opened without blocking, refused over the size cap before reading. The bytes may live in
 * a buffer the next call reuses: decode them before reading another file.
 */
function readArticleBytes(path: FoundPath): { bytes: Buffer; size: number; mtimeMs: number; ctimeMs: number; ino: number } {
  const { bytes, stat } = readRegularFile(path, MAX_ARTICLE_BYTES, {
    buffer: (scratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES)),
    tooLarge: (size) => `file is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit for an article`,
  });
  return { bytes, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
}

/** UTF-16 with a byte-order mark (what Windows Notepad saves as "Unicode"), which is full of NUL bytes. */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  // The decoder drops the byte-order mark; an odd last byte becomes U+FFFD.
  return new TextDecoder(encoding).decode(bytes);
}

/** Parses one file's bytes; throws ArticleError with a reason a person can act on. */
export function parseArticleBytes(bytes: Uint8Array, path: string): { article: ParsedArticle; warnings: string[] } {
  if (bytes.length === 0) throw new ArticleError('empty file');
  const utf16 = utf16Encoding(bytes);
  if (!utf16 && bytes.includes(0)) throw new ArticleError('binary file (contains NUL bytes), not text');
  const text = normalizeNewlines(utf16 ? decodeUtf16(bytes, utf16) : decodeUtf8(bytes));
  // Shown anyway (a Latin-1 file is mostly readable), but the reader is told why some letters are �.
  const encoding = utf16 || isUtf8(bytes) ? [] : ['not valid UTF-8: bytes that are not UTF-8 are shown as \ufffd'];
  const name = sanitizeLine(basename(path, extname(path)));
  if (extname(path).toLowerCase() === '.txt') return { article: parsePlainArticle(text), warnings: encoding };
  const { article, warnings } = parseMarkdownArticle(text, name);
  return { article, warnings: [...encoding, ...warnings] };
}

/** Loads one file as an article, or says why it can't be one. */
export function loadArticleFile(found: FoundPath, id: string): { article?: Article; problems: LoadProblem[] } {
  const path = pathText(found);
  try {
    const { bytes, size, mtimeMs, ctimeMs, ino } = readArticleBytes(found);
    const { article, warnings } = parseArticleBytes(bytes, path);
    return {
      article: { ...article, id, path, size, mtimeMs, ctimeMs, ino },
      problems: warnings.map((reason) => ({ path, reason })),
    };
  } catch (error) {
    return { problems: [{ path, reason: describeError(error) }] };
  }
}

export type ParsedFile = ReturnType<typeof loadArticleFile>;

/** How far into a file the list's first look at it goes: front matter is a few hundred bytes. */
const HEAD_BYTES = 4096;
/** Of the text after the front matter, enough to see the closing line and that text follows it. */
const HEAD_BODY_BYTES = 256;

/**
 * The bytes to decode for the list's first look: up to a little past the first line that could close
 * the front matter (parseMarkdownHead decides whether it does). Only that much is decoded: what the
 * head keeps (its title) would otherwise hold on to a string of the whole head.
 */
function headBytes(bytes: Buffer): Buffer {
  const head = bytes.subarray(0, HEAD_BYTES);
  const dashes = head.indexOf('\n---', 3);
  const dots = head.indexOf('\n...', 3);
  const close = dashes < 0 ? dots : dots < 0 ? dashes : Math.min(dashes, dots);
  return close < 0 ? head : head.subarray(0, close + 4 + HEAD_BODY_BYTES);
}

/** What the list's first look at a file gives: its front matter's fields, with where it came from. */
export interface FileHead {
  head: ArticleHead;
  warnings: string[];
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * The list's fields of one Markdown file from its front matter alone (parseMarkdownHead), or undefined
 * when only loadArticleFile can tell: a plain-text file, one that can't be read, is not UTF-8 text, or
 * has no simple front matter with a title.
 */
export function loadArticleHead(found: FoundPath): FileHead | undefined {
  const path = pathText(found);
  if (extname(path).toLowerCase() === '.txt') return undefined;
  try {
    const { bytes, size, mtimeMs, ctimeMs, ino } = readArticleBytes(found);
    if (bytes.length === 0 || utf16Encoding(bytes) || bytes.includes(0) || !isUtf8(bytes)) return undefined;
    const parsed = parseMarkdownHead(normalizeNewlines(decodeUtf8(headBytes(bytes))));
    return parsed && { ...parsed, size, mtimeMs, ctimeMs, ino };
  } catch {
    return undefined;
  }
}
