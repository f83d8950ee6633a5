import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker entry scripts/build.mjs writes beside the bundle (dist/<name>), found from the bundle or one
 * of its chunks (dist/chunks/), whichever holds the caller; undefined when it is not there (running
 * from the sources, where callers do the work on their own thread).
 */
export function builtWorkerScript(name: string): string | undefined {
  for (const candidate of [`./${name}`, `../${name}`]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}
