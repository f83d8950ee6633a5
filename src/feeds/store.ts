import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sanitizeLine, sanitizeText } from '../library/sanitize.js';
import { writeFileAtomicSync } from '../platform/atomic.js';
import type { FeedState } from './types.js';

/**
 * Stored items: one folder per feed below the items folder, each item one Markdown file with front
 * matter the library's loader reads like any other article. File names are built only from
 * [a-z0-9-] and a hash, so feed text can never name a path (no "..", no separators, no hidden files),
 * and are at most MAX_SLUG_LENGTH + 12 characters.
 */

const MAX_SLUG_LENGTH = 60;
export const FEED_STATE_FILE = 'feed.json';

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Lower-case ASCII words joined by "-", at most `max` characters, cut at a word; "" when none. */
export function slugify(text: string, max = MAX_SLUG_LENGTH): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) return slug || word.slice(0, max);
    slug = next;
  }
  return slug;
}

/** A feed's folder: its host and path as a slug, then a hash of its exact URL (two feeds never share one). */
export function feedFolderName(feedUrl: string): string {
  let readable: string;
  try {
    const url = new URL(feedUrl);
    readable = slugify(`${url.hostname.replace(/^www\./, '')} ${url.pathname}`, 40);
  } catch {
    readable = '';
  }
  return `${readable || 'feed'}-${hash(feedUrl, 8)}`;
}

/**
 * The hash part of an item's file name: from the feed's URL and the entry's guid (or link), so the
 * same entry always lands in the same file, and the same guid in two feeds in two files.
 */
export function itemKeyHash(feedUrl: string, entryKey: string): string {
  return hash(`${feedUrl}\n${entryKey}`, 10);
}

/** An item's file name: its title as a slug (fixed when first stored), then the stable hash. */
export function itemFileName(title: string | null, keyHash: string): string {
  return `${slugify(title ?? '') || 'item'}-${keyHash}.md`;
}

/** The item files of a feed's folder, by their hash. */
export function storedItems(folder: string): Map<string, string> {
  const items = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return items;
  }
  for (const name of names) {
    const match = /-([0-9a-f]{10})\.md$/.exec(name);
    if (match) items.set(match[1], name);
  }
  return items;
}

/** One front matter value: one clean line, as a YAML double-quoted (JSON) string. */
function frontMatterValue(value: string): string {
  return JSON.stringify(sanitizeLine(value).replace(/[\u2028\u2029\u0085]/g, ' '));
}

export interface StoredItem {
  title: string;
  date: string | null;
  source: string | null;
  url: string | null;
  feed: string;
  author: string | null;
  /** Where the body came from: the article's page, or the feed's own text. */
  text: 'page' | 'feed';
  body: string;
}

export function itemMarkdown(item: StoredItem): string {
  const fields: [string, string | null][] = [
    ['title', item.title],
    ['date', item.date],
    ['source', item.source],
    ['url', item.url],
    ['feed', item.feed],
    ['author', item.author],
    ['text', item.text],
  ];
  const lines = fields.filter((field): field is [string, string] => Boolean(field[1])).map(([key, value]) => `${key}: ${frontMatterValue(value)}`);
  return `---\n${lines.join('\n')}\n---\n\n${sanitizeText(item.body).trim()}\n`;
}

export function writeItem(folder: string, fileName: string, item: StoredItem): void {
  // Not flushed to disk one by one: a lost item is fetched again on the next refresh.
  writeFileAtomicSync(join(folder, fileName), itemMarkdown(item), { durable: false });
}

export function emptyFeedState(url: string): FeedState {
  return { url, title: null, fetchedUrl: null, etag: null, lastModified: null, lastFetched: null, lastSuccess: null, lastError: null };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A feed's state as last written, or a fresh one when there is none or it can't be read. */
export function readFeedState(folder: string, url: string): FeedState {
  try {
    const data = JSON.parse(readFileSync(join(folder, FEED_STATE_FILE), 'utf8')) as Record<string, unknown>;
    return {
      url,
      title: stringOrNull(data.title),
      fetchedUrl: stringOrNull(data.fetchedUrl),
      etag: stringOrNull(data.etag),
      lastModified: stringOrNull(data.lastModified),
      lastFetched: stringOrNull(data.lastFetched),
      lastSuccess: stringOrNull(data.lastSuccess),
      lastError: stringOrNull(data.lastError),
    };
  } catch {
    return emptyFeedState(url);
  }
}

export function writeFeedState(folder: string, state: FeedState): void {
  writeFileAtomicSync(join(folder, FEED_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`, { durable: false });
}

/** Removes a feed's folder; returns how many items it held. */
export function removeFeedFolder(folder: string): number {
  const count = storedItems(folder).size;
  if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
  return count;
}
