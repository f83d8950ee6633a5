import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpml, parseOpml } from 'feedsmith';
import { sanitizeLine } from '../library/sanitize.js';
import { createProgressBar } from '../print/progress.js';
import { createStyler } from '../print/style.js';
import { shouldUseColor } from '../render/color.js';
import { stateDirectory } from '../platform/paths.js';
import { loadReadState } from '../state/read-state.js';
import { isWebUrl, type FetchOptions } from './fetch.js';
import { itemsDirectory, subscriptionsPath } from './paths.js';
import { feedDisplayName, fetchFeed, refreshAll, refreshFeed, type RefreshOptions } from './refresh.js';
import { feedFolderName, readFeedState, removeFeedFolder, storedItems } from './store.js';
import { readSubscriptions, withAdded, withRemoved, writeSubscriptions, type SubscriptionsFile } from './subscriptions.js';
import type { FeedCommandContext, FeedRefreshResult, RefreshProgress, Subscription } from './types.js';

/** The commands behind `newsdesk feeds ...` and `newsdesk refresh`, loaded only when one runs. */

interface Globals {
  json?: boolean;
  color: boolean;
}

function out(text: string): void {
  process.stdout.write(text);
}

function err(text: string): void {
  process.stderr.write(`newsdesk: ${text}\n`);
}

function json(value: unknown): void {
  out(`${JSON.stringify(value, null, 2)}\n`);
}

function styler(globals: Globals) {
  return createStyler(shouldUseColor({ noColorFlag: !globals.color, env: process.env, isTTY: Boolean(process.stdout.isTTY) }));
}

/** The subscriptions, with the file's bad lines reported (each with its line number) and skipped. */
function subscriptions(): SubscriptionsFile {
  const file = readSubscriptions(subscriptionsPath());
  for (const problem of file.problems) err(`${file.path}:${problem.line}: ${problem.reason}`);
  return file;
}

function refreshOptions(timeoutSeconds?: number): RefreshOptions {
  const fetch: FetchOptions = timeoutSeconds ? { totalTimeoutMs: timeoutSeconds * 1000, connectTimeoutMs: Math.min(10_000, timeoutSeconds * 1000) } : {};
  return { itemsDir: itemsDirectory(), fetch };
}

function folderOf(url: string): string {
  return join(itemsDirectory(), feedFolderName(url));
}

interface FeedListing {
  name: string;
  url: string;
  items: number;
  unread: number;
  lastFetched: string | null;
  lastError: string | null;
  folder: string;
}

function listing(subscription: Subscription, readKeys: Set<string>): FeedListing {
  const folder = folderOf(subscription.url);
  const state = readFeedState(folder, subscription.url);
  const items = [...storedItems(folder).values()];
  // The reader keys read state by the article's path (or, in newer versions, its id): either counts.
  const unread = items.filter((name) => !readKeys.has(join(folder, name)) && !readKeys.has(name.replace(/\.md$/, ''))).length;
  return { name: feedDisplayName(subscription, state), url: subscription.url, items: items.length, unread, lastFetched: state.lastFetched, lastError: state.lastError, folder };
}

function shortTime(iso: string | null): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : 'never';
}

export function runFeedsList(globals: Globals): void {
  const file = subscriptions();
  const readKeys = new Set(Object.keys(loadReadState(stateDirectory()).state.articles));
  const feeds = file.subscriptions.map((subscription) => listing(subscription, readKeys));
  if (globals.json) return json(feeds);
  if (!feeds.length) {
    out(`No subscriptions yet. Add one with: newsdesk feeds add <url>\n(They are kept in ${file.path}.)\n`);
    return;
  }
  const style = styler(globals);
  for (const feed of feeds) {
    const counts = `${feed.items} item${feed.items === 1 ? '' : 's'}, ${feed.unread} unread`;
    out(`${style.bold(feed.name)}  ${feed.url}\n  ${counts}; last fetched ${shortTime(feed.lastFetched)}${feed.lastError ? `; ${style.accent(`last error: ${feed.lastError}`)}` : ''}\n`);
  }
}

