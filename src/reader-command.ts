import { statSync } from 'node:fs';
import { storedItemsDirectory } from './feeds/paths.js';
import { bundledArticlesDir } from './library/bundled.js';
import { sanitizeLine } from './library/sanitize.js';
import type { LoadResult } from './library/types.js';
import { keepYoungGenerationSmall } from './platform/young-generation.js';
import { shouldUseAscii, shouldUseColor } from './render/color.js';

/**
 * `newsdesk` in a terminal: the reader on a library. Shared by cli.ts (commander) and main.ts, which
 * starts it without commander for the usual command lines. Nothing here loads the library code (or its
 * YAML parser) statically: the list's first frame is drawn before they are needed (tui/start.ts).
 */

export interface ReaderCommandOptions {
  dir?: string[];
  color: boolean;
  width?: number;
}

/**
 * The options of a command line that only starts the reader (`--dir <folder>` any number of times,
 * `--no-color`), which main.ts runs without commander; undefined for anything else.
 */
export function plainReaderStart(args: string[]): ReaderCommandOptions | undefined {
  const options: ReaderCommandOptions = { color: true };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--no-color') {
      options.color = false;
      continue;
    }
    const dir = args[i] === '--dir' ? args[++i] : args[i].startsWith('--dir=') ? args[i].slice('--dir='.length) : undefined;
    // Any other word, and an empty, dash-led or missing folder, are commander's to parse or explain.
    if (dir === undefined || dir === '' || dir.startsWith('-')) return undefined;
    (options.dir ??= []).push(dir);
  }
  return options;
}

/** A failure the user caused and can fix: one line on stderr, then exit 2. */
export class UsageError extends Error {}

/** Usage errors (unknown id, bad option value, missing folder) exit with this code. */
export const USAGE_ERROR = 2;

/** The exit code for an error a command threw, after saying what it was on stderr. */
export function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`newsdesk: ${error.message}\n`);
    return USAGE_ERROR;
  }
  process.stderr.write(`newsdesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

/** More problems than this are counted, not listed: a folder of 50,000 empty files is one message. */
const MAX_PROBLEMS_LISTED = 20;

/** What reportProblems writes on stderr. */
export function problemText(problems: LoadResult['problems']): string {
  let text = '';
  for (const problem of problems.slice(0, MAX_PROBLEMS_LISTED)) {
    // Sanitised again: a reason read back from the cache's index is not trusted.
    text += `newsdesk: ${sanitizeLine(problem.path)}: ${sanitizeLine(problem.reason)}\n`;
  }
  const more = problems.length - MAX_PROBLEMS_LISTED;
  if (more > 0) text += `newsdesk: ... and ${more.toLocaleString('en-US')} more files that could not be read\n`;
  return text;
}

export function reportProblems(problems: LoadResult['problems']): void {
  const text = problemText(problems);
  if (text) process.stderr.write(text);
}

export function libraryDirs(options: { dir?: string[] }): string[] {
  // With feeds, the default library is the stored items and the bundled articles together.
  return options.dir?.length ? options.dir : [storedItemsDirectory(), bundledArticlesDir()].filter((dir) => dir !== undefined);
}

/** The library loaded (the loader imported on first use); problems are the caller's to report. */
async function loadLibrary(options: ReaderCommandOptions): Promise<LoadResult> {
  const { DirectoryError, loadArticles } = await import('./library/load.js');
  try {
    return loadArticles(libraryDirs(options));
  } catch (error) {
    if (error instanceof DirectoryError) throw new UsageError(`--dir ${sanitizeLine(error.message)}`);
    throw error;
  }
}

/** The reader's `r`: the feeds refreshed (only for the default library), then the library read again. */
async function refreshAndLoad(options: ReaderCommandOptions, report: (text: string) => void): Promise<LoadResult> {
  let failed: LoadResult['problems'] = [];
  if (!options.dir?.length) {
    const feeds = await import('./feeds/run.js');
    if (feeds.hasSubscriptions()) {
      report('Refreshing feeds…');
      failed = await feeds.refreshForReader(report);
    }
  }
  const result = await loadLibrary(options);
  return { ...result, problems: [...result.problems, ...failed] };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Runs the reader (stdin and stdout are a terminal), then ends the process. */
export async function runReaderCommand(options: ReaderCommandOptions): Promise<void> {
  const dirs = libraryDirs(options);
  // The cache's view of the library draws the first frame, or without a cache each file's front matter
  // (a large library); only for folders that are there (a missing one is a usage error, found by the
  // full load before anything is drawn).
  const present = dirs.every(isFolder);
  let loaded: LoadResult | undefined;
  let drawnFrom: LoadResult | undefined;
  const { startReader } = await import('./tui/start.js');
  try {
    await startReader({
      cached: present
        ? async () => {
            const { loadArticleHeads, loadCachedLibrary } = await import('./library/load.js');
            // Before 10,000 articles are made from the index, not after: the young generation would
            // have grown for them, and it does not shrink back (about 25 MB of peak memory).
            keepYoungGenerationSmall();
            const fromIndex = loadCachedLibrary(dirs);
            if (fromIndex) {
              // The reader runs on this library unless the check finds files changed (then load below).
              loaded = drawnFrom = fromIndex.load;
              return fromIndex;
            }
            drawnFrom = loadArticleHeads(dirs);
            return drawnFrom && { load: drawnFrom };
          }
        : undefined,
      dirs: present ? dirs : undefined,
      load: async () => {
        // After the first frame drawn from each file's front matter, that library is let go before the
        // library is loaded in full (10,000 articles are 10 MB or more); the reader shows only what this
        // load returns. One from the cache index is kept: the reader runs on it while this loads.
        if (drawnFrom && drawnFrom !== loaded) drawnFrom.articles.length = 0;
        drawnFrom = undefined;
        keepYoungGenerationSmall();
        return (loaded = await loadLibrary(options));
      },
      color: shouldUseColor({ noColorFlag: !options.color, env: process.env, isTTY: Boolean(process.stdout.isTTY) }),
      ascii: shouldUseAscii(process.env),
      // --width narrows the reader's measure; without it the terminal's width (at most 100) is used.
      measure: options.width,
      // `r` in the reader: the feeds refreshed, then the same folders read again (problems are shown in
      // the reader, not printed).
      reload: (report) => refreshAndLoad(options, report),
    });
  } finally {
    // After the reader has left the alternate screen, where they would have been drawn over.
    if (loaded) reportProblems(loaded.problems);
  }
  // Everything is saved and written (to a terminal: synchronously). Ending now spares the person the
  // wait for the heap to be torn down: quitting is over the moment the shell is back.
  process.exit(0);
}
