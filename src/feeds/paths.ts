import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where feeds live. This module is on the list's start path (the CLI asks it whether there are
 * subscriptions), so it imports nothing but node: the feed code itself loads only for feed commands.
 */
type Env = Record<string, string | undefined>;

/** `$name/newsdesk`, or `~/<fallback>/newsdesk` when the variable is unset, empty or relative (as XDG says). */
function xdgDirectory(env: Env, name: string, fallback: string[], home: string): string {
  const value = env[name];
  return join(value && isAbsolute(value) ? value : join(home, ...fallback), 'newsdesk');
}

/** `$XDG_CONFIG_HOME/newsdesk` (default `~/.config/newsdesk`): the subscriptions file a person edits. */
export function configDirectory(env: Env = process.env, home = homedir()): string {
  return xdgDirectory(env, 'XDG_CONFIG_HOME', ['.config'], home);
}

/** `$XDG_DATA_HOME/newsdesk` (default `~/.local/share/newsdesk`): stored items and per-feed state. */
export function dataDirectory(env: Env = process.env, home = homedir()): string {
  return xdgDirectory(env, 'XDG_DATA_HOME', ['.local', 'share'], home);
}

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
