import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { configDirectory, dataDirectory } from '../platform/paths.js';

/**
 * Where feeds live. This module is on the list's start path (the CLI asks it whether there are
 * subscriptions), so it imports nothing but node: the feed code itself loads only for feed commands.
 */
type Env = Record<string, string | undefined>;

export { configDirectory, dataDirectory } from '../platform/paths.js';

export const SUBSCRIPTIONS_FILE_NAME = 'feeds.txt';

export function subscriptionsPath(env: Env = process.env): string {
  return join(configDirectory(env), SUBSCRIPTIONS_FILE_NAME);
}

/** One folder per feed below this, each holding its items as Markdown and its `feed.json` state. */
export function itemsDirectory(env: Env = process.env): string {
  return join(dataDirectory(env), 'feeds');
}

/**
 * The folder of stored items when the default library should include it: there are subscriptions,
 * or items are stored. Two stat calls, so the list's start stays as fast as before.
 */
export function storedItemsDirectory(env: Env = process.env): string | undefined {
  const items = itemsDirectory(env);
  return existsSync(items) ? items : undefined;
}
