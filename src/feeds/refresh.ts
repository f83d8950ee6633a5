import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { countWords, escapeMarkdown } from '../library/markdown-text.js';
import { sanitizeLine } from '../library/sanitize.js';
import { decodeDocument } from './decode.js';
import { FetchError, fetchResource, isWebUrl, type FetchOptions, type FetchResult } from './fetch.js';
import { discoverFeedLinks, extractArticle, htmlToMarkdown } from './html.js';
import { FeedParseError, parseFeedDocument } from './parse.js';
import { feedFolderName, itemFileName, itemKeyHash, readFeedState, storedItems, writeFeedState, writeItem, type StoredItem } from './store.js';
import type { FeedEntry, FeedRefreshResult, FeedState, ParsedFeed, RefreshProgress, Subscription } from './types.js';

export const DEFAULT_CONCURRENCY = 6;
/** A feed's own text shorter than this is taken for a summary, and the item's page is fetched. */
export const FULL_TEXT_MIN_WORDS = 150;
/** Article pages are usually far smaller than feeds; a larger one is not an article. */
const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export interface RefreshOptions {
  /** Where items are stored: one folder per feed below it. */
  itemsDir: string;
  /** The most HTTP requests in flight at once, feeds and pages together. */
  concurrency?: number;
  /** Timeouts and size cap for each request. */
  fetch?: Pick<FetchOptions, 'connectTimeoutMs' | 'totalTimeoutMs' | 'maxBytes' | 'signal'>;
  /** Fetch an item's page when the feed gives only a summary (default true). */
  fullText?: boolean;
  now?: () => Date;
}

