/**
 * A real terminal for end-to-end tests: the built program runs in a pseudo-terminal (node-pty) and its
 * output is fed to a headless xterm, so tests read the screen a person would see, send real key bytes,
 * resize, and inspect the raw byte stream (escape sequences included).
 *
 *   const term = await openTerminal({ args: ['--dir', dir], cols: 80, rows: 24 });
 *   await term.waitForText('newsdesk');
 *   term.press('j', KEYS.enter);
 *   await term.waitForText(/min read/);
 *   term.press('q');
 *   const exit = await term.waitForExit();
 *   expect(term.leftAlternateScreen()).toBe(true);
 *   term.dispose();
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCiVariable, spawnPty, type PtySession } from '../../helpers/pty.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BIN = join(ROOT, 'bin', 'newsdesk.js');
export const BUNDLED_ARTICLES = join(ROOT, 'articles');

/** Bytes a terminal sends for keys that are not plain characters. */
export const KEYS = {
  enter: '\r',
  escape: '\x1b',
  tab: '\t',
  shiftTab: '\x1b[Z',
  backspace: '\x7f',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  ctrlC: '\x03',
} as const;

export const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h';
export const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
export const SHOW_CURSOR = '\x1b[?25h';
export const HIDE_CURSOR = '\x1b[?25l';

export interface TerminalOptions {
  /** Arguments after the script, e.g. ['--dir', folder]. */
  args?: string[];
  cols?: number;
  rows?: number;
  /** Added to (or, with undefined, removed from) the child's environment. */
  env?: Record<string, string | undefined>;
  /** XDG_STATE_HOME for the child; a fresh temporary folder (removed by dispose) when not given. */
  stateHome?: string;
  /** The script to run with node; the built bin by default. */
  entry?: string;
  cwd?: string;
}

export interface ExitStatus {
  exitCode: number;
  signal: number | undefined;
}

export type ScreenCheck = string | RegExp | ((screen: string) => boolean);

/** How long output must be quiet before a screen counts as settled (a frame is written in one go). */
const SETTLE_MS = 30;

/** The child's environment: ours without CI markers and colour overrides, plus the test's own. */
export function childEnv(stateHome: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || isCiVariable(name)) continue;
    if (name === 'NO_COLOR' || name === 'FORCE_COLOR' || name === 'INK_SCREEN_READER' || name.startsWith('VITEST') || name === 'NODE_ENV') continue;
    env[name] = value;
  }
  env.TERM = 'xterm-256color';
  env.XDG_STATE_HOME = stateHome;
  env.XDG_CACHE_HOME = join(stateHome, 'cache');
  // No feeds of the person running the tests: a test that wants some sets these itself.
  env.XDG_CONFIG_HOME = join(stateHome, 'config');
  env.XDG_DATA_HOME = join(stateHome, 'data');
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Builds dist/ when it is missing (`npm test` builds first, so normally it is there). */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'cli.js'))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

function describe(check: ScreenCheck): string {
  return typeof check === 'function' ? 'a screen matching the check' : String(check);
}

function matches(screen: string, check: ScreenCheck): boolean {
  if (typeof check === 'string') return screen.includes(check);
  if (check instanceof RegExp) return check.test(screen);
  return check(screen);
}

export class TestTerminal {
  private readonly session: PtySession;
  private readonly ownedStateHome: string | null;
  readonly stateHome: string;

  constructor(options: TerminalOptions = {}) {
    this.ownedStateHome = options.stateHome ? null : mkdtempSync(join(tmpdir(), 'newsdesk-e2e-'));
    this.stateHome = options.stateHome ?? this.ownedStateHome!;
    this.session = spawnPty({
      args: [options.entry ?? BIN, ...(options.args ?? [])],
      cols: options.cols ?? 80,
      rows: options.rows ?? 24,
      cwd: options.cwd ?? ROOT,
      env: childEnv(this.stateHome, options.env),
      scrollback: 1000,
      record: true,
    });
  }

  /** Everything the program wrote, as received (escape sequences included). */
  get output(): string {
    return this.session.output;
  }

  get pid(): number {
    return this.session.pid;
  }

  get exited(): boolean {
    return this.session.exited;
  }

  /** The visible screen's rows, trailing spaces trimmed. */
  lines(): string[] {
    return this.session.lines();
  }

  /** The visible screen as text, one row per line. */
  screen(): string {
    return this.session.screenText();
  }

  /** Text shown in inverse video (selection, search matches), one entry per run of inverse cells. */
  inverseText(): string[] {
    const { term } = this.session;
    const buffer = term.buffer.active;
    const runs: string[] = [];
    const cell = buffer.getNullCell();
    for (let y = 0; y < term.rows; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      if (!line) continue;
      let run = '';
      for (let x = 0; x < term.cols; x++) {
        line.getCell(x, cell);
        if (cell.isInverse()) run += cell.getChars() || (cell.getWidth() === 0 ? '' : ' ');
        else if (run !== '') {
          runs.push(run);
          run = '';
        }
      }
      if (run !== '') runs.push(run);
    }
    return runs;
  }

