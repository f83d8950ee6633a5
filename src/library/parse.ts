import { parse as parseYaml } from 'yaml';
import { blockToPlain, escapeMarkdown, markdownBlocks } from './markdown-text.js';
import { splitTrailingMetadata } from './metadata.js';
import { sanitizeLine, sanitizeText } from './sanitize.js';
import type { Article } from './types.js';

/** What a file's text yields before the loader adds where it came from. */
export type ParsedArticle = Omit<Article, 'id' | 'path' | 'size' | 'mtimeMs'>;

/** A reason a file is not an article; the loader reports it with the file's path. */
export class ArticleError extends Error {}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const MAX_HEADLINE_LENGTH = 160;
const MAX_HEADLINE_WORDS = 25;
const DERIVED_TITLE_LENGTH = 80;

/** Counts runs of non-space characters, as /\S+/g would, without building an array of them. */
function countWords(paragraphs: string[]): number {
  let words = 0;
  for (const paragraph of paragraphs) {
    let inWord = false;
    for (let i = 0; i < paragraph.length; i++) {
      const space = isSpace(paragraph.charCodeAt(i));
      if (!space && !inWord) words++;
      inWord = !space;
    }
  }
  return words;
}

/** Exactly the characters /\s/ matches. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Normalises line ends so every later step sees only "\n". */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** A date as YYYY-MM-DD, from a YAML date, an ISO string or anything Date can read. */
function toIsoDate(value: unknown, problems: string[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') {
    const text = sanitizeLine(String(value));
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
    if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
    const parsed = new Date(text);
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString().slice(0, 10);
    problems.push(`date "${text}" is not a date`);
    return null;
  }
  problems.push('date is not a date');
  return null;
}

function optionalLine(value: unknown, field: string, problems: string[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return sanitizeLine(String(value)) || null;
  problems.push(`${field} is not text`);
  return null;
}

function toTags(value: unknown, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!list) {
    problems.push('tags is not a list');
    return [];
  }
  return list
    .filter((tag): tag is string | number => typeof tag === 'string' || typeof tag === 'number')
    .map((tag) => sanitizeLine(String(tag)))
    .filter(Boolean);
}

/** A title from the first sentence, when a text has no headline of its own. */
export function deriveTitle(firstParagraph: string): string {
  const sentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(firstParagraph)?.[0] ?? firstParagraph;
  const clean = sentence.replace(/\s+/g, ' ').trim();
  if (clean.length <= DERIVED_TITLE_LENGTH) return clean.replace(/[.]$/, '');
  const cut = clean.slice(0, DERIVED_TITLE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 20 ? cut.slice(0, lastSpace) : cut).replace(/[,;:]$/, '')}…`;
}

/** Whether a first line reads like a headline: short, and not a sentence ending with a full stop. */
export function looksLikeHeadline(line: string, hasMore: boolean): boolean {
  const text = line.trim();
  return (
    hasMore &&
    text.length > 0 &&
    text.length <= MAX_HEADLINE_LENGTH &&
    text.split(/\s+/).length <= MAX_HEADLINE_WORDS &&
    !/[.:;,]$/.test(text)
  );
}

/** Parses the text of a Markdown file (optional YAML front matter) into an article. */
export function parseMarkdownArticle(text: string, fallbackTitle: string): { article: ParsedArticle; warnings: string[] } {
  const warnings: string[] = [];
  let meta: Record<string, unknown> = {};
  let body = text;
  const frontMatter = FRONT_MATTER.exec(text);
  if (frontMatter) {
    let data: unknown;
    try {
      data = parseYaml(frontMatter[1], { maxAliasCount: 50 });
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new ArticleError(`invalid front matter: ${sanitizeLine(message)}`);
    }
    if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
      throw new ArticleError('invalid front matter: expected "key: value" lines');
    }
    meta = (data ?? {}) as Record<string, unknown>;
    body = text.slice(frontMatter[0].length);
  }
  const blocks = markdownBlocks(sanitizeText(body));
  const { body: bodyBlocks, credits, related } = splitTrailingMetadata(blocks);
  const paragraphs = bodyBlocks.map(blockToPlain).filter(Boolean);
  let title = optionalLine(meta.title, 'title', warnings);
  if (!title) {
    const heading = bodyBlocks.find((block) => /^#{1,6}\s/.test(block));
    title = heading ? blockToPlain(heading) : paragraphs.length ? deriveTitle(paragraphs[0]) : fallbackTitle;
  }
  if (paragraphs.length === 0) throw new ArticleError(frontMatter ? 'no body text after the front matter' : 'empty file: no text');
  return {
    article: {
      format: 'md',
      title,
      date: toIsoDate(meta.date, warnings),
      source: optionalLine(meta.source, 'source', warnings),
      url: optionalLine(meta.url, 'url', warnings),
      tags: toTags(meta.tags, warnings),
      body: bodyBlocks.join('\n\n'),
      paragraphs,
      credits: credits.map((line) => blockToPlain(line)),
      related: related.map((link) => ({ text: blockToPlain(link.text), url: link.url })),
      words: countWords(paragraphs),
    },
    warnings,
  };
}

/** Parses a plain-text file: each line is a paragraph; a headline-like first line is the title. */
export function parsePlainArticle(text: string): ParsedArticle {
  const lines = sanitizeText(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (lines.length === 0) throw new ArticleError('empty file: no text');
  const hasHeadline = looksLikeHeadline(lines[0], lines.length > 1);
  const title = hasHeadline ? lines[0] : deriveTitle(lines[0]);
  const { body: paragraphs, credits, related } = splitTrailingMetadata(hasHeadline ? lines.slice(1) : lines);
  return {
    format: 'txt',
    title,
    date: null,
    source: null,
    url: null,
    tags: [],
    body: paragraphs.map(escapeMarkdown).join('\n\n'),
    paragraphs,
    credits,
    related,
    words: countWords(paragraphs),
  };
}
