import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

declare const __NEWSDESK_ANALYSIS_BUILD__: string | undefined;

/**
 * The worker entry scripts/build.mjs writes beside the bundle (dist/compare-worker.js), from the
 * bundle or one of its chunks; none when running from the sources, where callers work on this thread.
 */
export function analysisWorkerScript(): string | undefined {
  if (typeof __NEWSDESK_ANALYSIS_BUILD__ !== 'string') return undefined;
  for (const candidate of ['./compare-worker.js', '../compare-worker.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}
