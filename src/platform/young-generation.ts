/** The flag, as V8 takes it at run time. */
export const YOUNG_GENERATION_FLAG = '--semi-space-growth-factor=1';

/** Where the code cache leaves what to run before V8's flags change (a global: it runs before the bundle). */
export const BEFORE_V8_FLAGS_CHANGE = Symbol.for('newsdesk.beforeV8FlagsChange');

/** Whether keepYoungGenerationSmall has set the flag in this process. */
let flagSet = false;

/**
 * Keeps V8's young generation at its starting size for the rest of the run. Loading and filtering a
 * library of 10,000 articles keeps much of what it allocates (the articles, the filter's words), and
 * V8 answers that by doubling the young generation's semi-spaces up to 16 MB each: about 30 MB of
 * peak memory for scavenges that are no faster to the eye. `--max-semi-space-size` would cap it, but
 * Node takes that flag only on its command line (the bin would have to start a second Node); the
 * growth factor is read each time the young generation would grow, so setting it to 1 at run time
 * stops the growth from then on.
 *
 * Only on V8 11 (Node 20), where it was tried: V8 writes an unknown flag's complaint to stdout, which
 * is the reader's screen, and a later V8's flag definitions raise the factor to at least 2 (a minimum value),
 * so there it would do nothing. `node:v8` is loaded here, not at start (5 ms).
 *
 * V8 keys the code it caches by its flags: code compiled before this change and saved after it would
 * be refused next time, before it. The code cache (src/platform/code-cache.ts) is told first.
 */
export function keepYoungGenerationSmall(): void {
  const major = Number(process.versions.v8.split('.')[0]);
  if (major !== 11) return;
  try {
    (globalThis as { [BEFORE_V8_FLAGS_CHANGE]?: () => void })[BEFORE_V8_FLAGS_CHANGE]?.();
    process.getBuiltinModule('node:v8').setFlagsFromString(YOUNG_GENERATION_FLAG);
    flagSet = true;
  } catch {
    // An older Node 20 without getBuiltinModule: the young generation grows as usual.
  }
}

/**
 * A worker thread, once started, sets V8's flags (process-wide) back to their defaults: seen on Node 20,
 * where the young generation then grew from 2 to 32 MB. The flag is set again as soon as the worker is
 * online, when this process had set it. Every `new Worker` of the program goes through this.
 */
export function keepYoungGenerationSmallAfter(worker: { once(event: 'online', listener: () => void): unknown }): void {
  worker.once('online', () => {
    if (flagSet) keepYoungGenerationSmall();
  });
}