function describeResult(result: FeedRefreshResult): string {
  if (result.status === 'failed') return `${result.name}: failed: ${result.error ?? 'unknown error'} (stored items kept)`;
  if (result.status === 'unchanged') return `${result.name}: unchanged`;
  const fallback = result.fallbackItems ? ` (${result.fallbackItems} with the feed's own text: the page could not be read)` : '';
  return `${result.name}: ${result.newItems} new item${result.newItems === 1 ? '' : 's'}${fallback}`;
}

export async function runFeedsAdd(url: string, options: { name?: string; timeout?: number }, globals: Globals, context: FeedCommandContext): Promise<void> {
  if (!isWebUrl(url)) throw context.usageError(`"${sanitizeLine(url)}" is not an http or https address.`);
  const file = subscriptions();
  const name = options.name ? sanitizeLine(options.name) || null : null;
  const settings = refreshOptions(options.timeout);
  let fetched;
  try {
    fetched = await fetchFeed(url, settings.fetch ?? {}, true);
  } catch (error) {
    err(`${sanitizeLine(url)}: ${error instanceof Error ? error.message : String(error)}; not subscribed.`);
    context.setExitCode(1);
    return;
  }
  const feedUrl = fetched.feedUrl;
  if (file.subscriptions.some((subscription) => subscription.url === feedUrl)) {
    out(`Already subscribed to ${feedUrl}.\n`);
    return;
  }
  const subscription: Subscription = { url: feedUrl, name };
  writeSubscriptions(file.path, withAdded(file, [subscription]));
  const result = await refreshFeed(subscription, settings);
  if (globals.json) json({ subscribed: subscription, result });
  else {
    out(`Subscribed to ${result.name} (${feedUrl})${feedUrl === url ? '' : `, the feed named by ${sanitizeLine(url)}`}.\n`);
    out(`${describeResult(result)}\n`);
  }
  if (result.status === 'failed') context.setExitCode(1);
}

function findSubscription(file: SubscriptionsFile, which: string, context: FeedCommandContext): Subscription {
  const byUrl = file.subscriptions.find((subscription) => subscription.url === which);
  if (byUrl) return byUrl;
  const wanted = which.trim().toLowerCase();
  const byName = file.subscriptions.filter((subscription) => {
    const shown = feedDisplayName(subscription, readFeedState(folderOf(subscription.url), subscription.url));
    return shown.toLowerCase() === wanted || subscription.name?.toLowerCase() === wanted;
  });
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) throw context.usageError(`${byName.length} feeds are named "${sanitizeLine(which)}": give the address (${byName.map((s) => s.url).join(', ')}).`);
  throw context.usageError(`no subscription with the address or name "${sanitizeLine(which)}" (newsdesk feeds lists them).`);
}

export function runFeedsRemove(which: string, globals: Globals, context: FeedCommandContext): void {
  const file = subscriptions();
  const subscription = findSubscription(file, which, context);
  const name = feedDisplayName(subscription, readFeedState(folderOf(subscription.url), subscription.url));
  writeSubscriptions(file.path, withRemoved(file, subscription.url));
  const removed = removeFeedFolder(folderOf(subscription.url));
  if (globals.json) json({ removed: subscription, items: removed });
  else out(`Unsubscribed from ${name} (${subscription.url}); its ${removed} stored item${removed === 1 ? ' was' : 's were'} removed.\n`);
}

type Outline = { xmlUrl?: string; text?: string; title?: string; outlines?: Outline[] };

function outlineFeeds(outlines: Outline[] | undefined, found: { url: string; name: string | null }[]): void {
  for (const outline of outlines ?? []) {
    if (outline.xmlUrl) found.push({ url: outline.xmlUrl.trim(), name: sanitizeLine(outline.title ?? outline.text ?? '') || null });
    outlineFeeds(outline.outlines, found);
  }
}

