import type { Terminal } from '@xterm/headless';

/** Types of pty.mjs, the one pseudo-terminal harness of the tests and the bench. */

export interface PtyOptions {
  /** The program; node by default. */
  file?: string;
  args?: string[];
  cols?: number;
  rows?: number;
  env: Record<string, string>;
  cwd?: string;
  /** Rows the headless xterm keeps above the screen; 0 by default. */
  scrollback?: number;
  /** Keep every byte the program wrote in `output`. */
  record?: boolean;
}

export interface PtyExit {
  exitCode: number;
  signal: number | undefined;
  /** performance.now() when the exit was seen. */
  at: number;
}

export interface PtySession {
  readonly startedAt: number;
  readonly pid: number;
  readonly term: Terminal;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  kill(signal?: NodeJS.Signals): void;
  hangUp(): void;
  readonly device: string;
  lines(): string[];
  screenText(): string;
  waitFor(predicate: (screen: string) => boolean, timeoutMs?: number, describe?: string): Promise<number>;
  settle(quietMs: number): Promise<void>;
  waitSettle(since: number, options?: { quietMs?: number; noOutputMs?: number; timeoutMs?: number }): Promise<number | null>;
  waitExit(timeoutMs?: number): Promise<PtyExit | null>;
  peakRss(): number | null;
  close(quitKeys?: string | null): Promise<void>;
  dispose(): void;
  readonly parsed: Promise<void>;
  readonly output: string;
  readonly exitInfo: PtyExit | null;
  readonly exited: boolean;
  readonly chunkCount: number;
}

export function isCiVariable(name: string): boolean;
export function spawnPty(options: PtyOptions): PtySession;
