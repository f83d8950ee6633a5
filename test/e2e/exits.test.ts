/**
 * Every way out of the reader puts the terminal back: q, Ctrl+C, SIGTERM, SIGHUP and an uncaught error.
 * The program runs under a small shell-like parent in the pty; when it ends, the parent prints how it
 * ended and runs `stty -a` on the same terminal, so the test reads the real terminal modes (raw mode
 * off means "icanon" and "echo" are back) besides the alternate screen and cursor in the byte stream.
 *
 * The uncaught error is a real throw inside the running program, injected from outside with Node's own
 * `--import` (a module that throws from a SIGUSR2 listener): no test hook in the production code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, KEYS, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

interface ParentOptions {
  stdin?: 'terminal' | 'devnull';
  stdout?: 'terminal' | 'pipe';
  /** A module loaded before the program (node --import). */
  preload?: string;
}

/** The parent: starts the program, ignores the signals meant for it, then reports and runs stty -a. */
const PARENT_SOURCE = `
import { openSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
const options = JSON.parse(process.argv[2]);
const args = process.argv.slice(3);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT']) process.on(signal, () => {});
const stdin = options.stdin === 'devnull' ? openSync('/dev/null', 'r') : 'inherit';
const stdout = options.stdout === 'pipe' ? 'pipe' : 'inherit';
const node = options.preload ? ['--import', options.preload] : [];
const child = spawn(process.execPath, [...node, ...args], { stdio: [stdin, stdout, 'inherit'] });
if (child.stdout) child.stdout.pipe(process.stdout);
process.stdout.write('[child ' + child.pid + ']\\n');
child.on('exit', (code, signal) => {
  const report = () => {
    process.stdout.write('[exit code=' + code + ' signal=' + signal + ']\\n');
    const stty = spawnSync('stty', ['-a'], { stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8' });
    process.stdout.write('[stty ' + stty.stdout.replace(/\\s+/g, ' ') + ']\\n[done]\\n');
    process.exit(0);
  };
  if (child.stdout && !child.stdout.readableEnded) child.stdout.on('end', report);
  else report();
});
`;

/** Loaded into the program with --import: a SIGUSR2 makes it throw, as a bug would. */
const FAULT_SOURCE = `process.on('SIGUSR2', () => { throw new Error('injected fault: an uncaught error'); });\n`;

let work: string;
let parent: string;
let fault: string;
let term: TestTerminal | undefined;

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'newsdesk-exits-'));
  parent = join(work, 'parent.mjs');
  fault = join(work, 'fault.mjs');
  writeFileSync(parent, PARENT_SOURCE);
  writeFileSync(fault, FAULT_SOURCE);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  term?.dispose();
  term = undefined;
});

function start(options: ParentOptions = {}, env: Record<string, string | undefined> = {}): TestTerminal {
  return openTerminal({ entry: parent, args: [JSON.stringify(options), BIN], cols: 80, rows: 24, env });
}

async function childPid(t: TestTerminal): Promise<number> {
  await t.waitFor(() => /\[child \d+\]/.test(t.output));
  return Number(/\[child (\d+)\]/.exec(t.output)![1]);
}

interface Ending {
  code: string;
  signal: string;
  stty: string;
  screen: string;
}

async function ending(t: TestTerminal): Promise<Ending> {
  const screen = await t.waitForText('[done]');
  const exit = /\[exit code=(\S+) signal=(\S+)\]/.exec(t.output)!;
  return { code: exit[1], signal: exit[2], stty: /\[stty ([^\]]*)\]/.exec(t.output)![1], screen };
}

/** What a person sees after the program ends: their own screen back, a cursor, a working line editor. */
function expectTerminalRestored(t: TestTerminal, end: Ending): void {
  expect(t.leftAlternateScreen()).toBe(true);
  expect(t.cursorShown()).toBe(true);
  expect(t.bufferType()).toBe('normal');
  // Raw mode off: canonical input and echo are back.
  expect(end.stty.split(' ')).toContain('icanon');
  expect(end.stty.split(' ')).toContain('echo');
  expect(end.stty.split(' ')).not.toContain('-icanon');
  // The next output (here the parent's report, in a shell the prompt) starts on a line of its own.
  expect(end.screen.split('\n').some((line) => line.startsWith('[exit code='))).toBe(true);
}

async function openReader(t: TestTerminal): Promise<number> {
  const pid = await childPid(t);
  await t.waitForText(/\d+ articles/);
  // Into an article, so the exit leaves from the deepest screen.
  t.press(KEYS.enter);
  await t.waitForText(/\d+%/);
  return pid;
}

describe('leaving the reader restores the terminal', () => {
  it('after q', async () => {
    term = start();
    await openReader(term);
    term.press('Q');
    const end = await ending(term);
    expect(end.code).toBe('0');
    expectTerminalRestored(term, end);
  });

  it('after Ctrl+C', async () => {
    term = start();
    await openReader(term);
    term.press(KEYS.ctrlC);
    const end = await ending(term);
    expect(end.code).toBe('0');
    expectTerminalRestored(term, end);
  });

  for (const [signal, code] of [['SIGTERM', '143'], ['SIGHUP', '129'], ['SIGQUIT', '131']] as const) {
    it(`after ${signal}${signal === 'SIGHUP' ? ' (an SSH link dropping)' : ''}`, async () => {
      term = start();
      const pid = await openReader(term);
      process.kill(pid, signal);
      const end = await ending(term);
      expect(end.code).toBe(code);
      expectTerminalRestored(term, end);
    });
  }

  it('after an uncaught error, which is reported on stderr', async () => {
    term = start({ preload: fault });
    const pid = await openReader(term);
    process.kill(pid, 'SIGUSR2');
    const end = await ending(term);
    expect(end.code).toBe('1');
    expectTerminalRestored(term, end);
    // The message comes after the alternate screen was left, so it stays on the user's screen.
    expect(term.output.indexOf('injected fault')).toBeGreaterThan(term.output.lastIndexOf('\x1b[?1049l'));
    expect(end.screen).toContain('newsdesk: Error: injected fault');
  });
});

describe('without a terminal on both ends', () => {
  for (const [label, options] of [
    ['stdin is not a terminal (newsdesk < /dev/null)', { stdin: 'devnull' }],
    ['stdout is not a terminal (newsdesk | cat)', { stdout: 'pipe' }],
  ] as const) {
    it(`prints the plain list and exits 0 when ${label}`, async () => {
      term = start(options);
      const end = await ending(term);
      expect(end.code).toBe('0');
      expect(term.output).not.toContain('\x1b[?1049h');
      expect(term.output).not.toMatch(/raw mode|setRawMode|Error/i);
      expect(end.screen).toMatch(/\d{4}-\d\d-\d\d +\d+ words/);
      if (options.stdout === 'pipe') expect(term.output).not.toMatch(/\x1b\[[0-9;]*m/);
      expect(end.stty.split(' ')).toContain('icanon');
    });
  }
});
