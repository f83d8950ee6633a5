import { render, type Instance } from 'ink';
import { writeSync } from 'node:fs';
import type { LoadResult } from '../library/types.js';
import { stateDirectory } from '../state/paths.js';
import { loadReadState, saveReadState } from '../state/read-state.js';
import { App } from './App.js';
import { openUrl } from '../platform/open-url.js';
import { createModel, withCurrentPosition, type Model } from './model.js';

export interface ReaderOptions {
  load: LoadResult;
  color: boolean;
  /** Folder for state.json; defaults to `$XDG_STATE_HOME/newsdesk` (or `~/.local/state/newsdesk`). */
  stateDir?: string;
}

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H';
/** Leaves the alternate screen (the user's scrollback comes back untouched) and shows the cursor. */
const RESTORE_TERMINAL = '\x1b[?25h\x1b[?1049l';

/** Blanks the visible screen and homes the cursor; the scrollback is not touched. */
const CLEAR_VISIBLE_SCREEN = '\x1b[2J\x1b[H';

/**
 * The stdout Ink draws to. Two Ink behaviours break a full-screen reader on resize: Ink redraws its old
 * frame at the new size before the app hears of the resize (for a moment a frame taller than the
 * terminal), and when its last frame was as tall as the terminal it clears the screen and the scrollback
 * ("\x1b[2J\x1b[3J"). So Ink is not told of resizes (the App follows the real stdout and draws the new
 * frame itself), and it sees no row limit: our frames are rows - 1 lines by construction (layout.ts).
 */
function stdoutForInk(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const ignoreResize = (event: string, listener: (...args: unknown[]) => void): NodeJS.WriteStream => {
    if (event !== 'resize') stdout.on(event, listener);
    return proxy;
  };
  const proxy: NodeJS.WriteStream = new Proxy(stdout, {
    get(target, property) {
      if (property === 'rows') return Number.MAX_SAFE_INTEGER;
      if (property === 'on' || property === 'addListener') return ignoreResize;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return proxy;
}

const SIGNALS = { SIGTERM: 15, SIGHUP: 1, SIGINT: 2 } as const;

/**
 * The interactive reader. Enters the alternate screen, draws with Ink, and on every way out (q, Ctrl+C,
 * SIGTERM, SIGHUP, an uncaught error) saves the reading position and puts the terminal back: alternate
 * screen left, cursor shown, raw mode off. Sends no terminal queries (they hang over SSH and in tmux).
 */
export async function runReader(options: ReaderOptions): Promise<void> {
  const stdout = process.stdout;
  const stdin = process.stdin;
  const directory = options.stateDir ?? stateDirectory();
  const { state: readState, problem } = loadReadState(directory);

  const initial = createModel({
    load: options.load,
    size: { cols: stdout.columns || 80, rows: stdout.rows || 24 },
    color: options.color,
    screenReader: process.env.INK_SCREEN_READER === 'true',
    readState,
    notices: problem ? [`State: ${problem.message}`] : [],
  });

  let latest: Model = initial;
  let instance: Instance | undefined;
  let restored = false;

  const save = (state: Model['readState']): string | null => {
    const failure = saveReadState(directory, state);
    return failure ? `State not saved: ${failure.message}` : null;
  };

  // Ink no longer blanks a narrower terminal itself (see stdoutForInk): the next frame starts on a blank
  // screen. Only while the reader is on the alternate screen.
  const onResize = (): void => {
    if (!restored) stdout.write(CLEAR_VISIBLE_SCREEN);
  };

  /** Idempotent, synchronous and safe to call from any handler, including during process exit. */
  const restoreTerminal = (): void => {
    if (restored) return;
    restored = true;
    stdout.off('resize', onResize);
    try {
      instance?.unmount();
    } catch {
      // Unmounting a broken tree may throw; the terminal must still be restored below.
    }
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      // stdin may already be closed (a dropped SSH link).
    }
    try {
      writeSync(1, RESTORE_TERMINAL);
    } catch {
      // stdout is gone (SIGHUP): nothing left to restore.
    }
    stdin.pause();
  };

  const savePosition = (): void => {
    try {
      saveReadState(directory, withCurrentPosition(latest));
    } catch {
      // Best effort on the way out.
    }
  };

  const onSignal = (signal: keyof typeof SIGNALS) => () => {
    savePosition();
    restoreTerminal();
    process.exit(128 + SIGNALS[signal]);
  };
  const onFatal = (error: unknown): void => {
    restoreTerminal();
    process.stderr.write(`newsdesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  };
  const handlers = {
    SIGTERM: onSignal('SIGTERM'),
    SIGHUP: onSignal('SIGHUP'),
    SIGINT: onSignal('SIGINT'),
  };
  for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  process.on('exit', restoreTerminal);

  try {
    // Raw mode before the first frame: keys typed while Ink starts are kept for it, not echoed
    // over the screen or held back by the line editor until Enter.
    if (stdin.isTTY) stdin.setRawMode(true);
    stdout.write(ENTER_ALTERNATE_SCREEN);
    // Before the App's own listener, so the screen is blank before the new frame is drawn.
    stdout.prependListener('resize', onResize);
    instance = render(
      <App
        initial={initial}
        openUrl={(url) => openUrl(url)}
        save={save}
        terminal={stdout}
        onState={(state) => {
          latest = state;
        }}
      />,
      {
        stdout: stdoutForInk(stdout),
        exitOnCtrlC: false,
        patchConsole: false,
        // Opt out explicitly: the kitty keyboard probe is a terminal query.
        kittyKeyboard: { mode: 'disabled' },
      },
    );
    await instance.waitUntilExit();
  } finally {
    restoreTerminal();
    for (const [signal, handler] of Object.entries(handlers)) process.off(signal, handler);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
    process.off('exit', restoreTerminal);
  }
}