export function runFeedsImport(path: string, globals: Globals, context: FeedCommandContext): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw context.usageError(`${sanitizeLine(path)}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not an OPML file' : String(code)}.`);
  }
  if (/<!DOCTYPE[^>[]*\[[\s\S]*?<!ENTITY/i.test(text.slice(0, 64 * 1024))) {
    throw context.usageError(`${sanitizeLine(path)}: the file declares XML entities (a possible entity bomb); not imported.`);
  }
  let document: ReturnType<typeof parseOpml>;
  try {
    document = parseOpml(text);
  } catch (error) {
    throw context.usageError(`${sanitizeLine(path)}: not an OPML file (${error instanceof Error ? error.message : String(error)}).`);
  }
  const found: { url: string; name: string | null }[] = [];
  outlineFeeds(document.body?.outlines as Outline[] | undefined, found);
  const file = subscriptions();
  const present = new Set(file.subscriptions.map((subscription) => subscription.url));
  const added: Subscription[] = [];
  const skipped: string[] = [];
  let already = 0;
  for (const feed of found) {
    if (!isWebUrl(feed.url)) skipped.push(`"${sanitizeLine(feed.url).slice(0, 200)}" is not an http or https address`);
    else if (present.has(feed.url) || added.some((subscription) => subscription.url === feed.url)) already++;
    else added.push(feed);
  }
  if (added.length) writeSubscriptions(file.path, withAdded(file, added));
  for (const reason of skipped) err(`${sanitizeLine(path)}: ${reason}; skipped`);
  if (globals.json) return json({ added, alreadySubscribed: already, skipped });
  out(`Imported ${added.length} feed${added.length === 1 ? '' : 's'} from ${sanitizeLine(path)}${already ? ` (${already} already subscribed)` : ''}.`);
  out(added.length ? ' Run `newsdesk refresh` to fetch them.\n' : '\n');
}

export function runFeedsExport(): void {
  const file = subscriptions();
  const outlines = file.subscriptions.map((subscription) => {
    const name = feedDisplayName(subscription, readFeedState(folderOf(subscription.url), subscription.url));
    return { text: name, title: name, type: 'rss', xmlUrl: subscription.url };
  });
  out(`${generateOpml({ head: { title: 'newsdesk subscriptions', dateCreated: new Date() }, body: { outlines } })}\n`);
}

export async function runRefresh(options: { timeout?: number }, globals: Globals, context: FeedCommandContext): Promise<void> {
  const file = subscriptions();
  if (!file.subscriptions.length) {
    err(`no subscriptions to refresh. Add one with: newsdesk feeds add <url> (they are kept in ${file.path})`);
    return;
  }
  const progress = process.stderr.isTTY && !globals.json ? createProgressBar('Refreshing', process.stderr.columns || 80) : undefined;
  const onProgress = ({ done, total, result }: RefreshProgress): void => {
    if (result && !globals.json) {
      // The line goes above the bar: erase the bar, print, and let the next update redraw it.
      progress?.done();
      out(`${describeResult(result)}\n`);
    }
    progress?.update(done, total);
  };
  const results = await refreshAll(file.subscriptions, refreshOptions(options.timeout), onProgress);
  progress?.done();
  if (globals.json) json(results);
  if (results.some((result) => result.status === 'failed')) context.setExitCode(1);
}

/** For the reader's `r`: refresh every subscription in the background; resolves with each feed's result. */
export async function refreshSubscriptions(onProgress?: (progress: RefreshProgress) => void, signal?: AbortSignal): Promise<FeedRefreshResult[]> {
  const file = readSubscriptions(subscriptionsPath());
  if (!file.subscriptions.length) return [];
  const options = refreshOptions();
  return refreshAll(file.subscriptions, { ...options, fetch: { ...options.fetch, signal } }, onProgress);
}

/** What the reader's status line says while a refresh runs. */
export function refreshProgressText(progress: RefreshProgress, newItems: number): string {
  return `Refreshing feeds: ${progress.done} of ${progress.total} done${newItems ? `, ${newItems} new item${newItems === 1 ? '' : 's'}` : ''}…`;
}

/**
 * The reader's `r` with subscriptions: refreshes every feed, telling `report` how far it got, and
 * returns each failed feed as a problem (its address and why), for the reader's warnings.
 */
export async function refreshForReader(report?: (text: string) => void): Promise<{ path: string; reason: string }[]> {
  let newItems = 0;
  const results = await refreshSubscriptions((progress) => {
    newItems += progress.result?.newItems ?? 0;
    report?.(refreshProgressText(progress, newItems));
  });
  return results.filter((result) => result.status === 'failed').map((result) => ({ path: result.url, reason: `feed not refreshed: ${result.error ?? 'unknown error'}` }));
}

/** Whether there is anything to refresh: the reader says so instead of starting an empty refresh. */
export function hasSubscriptions(): boolean {
  return existsSync(subscriptionsPath()) && readSubscriptions(subscriptionsPath()).subscriptions.length > 0;
}
