import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where newsdesk keeps its files, by the XDG base directory spec: relative values of the variables
 * are ignored, as the spec says.
 */

/** Where newsdesk keeps caches: `$XDG_CACHE_HOME/newsdesk`, or `~/.cache/newsdesk`. */
export function cacheDirectory(env: Record<string, string | undefined> = process.env, home = homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.cache');
  return join(base, 'newsdesk');
}

/**
 * Where newsdesk keeps its state: `$XDG_STATE_HOME/newsdesk`, or `~/.local/state/newsdesk` when the
 * variable is unset, empty or relative (the XDG spec says to ignore relative paths).
 */
export function stateDirectory(env: Record<string, string | undefined> = process.env, home = homedir()): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'state');
  return join(base, 'newsdesk');
}

export const STATE_FILE_NAME = 'state.json';

export function stateFilePath(directory: string): string {
  return join(directory, STATE_FILE_NAME);
}
