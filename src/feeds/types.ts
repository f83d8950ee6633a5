import type { Command } from 'commander';

/** One line of the subscriptions file: a feed's URL and, when the person gave one, its name. */
export interface Subscription {
  url: string;
  name: string | null;
}

/** A line of the subscriptions file that is not a subscription, and why. */
export interface SubscriptionProblem {
  line: number;
  reason: string;
}

/** What newsdesk remembers about a feed between refreshes (`feed.json` in the feed's folder). */
export interface FeedState {
  url: string;
  /** The feed's own title, as last fetched. */
  title: string | null;
  /** The address the feed was last fetched from after redirects. */
  fetchedUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  /** When the last refresh finished (ISO 8601), whether or not it succeeded. */
  lastFetched: string | null;
  /** When the feed last answered with a feed (or "not modified"). */
  lastSuccess: string | null;
  lastError: string | null;
}

/** One entry of a parsed feed, whatever its format, before it is stored. Text fields are raw. */
export interface FeedEntry {
  /** The feed's own id for the entry (guid, Atom id, JSON Feed id), or its link. */
  key: string;
  title: string | null;
  link: string | null;
  /** ISO 8601, or null when the feed gives no date it can be read from. */
  date: string | null;
  author: string | null;
  /** The entry's full content (content:encoded, Atom content, content_html) as HTML, if any. */
  contentHtml: string | null;
  /** Its summary (description, Atom summary), as HTML. */
  summaryHtml: string | null;
  /** JSON Feed's content_text, or Atom text content: plain text. */
  contentText: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  link: string | null;
  entries: FeedEntry[];
}

/** How one feed's refresh went: what a person sees as one line. */
export interface FeedRefreshResult {
  url: string;
  name: string;
  status: 'updated' | 'unchanged' | 'failed';
  newItems: number;
  /** Items whose page could not be fetched or extracted, so they keep the feed's own text. */
  fallbackItems: number;
  error: string | null;
}

export interface RefreshProgress {
  done: number;
  total: number;
  /** The feed that just finished, when one did. */
  result?: FeedRefreshResult;
}

/** What the CLI gives the feed commands. */
export interface FeedCommandContext {
  /** The global options (`--json`, `--no-color`, ...) as the command sees them. */
  globals(command: Command): { json?: boolean; color: boolean };
  /** An error the CLI reports as a usage error (exit 2). */
  usageError(message: string): Error;
  /** Sets the exit code without throwing (refresh exits 1 when a feed failed). */
  setExitCode(code: number): void;
}
