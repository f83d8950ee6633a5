import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDirectory } from './paths.js';

/** The reader's config file: `$XDG_CONFIG_HOME/newsdesk/config.yml` (default `~/.config/newsdesk/config.yml`). */
export function configFilePath(env: Record<string, string | undefined> = process.env): string {
  return join(configDirectory(env), 'config.yml');
}

/** The config file's text; null when there is none, a problem when it cannot be read. */
export function readConfigFile(path: string): { text: string | null; problem: string | null } {
  try {
    return { text: readFileSync(path, 'utf8'), problem: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { text: null, problem: null };
    return { text: null, problem: `${path}: could not be read (${code ?? String(error)}); using the defaults` };
  }
}
