import { readFileSync } from 'node:fs';
import { sanitizeLine } from '../library/sanitize.js';
import { writeFileAtomicSync } from '../platform/atomic.js';
import { isWebUrl } from './fetch.js';
import type { Subscription, SubscriptionProblem } from './types.js';

/**
 * The subscriptions file, made to be edited by hand: one feed a line, its URL, then optionally a
 * name after a space. Blank lines and lines starting with "#" are kept as they are when newsdesk
 * rewrites the file (adding or removing a feed changes only that feed's line).
 */

const HEADER = [
  '# newsdesk subscriptions: one feed a line, its address then an optional name.',
  '# Lines starting with # are comments. `newsdesk feeds add` and `remove` edit this file too.',
  '',
];

export interface SubscriptionsFile {
  path: string;
  /** Every line as read, so comments and order survive a rewrite. */
  lines: string[];
  subscriptions: Subscription[];
  problems: SubscriptionProblem[];
}

export function parseSubscriptionLine(line: string): Subscription | undefined {
  const trimmed = line.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  const [url, ...name] = trimmed.split(/\s+/);
  return { url, name: name.length ? sanitizeLine(name.join(' ')) : null };
}

export function parseSubscriptions(text: string, path: string): SubscriptionsFile {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const subscriptions: Subscription[] = [];
  const problems: SubscriptionProblem[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const subscription = parseSubscriptionLine(line);
    if (!subscription) return;
    if (!isWebUrl(subscription.url)) {
      problems.push({ line: index + 1, reason: `"${sanitizeLine(subscription.url).slice(0, 200)}" is not an http or https address; ignored` });
    } else if (seen.has(subscription.url)) {
      problems.push({ line: index + 1, reason: `${sanitizeLine(subscription.url)} is listed twice; the first line counts` });
    } else {
      seen.add(subscription.url);
      subscriptions.push(subscription);
    }
  });
  return { path, lines: text ? lines : [], subscriptions, problems };
}

/** The subscriptions file, or an empty one when it does not exist yet. */
export function readSubscriptions(path: string): SubscriptionsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, lines: [], subscriptions: [], problems: [] };
    throw error;
  }
  return parseSubscriptions(text, path);
}

export function subscriptionLine(subscription: Subscription): string {
  return subscription.name ? `${subscription.url} ${subscription.name}` : subscription.url;
}

/** The file with these subscriptions added at the end (those already in it are left alone). */
export function withAdded(file: SubscriptionsFile, added: Subscription[]): string[] {
  const lines = file.lines.length ? [...file.lines] : [...HEADER];
  const present = new Set(file.subscriptions.map((subscription) => subscription.url));
  for (const subscription of added) {
    if (present.has(subscription.url)) continue;
    present.add(subscription.url);
    lines.push(subscriptionLine(subscription));
  }
  return lines;
}

/** The file without the line of this feed. */
export function withRemoved(file: SubscriptionsFile, url: string): string[] {
  return file.lines.filter((line) => parseSubscriptionLine(line)?.url !== url);
}

export function writeSubscriptions(path: string, lines: string[]): void {
  writeFileAtomicSync(path, `${lines.join('\n')}\n`);
}