type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs at most `limit` tasks at once, the rest in the order they were given. */
export function createLimiter(limit: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

function describe(error: unknown): string {
  if (error instanceof FetchError || error instanceof FeedParseError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'no space left on the disk; nothing more was stored';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `the items folder cannot be written (${code})`;
  return error instanceof Error ? error.message : String(error);
}

function looksLikeHtml(contentType: string, text: string): boolean {
  return /html/i.test(contentType) || /^\s*(?:<!doctype html|<html)/i.test(text);
}

/** A feed document fetched and parsed; `feedUrl` is where it came from after discovery and redirects. */
export interface FetchedFeed {
  feedUrl: string;
  result: FetchResult;
  feed: ParsedFeed | null;
}

/**
 * Fetches a feed. With `discover`, an HTML page is searched for its <link rel="alternate"> feeds and
 * the first is fetched instead (for `feeds add` given a site's address).
 */
export async function fetchFeed(url: string, options: FetchOptions, discover = false): Promise<FetchedFeed> {
  const result = await fetchResource(url, { ...options, accept: FEED_ACCEPT });
  if (result.kind === 'not-modified') return { feedUrl: url, result, feed: null };
  const text = decodeDocument(result.bytes, result.contentType);
  if (looksLikeHtml(result.contentType, text)) {
    if (!discover) throw new FeedParseError('the address gives a web page, not a feed');
    const links = discoverFeedLinks(text, result.url);
    if (!links.length) throw new FeedParseError('the page names no feed (no <link rel="alternate"> to RSS, Atom or JSON Feed)');
    return fetchFeed(links[0].url, { ...options, etag: null, lastModified: null }, false);
  }
  return { feedUrl: url, result, feed: parseFeedDocument(text) };
}

/** The feed's own text for an entry as Markdown, links resolved against the entry's page. */
function feedText(entry: FeedEntry, base: string): string {
  const html = entry.contentHtml ?? (entry.contentText ? null : entry.summaryHtml);
  if (html) return htmlToMarkdown(html, base);
  const plain = entry.contentText ?? '';
  return plain
    .split(/\n\s*\n/)
    .map((paragraph) => escapeMarkdown(paragraph.replace(/\s+/g, ' ').trim()))
    .filter(Boolean)
    .join('\n\n');
}

async function pageText(link: string, options: FetchOptions): Promise<{ markdown: string; author: string | null } | null> {
  const page = await fetchResource(link, { ...options, accept: PAGE_ACCEPT, maxBytes: Math.min(options.maxBytes ?? MAX_PAGE_BYTES, MAX_PAGE_BYTES) });
  if (page.kind !== 'ok') return null;
  const article = extractArticle(decodeDocument(page.bytes, page.contentType), page.url);
  return article ? { markdown: article.markdown, author: article.byline } : null;
}

/** An entry's link made absolute against the feed, or null when it is not an http(s) address. */
function webLink(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const resolved = new URL(link, base).href;
    return isWebUrl(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

interface ItemOutcome {
  item: StoredItem;
  fellBack: boolean;
}

async function buildItem(entry: FeedEntry, feedUrl: string, source: string, now: Date, options: RefreshOptions, limit: Limiter): Promise<ItemOutcome> {
  const link = webLink(entry.link, feedUrl);
  const fromFeed = feedText(entry, link ?? feedUrl);
  let body = fromFeed;
  let text: StoredItem['text'] = 'feed';
  let author = entry.author;
  let fellBack = false;
  if ((options.fullText ?? true) && link && countWords(fromFeed) < FULL_TEXT_MIN_WORDS) {
    try {
      const page = await limit(() => pageText(link, options.fetch ?? {}));
      if (page && countWords(page.markdown) > countWords(fromFeed)) {
        body = page.markdown;
        text = 'page';
        author ??= page.author;
      } else fellBack = true;
    } catch {
      fellBack = true;
    }
  }
  return {
    item: {
      title: sanitizeLine(entry.title ?? '') || sanitizeLine(link ?? '') || 'Untitled',
      // An item without a date is dated when it was first stored, so it sorts among the news of that day.
      date: entry.date ?? now.toISOString(),
      source,
      url: link,
      feed: feedUrl,
      author,
      text,
      body: body || '*(The feed gives no text for this item.)*',
    },
    fellBack,
  };
}

/** The name a feed is shown by: the one the person gave, the feed's own title, or its host. */
export function feedDisplayName(subscription: Subscription, state: Pick<FeedState, 'title'> | null): string {
  if (subscription.name) return subscription.name;
  if (state?.title) return sanitizeLine(state.title);
  try {
    return new URL(subscription.url).hostname;
  } catch {
    return sanitizeLine(subscription.url);
  }
}

/**
 * Refreshes one feed: a conditional GET (a 304 stores nothing and fetches nothing more), then every
 * entry not stored yet becomes an item file, with its page's article when the feed has only a summary.
 * Items already stored are left as they are, and a failure anywhere removes nothing.
 */
export async function refreshFeed(subscription: Subscription, options: RefreshOptions, limit: Limiter = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY)): Promise<FeedRefreshResult> {
  const now = options.now?.() ?? new Date();
  const folder = join(options.itemsDir, feedFolderName(subscription.url));
  const state = readFeedState(folder, subscription.url);
  const result: FeedRefreshResult = { url: subscription.url, name: feedDisplayName(subscription, state), status: 'unchanged', newItems: 0, fallbackItems: 0, error: null };
  try {
    const fetched = await limit(() => fetchFeed(subscription.url, { ...options.fetch, etag: state.etag, lastModified: state.lastModified }));
    mkdirSync(folder, { recursive: true });
    if (fetched.result.kind === 'ok' && fetched.feed) {
      state.title = fetched.feed.title;
      state.fetchedUrl = fetched.result.url;
      state.etag = fetched.result.etag;
      state.lastModified = fetched.result.lastModified;
      result.name = feedDisplayName(subscription, state);
      const stored = storedItems(folder);
      const fresh = fetched.feed.entries.filter((entry) => !stored.has(itemKeyHash(subscription.url, entry.key)));
      const outcomes = await Promise.all(fresh.map((entry) => buildItem(entry, fetched.result.url, result.name, now, options, limit)));
      fresh.forEach((entry, index) => {
        const keyHash = itemKeyHash(subscription.url, entry.key);
        writeItem(folder, itemFileName(entry.title, keyHash), outcomes[index].item);
        result.newItems++;
        if (outcomes[index].fellBack) result.fallbackItems++;
      });
      result.status = result.newItems ? 'updated' : 'unchanged';
    }
    state.lastSuccess = now.toISOString();
    state.lastError = null;
  } catch (error) {
    result.status = 'failed';
    result.error = describe(error);
    state.lastError = result.error;
  }
  state.lastFetched = now.toISOString();
  try {
    mkdirSync(folder, { recursive: true });
    writeFeedState(folder, state);
  } catch (error) {
    if (result.status !== 'failed') {
      result.status = 'failed';
      result.error = describe(error);
    }
  }
  return result;
}

/**
 * Refreshes every feed at once, at most `concurrency` requests in flight. Resolves when all are done,
 * with one result a feed in the order given; never rejects. `onProgress` hears of each feed finished.
 */
export async function refreshAll(subscriptions: Subscription[], options: RefreshOptions, onProgress?: (progress: RefreshProgress) => void): Promise<FeedRefreshResult[]> {
  const limit = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  let done = 0;
  onProgress?.({ done, total: subscriptions.length });
  return Promise.all(
    subscriptions.map(async (subscription) => {
      const result = await refreshFeed(subscription, options, limit);
      done++;
      onProgress?.({ done, total: subscriptions.length, result });
      return result;
    }),
  );
}
