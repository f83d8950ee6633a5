import { builtWorkerScript } from '../platform/worker-script.js';

declare const __NEWSDESK_ANALYSIS_BUILD__: string | undefined;

/**
 * The worker entry scripts/build.mjs writes beside the bundle (dist/compare-worker.js), from the
 * bundle or one of its chunks; none when running from the sources, where callers work on this thread.
 */
export function analysisWorkerScript(): string | undefined {
  return typeof __NEWSDESK_ANALYSIS_BUILD__ === 'string' ? builtWorkerScript('compare-worker.js') : undefined;
}
