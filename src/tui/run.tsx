import { render, useStdin, type Instance } from 'ink';
import { writeSync } from 'node:fs';
import type { ReactNode } from 'react';
import type { LoadResult } from '../library/types.js';
import { stateDirectory } from '../platform/paths.js';
import { loadReadState, saveReadStateMerged } from '../state/read-state.js';
import { App } from './App.js';
import { openUrl } from '../platform/open-url.js';
import { lowerOtherThreadsPriority } from '../platform/thread-priority.js';
import { createModel, withCurrentPosition, type Model } from './model.js';
import { loadReaderConfig, type LoadedConfig } from './load-config.js';
import { BEGIN_SYNCHRONIZED_UPDATE, END_SYNCHRONIZED_UPDATE, FrameWriter } from './frame-update.js';

export interface ReaderOptions {
  load: LoadResult;
  color: boolean;
  /** For `r`: loads the library again, the feeds refreshed first (see App). */
  reload?: (report: (text: string) => void) => Promise<LoadResult>;
  /** Only ASCII for the marks the renderer adds. */
  ascii?: boolean;
  /** `--width`: a measure narrower than the terminal. */
  measure?: number;
  /** The config file; defaults to `$XDG_CONFIG_HOME/newsdesk/config.yml`. */
  configPath?: string;
  /** The config already loaded (start.ts reads it for the first frame). */
  config?: LoadedConfig;
  /** Folder for state.json; defaults to `$XDG_STATE_HOME/newsdesk` (or `~/.local/state/newsdesk`). */
  stateDir?: string;
  /** The read state already loaded from stateDir (loading it again would lose a problem it reported). */
  readState?: ReturnType<typeof loadReadState>;
  /** Resolves to the library as the files now hold it when they changed since the one it starts on (start.ts). */
  changed?: Promise<LoadResult | undefined>;
  /** Whether first-frame.ts has entered the alternate screen and drawn the list (Ink draws over it). */
  firstFrameDrawn?: boolean;
}

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H';
const HIDE_CURSOR = '\x1b[?25l';
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
function stdoutForInk(stdout: NodeJS.WriteStream, frames: { last: string; writer: FrameWriter | null }): NodeJS.WriteStream {
  const ignoreResize = (event: string, listener: (...args: unknown[]) => void): NodeJS.WriteStream => {
    if (event !== 'resize') stdout.on(event, listener);
    return proxy;
  };
  // Ink writes each frame whole (erase the last one, then every line): the last is kept to draw again
  // after a suspended reader is brought back with `fg`. Ink wraps a frame in three writes (begin
  // synchronized update, the frame, end it), one after the other in one call: they go out as one, so
  // a keypress costs one write and the terminal gets the frame in one piece. Of that frame only what
  // changed is written (frame-update.ts): a line scrolled is one row written.
  let held: string | undefined;
  const writeFrame = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    let text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text === BEGIN_SYNCHRONIZED_UPDATE && held === undefined && rest.length === 0) {
      held = text;
      return true;
    }
    if (held !== undefined) {
      text = held + text;
      held = undefined;
      if (!text.endsWith(END_SYNCHRONIZED_UPDATE) && rest.length === 0) {
        held = text;
        return true;
      }
    }
    if (text.includes('\n')) frames.last = text;
    const out = frames.writer ? frames.writer.write(text) : text;
    if (out === '' && rest.length === 0) return true;
    return (stdout.write as (...args: unknown[]) => boolean)(out, ...rest);
  };
  const proxy: NodeJS.WriteStream = new Proxy(stdout, {
    get(target, property) {
      if (property === 'rows') return Number.MAX_SAFE_INTEGER;
      if (property === 'on' || property === 'addListener') return ignoreResize;
      if (property === 'write') return writeFrame;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return proxy;
}

/** Mouse reporting (button events, SGR encoding) for wheel scrolling, only when the config asks for it. */
const MOUSE_ON = '\x1b[?1000h\x1b[?1006h';
const MOUSE_OFF = '\x1b[?1006l\x1b[?1000l';
/** A mouse report in SGR encoding: button;column;row, then M (press) or m (release). */
const MOUSE_REPORT = /\x1b\[<(\d+);\d+;\d+[Mm]/g;
const WHEEL_UP = 64;
const WHEEL_DOWN = 65;
/** Lines one notch of the wheel scrolls. */
const WHEEL_LINES = 3;

/** Turns wheel reports into arrow keys (the movement keys every screen answers to) and drops other mouse reports. */
export function translateMouse(input: string): string {
  if (!input.includes('\x1b[<')) return input;
  return input.replace(MOUSE_REPORT, (_report, button: string) => {
    const code = Number(button);
    if (code === WHEEL_UP) return '\x1b[A'.repeat(WHEEL_LINES);
    if (code === WHEEL_DOWN) return '\x1b[B'.repeat(WHEEL_LINES);
    return '';
  });
}

const SIGNALS = { SIGTERM: 15, SIGHUP: 1, SIGINT: 2, SIGQUIT: 3 } as const;
const CTRL_Z = '\x1a';

/**
 * Guards the input path. Ink's key parser throws on some sequences (Ctrl+F1–F4: \x1b[1;5P leaves a key
 * with no name and `input.startsWith` fails), and a throw there would end the reader. Every input event
 * goes through here: a sequence Ink cannot parse is dropped as an unknown key. Ctrl+Z, which raw mode
 * delivers as a byte instead of a signal, suspends the reader as it would a shell job.
 */
function InputGuard({ children, onSuspend, mouse }: { children: ReactNode; onSuspend: () => void; mouse: boolean }) {
  const { internal_eventEmitter: emitter } = useStdin();
  const guarded = emitter as typeof emitter & { newsdeskGuarded?: boolean };
  if (!guarded.newsdeskGuarded) {
    guarded.newsdeskGuarded = true;
    const emit = emitter.emit.bind(emitter);
    emitter.emit = (event: string | symbol, ...args: unknown[]): boolean => {
      if (event === 'input' && args[0] === CTRL_Z) {
        onSuspend();
        return true;
      }
      if (mouse && event === 'input' && typeof args[0] === 'string' && args[0].includes('\x1b[<')) {
        const keys = translateMouse(args[0]);
        if (keys === '') return true;
        // One arrow at a time, as Ink parses them.
        let handled = false;
        for (const arrow of keys.match(/\x1b\[[AB]|[^\x1b]+|\x1b/g) ?? []) {
          try {
            handled = emit(event, arrow) || handled;
          } catch {
            // as below
          }
        }
        return handled;
      }
      try {
        return emit(event, ...args);
      } catch {
        return false;
      }
    };
  }
  return <>{children}</>;
}

/**
 * The interactive reader. Enters the alternate screen, draws with Ink, and on every way out (q, Ctrl+C,
 * SIGTERM, SIGHUP, SIGQUIT, an uncaught error, the terminal going away) saves the reading position and
 * puts the terminal back: alternate screen left, cursor shown, raw mode off. Ctrl+Z or SIGTSTP gives the
 * terminal back while stopped; `fg` (SIGCONT) takes it again and redraws. Sends no terminal queries
 * (they hang over SSH and in tmux).
 */
export async function runReader(options: ReaderOptions): Promise<void> {
  const stdout = process.stdout;
  const stdin = process.stdin;
  const directory = options.stateDir ?? stateDirectory();
  const { state: readState, problem } = options.readState ?? loadReadState(directory);
  const { config, problem: configProblem } = options.config ?? (await loadReaderConfig(options.configPath));
  const color = options.color && config.theme !== 'mono';
  const restoreSequence = config.mouse ? MOUSE_OFF + RESTORE_TERMINAL : RESTORE_TERMINAL;

  const initial = createModel({
    load: options.load,
    size: { cols: stdout.columns || 80, rows: stdout.rows || 24 },
    color,
    ascii: options.ascii,
    measure: options.measure,
    theme: config.theme === 'mono' ? undefined : { name: config.theme, colors: config.colors },
    bindings: config.bindings,
    topic: config.topic ?? undefined,
    topics: config.topics,
    screenReader: process.env.INK_SCREEN_READER === 'true',
    readState,
    notices: [...(problem ? [`State: ${problem.message}`] : []), ...(configProblem ? [`Config: ${configProblem}`] : [])],
  });

  let latest: Model = initial;
  let instance: Instance | undefined;
  let restored = false;
  /** The terminal hung up (stdin ended, stdout failed): nothing may be written to it any more. */
  let terminalGone = false;
  let suspended = false;
  // NEWSDESK_FULL_REDRAW=1: every frame written whole, as Ink writes it (for a terminal that mishandles
  // scroll regions, and the tests' reference for what a screen must be).
  const frames = { last: '', writer: process.env.NEWSDESK_FULL_REDRAW === '1' ? null : new FrameWriter() };
  // What this reader last loaded or saved: a save writes only what changed since, merged with the disk.
  let base = readState;

  const save = (state: Model['readState']): string | null => {
    const { problem: failure } = saveReadStateMerged(directory, state, base);
    if (!failure) base = state;
    return failure ? `State not saved: ${failure.message}` : null;
  };

  const writeTerminal = (text: string): void => {
    if (terminalGone) return;
    try {
      writeSync(1, text);
    } catch {
      terminalGone = true;
    }
  };

  // Ink no longer blanks a narrower terminal itself (see stdoutForInk): the next frame starts on a blank
  // screen. Only while the reader is on the alternate screen.
  const onResize = (): void => {
    frames.writer?.forget();
    if (!restored && !suspended) writeTerminal(CLEAR_VISIBLE_SCREEN);
  };

  const setRawMode = (on: boolean): void => {
    try {
      if (stdin.isTTY && !terminalGone) stdin.setRawMode(on);
    } catch {
      // stdin may already be closed (a dropped SSH link).
    }
  };

  /** Idempotent, synchronous and safe to call from any handler, including during process exit. */
  const restoreTerminal = (): void => {
    if (restored) return;
    restored = true;
    stdout.off('resize', onResize);
    // A hung-up terminal fails every write with EIO, even an empty one: find out before writing.
    writeTerminal('');
    // Unmounting writes Ink's last frame: not to a terminal that is gone (the write fails with EIO).
    if (!terminalGone) {
      try {
        instance?.unmount();
      } catch {
        // Unmounting a broken tree may throw; the terminal must still be restored below.
      }
    }
    setRawMode(false);
    writeTerminal(restoreSequence);
    stdin.pause();
  };

  const savePosition = (): void => {
    try {
      save(withCurrentPosition(latest));
    } catch {
      // Best effort on the way out.
    }
  };

  /**
   * Ends the process. After a hang-up it ends by SIGHUP itself, as a job whose terminal went away
   * does: a normal exit makes Node reset the dead terminal's modes, which fails with EIO and aborts
   * on an assertion (ResetStdio).
   */
  const exit = (code: number): never => {
    if (terminalGone && process.platform !== 'win32') {
      process.removeAllListeners('SIGHUP');
      process.kill(process.pid, 'SIGHUP');
    }
    process.exit(code);
  };

  const onSignal = (signal: keyof typeof SIGNALS) => () => {
    savePosition();
    restoreTerminal();
    exit(128 + SIGNALS[signal]);
  };
  /**
   * The terminal went away (an SSH link dropped: stdin ends before SIGHUP arrives, or a write fails
   * with EIO). Save the real position first, then leave without a word: there is no one to read it.
   */
  const onHangUp = (): void => {
    terminalGone = true;
    savePosition();
    restoreTerminal();
    exit(128 + SIGNALS.SIGHUP);
  };
  const onStdoutError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EIO' || error.code === 'EPIPE' || error.code === 'ENXIO' || error.code === 'EBADF') onHangUp();
    else onFatal(error);
  };

  /** Ctrl+Z or SIGTSTP: give the terminal back as it was found, then stop for real. */
  const onSuspend = (): void => {
    if (restored || suspended) return;
    suspended = true;
    frames.writer?.forget();
    savePosition();
    setRawMode(false);
    writeTerminal(restoreSequence);
    process.kill(process.pid, 'SIGSTOP');
  };
  /** `fg`: take the terminal again and draw the last frame on a blank alternate screen. */
  const onContinue = (): void => {
    if (restored || !suspended) return;
    suspended = false;
    frames.writer?.forget();
    setRawMode(true);
    writeTerminal(ENTER_ALTERNATE_SCREEN + (config.mouse ? MOUSE_ON : '') + HIDE_CURSOR + CLEAR_VISIBLE_SCREEN + frames.last);
  };

  const onFatal = (error: unknown): void => {
    restoreTerminal();
    if (!terminalGone) process.stderr.write(`newsdesk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    exit(1);
  };
  const handlers: Record<string, () => void> = {
    SIGTERM: onSignal('SIGTERM'),
    SIGHUP: onSignal('SIGHUP'),
    SIGINT: onSignal('SIGINT'),
    SIGQUIT: onSignal('SIGQUIT'),
    SIGTSTP: onSuspend,
    SIGCONT: onContinue,
  };
  const platformSignals = process.platform === 'win32' ? ['SIGTERM', 'SIGINT', 'SIGHUP'] : Object.keys(handlers);
  for (const signal of platformSignals) process.on(signal, handlers[signal]);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  process.on('exit', restoreTerminal);
  stdin.on('end', onHangUp);
  stdin.on('error', onHangUp);
  // Before the CLI's own handler, which treats anything but EPIPE as a crash.
  stdout.prependListener('error', onStdoutError);

  // The reader's thread first: V8's helpers compile and collect in the background at a lower priority.
  lowerOtherThreadsPriority();
  try {
    // Raw mode before the first frame: keys typed while Ink starts are kept for it, not echoed
    // over the screen or held back by the line editor until Enter.
    setRawMode(true);
    if (!options.firstFrameDrawn) writeTerminal(ENTER_ALTERNATE_SCREEN);
    if (config.mouse) writeTerminal(MOUSE_ON);
    // Before the App's own listener, so the screen is blank before the new frame is drawn.
    stdout.prependListener('resize', onResize);
    instance = render(
      <InputGuard onSuspend={onSuspend} mouse={config.mouse}>
        <App
          initial={initial}
          openUrl={(url) => openUrl(url)}
          save={save}
          terminal={stdout}
          reload={options.reload}
          changed={options.changed}
          drawAhead={
            frames.writer
              ? (rows) => {
                  // Through stdout, as Ink writes: in order with its frames.
                  const update = frames.writer?.draw(rows);
                  if (update && !terminalGone) stdout.write(update);
                }
              : undefined
          }
          onState={(state) => {
            latest = state;
          }}
        />
      </InputGuard>,
      {
        stdout: stdoutForInk(stdout, frames),
        exitOnCtrlC: false,
        patchConsole: false,
        // Opt out explicitly: the kitty keyboard probe is a terminal query.
        kittyKeyboard: { mode: 'disabled' },
      },
    );
    await instance.waitUntilExit();
  } finally {
    restoreTerminal();
    for (const signal of platformSignals) process.off(signal, handlers[signal]);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
    process.off('exit', restoreTerminal);
    stdin.off('end', onHangUp);
    stdin.off('error', onHangUp);
    stdout.off('error', onStdoutError);
  }
  // Said again once the screen is back, where it can be read in full and stays in the scrollback.
  for (const message of [problem?.message, configProblem]) {
    if (message && !terminalGone) process.stderr.write(`newsdesk: ${message}\n`);
  }
}

