import { writeSync } from 'node:fs';
import type { LoadResult } from '../library/types.js';
import { stateDirectory } from '../platform/paths.js';
import { loadReadState } from '../state/read-state.js';
import { canDrawFirstFrame, drawFirstFrame, firstListFrame, writeFirstFrame } from './first-frame.js';
import { openFrameSnapshot, type FrameSnapshot } from './frame-snapshot.js';
import type { Binding } from './keymap.js';
import { loadReaderConfig } from './load-config.js';

/** Leaves the alternate screen and shows the cursor (as run.tsx does on every way out). */
const RESTORE_TERMINAL = '\x1b[?25h\x1b[?1049l';

/** A library known before any file is read in full: from the cache index, or each file's front matter. */
export interface EarlyLibrary {
  load: LoadResult;
  /**
   * For a library from the cache index: whether the files are still as the index says. The reader
   * starts on the library at once and this runs meanwhile; only when it says no is the library loaded,
   * and the reader shown what changed. Without it, the library is loaded before the reader starts.
   */
  check?: () => Promise<boolean>;
}

export interface StartOptions {
  /** The library as the cache last saw it, without a look at any file: drawn first when there is one. */
  cached?: () => EarlyLibrary | undefined | Promise<EarlyLibrary | undefined>;
  /** The folders loaded, when all are there: the list's frame is kept for the next start (frame-snapshot.ts). */
  dirs?: string[];
  /**
   * Loads the library (checking every file); its result is what the reader shows. It may import the
   * library code first: a frame saved last time is drawn before (the loader and its YAML parser are
   * not on the way to it).
   */
  load: () => LoadResult | Promise<LoadResult>;
  color: boolean;
  ascii?: boolean;
  measure?: number;
  /** For `r` in the reader: the library loaded again, the feeds refreshed first. */
  reload?: (report: (text: string) => void) => Promise<LoadResult>;
}

/** After the reader: its list's opening frame, with the read state as it left it, for the next start. */
function keepFrame(snapshot: FrameSnapshot, library: LoadResult, directory: string, color: boolean, bindings: readonly Binding[]): void {
  const size = { cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
  const { state, problem } = loadReadState(directory);
  if (problem || !canDrawFirstFrame(size)) return;
  snapshot.save(firstListFrame(library, state, [], size, bindings), size, color);
}

/**
 * Starts the reader in the order that draws soonest: the read state, the list's first frame (from the
 * cache index when there is one, so 10,000 files are not looked at before it), then the library checked
 * against the files, then Ink, which takes over drawing the same frame, or what changed.
 */
export async function startReader(options: StartOptions): Promise<void> {
  const directory = stateDirectory();
  const readState = loadReadState(directory);
  // The config first: the first frame shows its keys, theme and problem as Ink will.
  const config = await loadReaderConfig();
  const notices = [...(readState.problem ? [`State: ${readState.problem.message}`] : []), ...(config.problem ? [`Config: ${config.problem}`] : [])];
  const color = options.color && config.config.theme !== 'mono';
  const size = { cols: process.stdout.columns || 80, rows: process.stdout.rows || 24 };
  let drawn = false;
  // Until the reader's own handlers are in place, a signal must still put the terminal back.
  const restore = (): void => {
    if (!drawn) return;
    drawn = false;
    try {
      process.stdin.setRawMode(false);
      writeSync(1, RESTORE_TERMINAL);
    } catch {
      // the terminal is gone
    }
  };
  const signals = { SIGTERM: 15, SIGHUP: 1, SIGINT: 2 } as const;
  const onSignal = Object.fromEntries(
    Object.entries(signals).map(([signal, number]) => [
      signal,
      () => {
        restore();
        process.exit(128 + number);
      },
    ]),
  );
  const guard = (on: boolean): void => {
    for (const [signal, handler] of Object.entries(onSignal)) {
      if (on) process.on(signal, handler);
      else process.off(signal, handler);
    }
    if (on) process.on('exit', restore);
    else process.off('exit', restore);
  };
  guard(true);
  try {
    // The frame this reader left last time, when nothing it was drawn from changed since; else the
    // frame of the library as its cache index saw it; else of the library loaded. (Not with a config
    // problem: its notice is not in a saved frame.)
    const bindings = config.config.bindings;
    const snapshot = options.dirs && !readState.problem && !config.problem && canDrawFirstFrame(size) ? openFrameSnapshot(options.dirs, directory, size, color) : undefined;
    if (snapshot?.frame) drawn = writeFirstFrame(snapshot.frame, size, color, process.stdin);
    const early = await options.cached?.();
    let shown = early?.load;
    if (!snapshot?.frame) {
      shown ??= await options.load();
      drawn = drawFirstFrame({ load: shown, readState: readState.state, notices, color, bindings, size, stdin: process.stdin });
    }
    let library: LoadResult;
    // The library the reader has last been given, for the frame kept at the end.
    let latest: LoadResult;
    let changed: Promise<LoadResult | undefined> | undefined;
    if (early?.check) {
      // Keys are answered while the files are checked (a few milliseconds at a time): a warm start of
      // 10,000 articles does not make the first key wait for 10,000 stats and a second reading of the
      // index. The reader starts on this library even when the check ends first, and is told after.
      library = latest = early.load;
      changed = early.check().then(async (matches) => {
        if (matches) return undefined;
        return (latest = await options.load());
      });
    } else {
      library = latest = early || !shown ? await options.load() : shown;
    }
    snapshot?.loaded();
    const { runReader } = await import('./run.js');
    guard(false);
    await runReader({
      load: library,
      color: options.color,
      stateDir: directory,
      readState,
      config,
      firstFrameDrawn: drawn,
      ascii: options.ascii,
      measure: options.measure,
      reload: options.reload,
      changed,
    });
    if (snapshot) keepFrame(snapshot, latest, directory, color, bindings);
  } catch (error) {
    restore();
    throw error;
  } finally {
    guard(false);
  }
}
