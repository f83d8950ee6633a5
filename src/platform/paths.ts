import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where newsdesk keeps its files, by the XDG base directory spec: `$XDG_<KIND>_HOME/newsdesk`, or the
 * spec's default below the home folder when the variable is unset, empty or relative (the spec says to
 * ignore relative paths). Imports nothing but node: the list's start path asks it.
 */
type Env = Record<string, string | undefined>;

function xdgDirectory(env: Env, name: string, fallback: string[], home: string): string {
  const value = env[name];
  return join(value && isAbsolute(value) ? value : join(home, ...fallback), 'newsdesk');
}

/** `$XDG_CACHE_HOME/newsdesk` (default `~/.cache/newsdesk`): caches, safe to delete. */
export function cacheDirectory(env: Env = process.env, home = homedir()): string {
  return xdgDirectory(env, 'XDG_CACHE_HOME', ['.cache'], home);
}

/** `$XDG_STATE_HOME/newsdesk` (default `~/.local/state/newsdesk`): the reading state. */
export function stateDirectory(env: Env = process.env, home = homedir()): string {
  return xdgDirectory(env, 'XDG_STATE_HOME', ['.local', 'state'], home);
}

/** `$XDG_CONFIG_HOME/newsdesk` (default `~/.config/newsdesk`): files a person edits (the subscriptions). */
export function configDirectory(env: Env = process.env, home = homedir()): string {
  return xdgDirectory(env, 'XDG_CONFIG_HOME', ['.config'], home);
}

/** `$XDG_DATA_HOME/newsdesk` (default `~/.local/share/newsdesk`): stored feed items and per-feed state. */
export function dataDirectory(env: Env = process.env, home = homedir()): string {
  return xdgDirectory(env, 'XDG_DATA_HOME', ['.local', 'share'], home);
}

export const STATE_FILE_NAME = 'state.json';

export function stateFilePath(directory: string): string {
  return join(directory, STATE_FILE_NAME);
}
