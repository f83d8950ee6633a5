import { parseDocument } from 'yaml';
import { blocksToParagraphs, blockToPlain, countWords, escapeMarkdown, markdownBlocks } from './markdown-text.js';
import { splitTrailingMetadata } from './metadata.js';
import { isPlainProse, sanitizeLine, sanitizeText } from './sanitize.js';
import type { Article } from './types.js';

/** What a file's text yields before the loader adds where it came from. */
export type ParsedArticle = Omit<Article, 'id' | 'path' | 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

/** A reason a file is not an article; the loader reports it with the file's path. */
export class ArticleError extends Error {}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const MAX_HEADLINE_LENGTH = 160;
const MAX_HEADLINE_WORDS = 25;
const DERIVED_TITLE_LENGTH = 80;

/** Normalises line ends so every later step sees only "\n". */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

// The fast front matter reader below accepts only what it is sure the `yaml` package reads the same
// way; anything else (escapes, comments, anchors, blocks, tabs, controls, unusual spaces) goes to yaml.
const SIMPLE_FRONT_MATTER_CHARS = /^[\n\x20-\x7e\u00a1-\u167f\u1681-\u1fff\u2010-\u2027\u2030-\u205e\u2070-\u2fff\u3001-\ud7ff\ue000-\ufefe\uff00-\ufffd]*$/;
const SIMPLE_KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?: +(.*))?$/;
const DOUBLE_QUOTED = /^"([^"\\]*)" *$/;
const SINGLE_QUOTED = /^'([^'\\]*)' *$/;
const FLOW_WORDS = /^\[ *((?:[A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)* *, *)*(?:[A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*)?) *\] *$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// A plain scalar starting with a letter is a string unless YAML's core schema reads it as null or a boolean.
const PLAIN_TEXT = /^\p{L}[^#]*$/u;
const CORE_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

function simpleScalar(value: string): unknown {
  if (value === '') return null;
  const quoted = DOUBLE_QUOTED.exec(value) ?? SINGLE_QUOTED.exec(value);
  if (quoted) return quoted[1];
  const flow = FLOW_WORDS.exec(value);
  if (flow) {
    const items = flow[1] === '' ? [] : flow[1].split(',').map((item) => item.trim());
    return items.some((item) => CORE_WORDS.has(item)) ? undefined : items;
  }
  const text = value.trimEnd();
  if (ISO_DATE.test(text)) return text;
  if (!PLAIN_TEXT.test(text) || text.includes(': ') || text.endsWith(':') || CORE_WORDS.has(text)) return undefined;
  return text;
}

/**
 * Reads front matter of flat `key: value` lines as the yaml package would, or returns undefined
 * when it has anything else. Parsing YAML is most of the cost of loading a large library cold.
 */
export function parseSimpleFrontMatter(source: string): Record<string, unknown> | undefined {
  if (!SIMPLE_FRONT_MATTER_CHARS.test(source)) return undefined;
  const data: Record<string, unknown> = {};
  for (const line of source.split('\n')) {
    const match = SIMPLE_KEY_LINE.exec(line);
    if (!match || CORE_WORDS.has(match[1]) || Object.hasOwn(data, match[1])) return undefined;
    const value = simpleScalar(match[2] ?? '');
    if (value === undefined) return undefined;
    data[match[1]] = value;
  }
  return data;
}

/** The first line of a yaml error or warning, made safe to show (it quotes the file's raw text). */
function yamlMessage(error: unknown): string {
  return sanitizeLine((error instanceof Error ? error.message : String(error)).split('\n')[0]);
}

/**
 * Front matter through the yaml package. Its warnings would go to process.emitWarning, i.e. straight
 * to stderr with the raw line (escape sequences included): they are collected into the problem list
 * instead, which is sanitised like everything else. An error makes the file not an article.
 */
function parseFrontMatterYaml(source: string, warnings: string[]): unknown {
  let document;
  try {
    document = parseDocument(source, { logLevel: 'silent' });
  } catch (error) {
    throw new ArticleError(`invalid front matter: ${yamlMessage(error)}`);
  }
  if (document.errors.length > 0) throw new ArticleError(`invalid front matter: ${yamlMessage(document.errors[0])}`);
  for (const warning of document.warnings) warnings.push(`front matter: ${yamlMessage(warning)}`);
  try {
    return document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new ArticleError(`invalid front matter: ${yamlMessage(error)}`);
  }
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD when the numbers make a real calendar day in years 1000–9999, else null. */
function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && !leap ? 28 : MONTH_DAYS[month - 1])) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as YYYY-MM-DD, kept in calendar terms: the day the file names, whatever the time zone of the
 * machine reading it ("March 3, 2024" is 2024-03-03 in Kyiv too). A date that is no real day
 * (2025-13-45) or far outside the years news is written in (99999-01-01) is reported and ignored.
 */
function toIsoDate(value: unknown, problems: string[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  // A YAML timestamp is an instant in UTC: its UTC day is the day written.
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const date = calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    if (date) return date;
    problems.push(`date ${JSON.stringify(value.toISOString())} is outside the years 1000-9999; ignored`);
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number') {
    const text = sanitizeLine(String(value));
    // An ISO date (with or without a time after it): the calendar day as written.
    const iso = /^([+-]?\d{4,})-(\d{1,2})-(\d{1,2})(?=$|[T ])/.exec(text);
    if (iso) {
      const date = calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
      if (date) return date;
      problems.push(`date "${text}" is not a real calendar day (years 1000-9999); ignored`);
      return null;
    }
    // Anything else Date can read ("March 3, 2024") is read as local time and its local day kept:
    // converting it to UTC moved it to the day before east of Greenwich.
    const parsed = /\d/.test(text) ? new Date(text) : new Date(Number.NaN);
    if (!Number.isNaN(parsed.getTime())) {
      // Except a bare year or year-month ("2024", "2024-03"), which Date reads as UTC.
      const utc = /^[+-]?\d{4,6}(?:-\d{1,2})?$/.test(text);
      const date = utc
        ? calendarDate(parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, parsed.getUTCDate())
        : calendarDate(parsed.getFullYear(), parsed.getMonth() + 1, parsed.getDate());
      if (date) return date;
      problems.push(`date "${text}" is outside the years 1000-9999; ignored`);
      return null;
    }
    problems.push(`date "${text}" is not a date; ignored`);
    return null;
  }
  problems.push('date is not a date; ignored');
  return null;
}

function optionalLine(value: unknown, field: string, problems: string[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return sanitizeLine(String(value)) || null;
  problems.push(`${field} is not text; ignored`);
  return null;
}

function toTags(value: unknown, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!list) {
    problems.push('tags is not a list; ignored');
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

/** What the article list shows of an article that its front matter alone gives. */
export type ArticleHead = Pick<ParsedArticle, 'title' | 'date' | 'source' | 'url' | 'tags'>;

/**
 * The list's fields of a Markdown article from the start of its text, without parsing its body: the
 * values parseMarkdownArticle gives, when the front matter is simple (parseSimpleFrontMatter), names a
 * title and some text follows it. `text` may be the file's first bytes only. Undefined when only the
 * full parse can tell (no front matter, yaml needed, no title, no text after it within `text`).
 */
export function parseMarkdownHead(text: string): { head: ArticleHead; warnings: string[] } | undefined {
  const frontMatter = FRONT_MATTER.exec(text);
  if (!frontMatter) return undefined;
  const end = frontMatter[0].length;
  // Text must follow (else the file is no article, which the full parse says); in a head cut short,
  // it also shows that the front matter ended before the cut.
  if (!/\S/.test(text.slice(end))) return undefined;
  const data = parseSimpleFrontMatter(frontMatter[1]);
  if (!data) return undefined;
  const warnings: string[] = [];
  const title = optionalLine(data.title, 'title', warnings);
  if (!title) return undefined;
  const head = {
    title,
    date: toIsoDate(data.date, warnings),
    source: optionalLine(data.source, 'source', warnings),
    url: optionalLine(data.url, 'url', warnings),
    tags: toTags(data.tags, warnings),
  };
  return { head, warnings };
}

/** Parses the text of a Markdown file (optional YAML front matter) into an article. */
export function parseMarkdownArticle(text: string, fallbackTitle: string): { article: ParsedArticle; warnings: string[] } {
  const warnings: string[] = [];
  let meta: Record<string, unknown> = {};
  let body = text;
  const frontMatter = FRONT_MATTER.exec(text);
  if (frontMatter) {
    let data: unknown = parseSimpleFrontMatter(frontMatter[1]);
    data ??= parseFrontMatterYaml(frontMatter[1], warnings);
    if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
      throw new ArticleError('invalid front matter: expected "key: value" lines');
    }
    meta = (data ?? {}) as Record<string, unknown>;
    body = text.slice(frontMatter[0].length);
  }
  // Most articles are plain prose: one scan proves that sanitising and folding spaces would change nothing.
  const plain = isPlainProse(body);
  const blocks = markdownBlocks(plain ? body : sanitizeText(body));
  const { body: bodyBlocks, credits, related } = splitTrailingMetadata(blocks);
  const { paragraphs, words } = blocksToParagraphs(bodyBlocks, plain);
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
      words,
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
    words: paragraphs.reduce((sum, paragraph) => sum + countWords(paragraph), 0),
  };
}