  /**
   * Every visible cell and the cursor: text (an empty cell told from a written blank, which a terminal
   * reflows as content), bold, dim, italic, underline, inverse and colours. Two screens equal here look
   * the same in any terminal.
   */
  cells(): string[] {
    const { term } = this.session;
    const buffer = term.buffer.active;
    const cell = buffer.getNullCell();
    const rows: string[] = [`cursor ${buffer.cursorX},${buffer.cursorY}`];
    for (let y = 0; y < term.rows; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      let row = '';
      for (let x = 0; x < term.cols; x++) {
        line?.getCell(x, cell);
        row += `${cell.getChars() || '∅'}${cell.isBold()}${cell.isDim()}${cell.isItalic()}${cell.isUnderline()}${cell.isInverse()}${cell.getFgColor()}/${cell.getBgColor()}|`;
      }
      rows.push(row);
    }
    return rows;
  }

  /** Waits until output has come after `since` (performance.now()) and then nothing for `quietMs`; false when none came. */
  async settle(since: number, quietMs = 150, noOutputMs = 3000): Promise<boolean> {
    return (await this.session.waitSettle(since, { quietMs, noOutputMs })) !== null;
  }

  /** Index of the last row with any text on it (frames never reach the last row). */
  lastUsedRow(): number {
    const rows = this.lines();
    for (let y = rows.length - 1; y >= 0; y--) if (rows[y].trim() !== '') return y;
    return -1;
  }

  /** Which xterm buffer is showing: 'alternate' while the reader runs, 'normal' after it restored the terminal. */
  bufferType(): 'normal' | 'alternate' {
    return this.session.term.buffer.active.type;
  }

  /** Sends keys: plain characters as typed, or entries of KEYS. Each argument is one write. */
  press(...keys: string[]): void {
    for (const key of keys) this.session.write(key);
  }

  /** Types text one character at a time (a paste would arrive as one chunk). */
  type(text: string): void {
    for (const char of text) this.session.write(char);
  }

  resize(cols: number, rows: number): void {
    this.session.resize(cols, rows);
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    this.session.kill(signal);
  }

  /**
   * Drops the line as a closing SSH session does: the pty's master side is closed, so the program's
   * stdin ends and its writes fail with EIO, and only then does SIGHUP arrive.
   */
  hangUp(): void {
    this.session.hangUp();
  }

  /** The device of the terminal's slave side (/dev/pts/N), for `stty -F` from outside. */
  get device(): string {
    return this.session.device;
  }

  /**
   * Resolves with the screen once the check passes on a settled screen; rejects with the screen as it was
   * after `timeout` ms. A frame can reach the pty in more than one chunk, so a check that passes on the
   * first rows is checked again once output has been quiet for SETTLE_MS: the screen returned is whole.
   */
  async waitFor(check: ScreenCheck, timeout = 10_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.session.waitFor((screen) => matches(screen, check), Math.max(0, deadline - Date.now()), describe(check));
      await this.session.settle(SETTLE_MS);
      if (matches(this.screen(), check)) return this.screen();
    }
  }

  /** Waits until the screen shows `text`. */
  waitForText(text: string | RegExp, timeout?: number): Promise<string> {
    return this.waitFor(text, timeout);
  }

  /** Waits until a piece of text is gone from the screen. */
  waitForNoText(text: string | RegExp, timeout?: number): Promise<string> {
    return this.waitFor((screen) => !matches(screen, text), timeout);
  }

  async waitForExit(timeout = 10_000): Promise<ExitStatus> {
    const info = await this.session.waitExit(timeout);
    if (!info) throw new Error(`program did not exit; screen:\n${this.screen()}`);
    return { exitCode: info.exitCode, signal: info.signal };
  }

  /** Whether the last alternate-screen switch in the byte stream is the one that leaves it. */
  leftAlternateScreen(): boolean {
    const entered = this.output.lastIndexOf(ENTER_ALTERNATE_SCREEN);
    const left = this.output.lastIndexOf(LEAVE_ALTERNATE_SCREEN);
    return entered >= 0 && left > entered;
  }

  /** Whether the cursor was shown after it was last hidden. */
  cursorShown(): boolean {
    return this.output.lastIndexOf(SHOW_CURSOR) > this.output.lastIndexOf(HIDE_CURSOR);
  }

  /** Every escape sequence in the byte stream (CSI, OSC, DCS and two-byte escapes), for hostile-input checks. */
  escapeSequences(): string[] {
    return this.output.match(/\x1b(?:\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[\x20-\x7e])/g) ?? [];
  }

  dispose(): void {
    this.session.dispose();
    if (this.ownedStateHome) rmSync(this.ownedStateHome, { recursive: true, force: true });
  }
}

/** Starts the program in a fresh pseudo-terminal. */
export function openTerminal(options: TerminalOptions = {}): TestTerminal {
  return new TestTerminal(options);
}
