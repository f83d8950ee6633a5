/**
 * The reader's analysis runs on a worker thread (issue 13, item 7). On a library large enough that a
 * comparison takes seconds, in a real terminal with the built program: progress shows and keeps
 * changing while the worker runs, keys are answered meanwhile, Esc stops the analysis (its thread
 * ends) and puts the person back where they were, and q, Ctrl+C, SIGTERM and SIGHUP end the reader
 * at once, before the analysis could have finished, with the terminal restored. Timings are not
 * asserted; the latencies measured are printed for the report.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the bench's corpus generator has no types
import { generateLibrary, generateSingle } from '../../bench/corpus.mjs';
import { ensureBuilt, KEYS, openTerminal, type TestTerminal } from './helpers/terminal.js';

/** Articles in the library: its comparison (stories, statements, story reports) takes seconds on a fast machine. */
const ARTICLES = 400;
const work = mkdtempSync(join(tmpdir(), 'newsdesk-analysis-worker-'));
const library = join(work, 'library');
const long = join(work, 'long');
/** One cache for every run here: only the first start parses the library. */
const stateHome = join(work, 'state');
let term: TestTerminal | undefined;

beforeAll(() => {
  ensureBuilt();
  generateLibrary(library, { count: ARTICLES });
  generateSingle(long, { bytes: 400_000 });
});
afterEach(() => {
  term?.dispose();
  term = undefined;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Threads the process runs now (Linux): a worker thread adds several. */
function threads(pid: number): number | null {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return null;
  const match = /^Threads:\s+(\d+)/m.exec(readFileSync(status, 'utf8'));
  return match ? Number(match[1]) : null;
}

let lastCount: number | null = null;
let lastCountAt = 0;
/** Whether the thread count has stayed the same for half a second (a worker ending takes a while). */
function threadsSettled(pid: number): boolean {
  const count = threads(pid);
  if (count !== lastCount) {
    lastCount = count;
    lastCountAt = Date.now();
  }
  return Date.now() - lastCountAt >= 500;
}

async function until(check: () => boolean, timeout = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

const WAITING = /Esc cancels/;
/** The comparison laid out: its status line counts statements. */
const COMPARED = /statement \d+\/\d+/;

/** The reader on the large library, its list shown, then `c`: resolves once the comparison is under way. */
async function startComparison(): Promise<TestTerminal> {
  const opened = openTerminal({ args: ['--dir', library], cols: 80, rows: 24, stateHome });
  term = opened;
  await opened.waitForText(/articles/, 60_000);
  opened.press('c');
  await opened.waitForText(WAITING, 20_000);
  return opened;
}

describe('analysis in the reader runs off the UI thread', () => {
  it('shows progress, answers keys while the comparison runs, and Esc stops it and goes back', async () => {
    const t = openTerminal({ args: ['--dir', library], cols: 80, rows: 24, stateHome });
    term = t;
    await t.waitForText(/articles/, 60_000);
    // The list is drawn before the library has loaded (a cold one is parsed on a worker thread, which ends
    // after it): the threads are counted once the reader answers a key and the parse worker has gone.
    t.press('j');
    await t.waitForText(`2/${ARTICLES}`, 60_000);
    await until(() => threadsSettled(t.pid));
    const before = threads(t.pid);
    t.press('k');
    t.press('c');
    await t.waitForText(WAITING, 20_000);
    // The progress line counts and the seconds go up: frames keep coming while the worker works.
    await t.waitForText(/(Grouping|Finding statements|Comparing stories).*· [1-9]\d* s/, 20_000);
    const during = threads(t.pid);
    // A key is answered at once: the help opens over the waiting comparison and closes again.
    const asked = Date.now();
    t.press('?');
    await t.waitForText(/Everywhere/);
    const answered = Date.now() - asked;
    t.press(KEYS.escape);
    await t.waitForText(WAITING);
    expect(t.screen()).not.toMatch(COMPARED);
    // Esc on the waiting comparison: back on the list, told so; the comparison never arrives.
    const cancelled = Date.now();
    t.press(KEYS.escape);
    await t.waitForText('Analysis cancelled');
    const cancelTook = Date.now() - cancelled;
    expect(t.screen()).not.toMatch(/Comparison:/);
    // The worker's thread is gone (Linux shows a process's threads).
    if (before !== null && during !== null) {
      expect(during).toBeGreaterThan(before);
      expect(await until(() => (threads(t.pid) ?? 0) <= before)).toBe(true);
    }
    // The list still answers: down and back up, then c again starts afresh.
    t.press('j');
    t.press('c');
    await t.waitForText(WAITING);
    // Q quits from the comparison (q would back out to the list).
    t.press('Q');
    const exit = await t.waitForExit();
    expect(exit.exitCode).toBe(0);
    expect(t.output).not.toMatch(COMPARED);
    console.info(`analysis-worker: help answered in ${answered} ms during the comparison; Esc cancelled in ${cancelTook} ms; threads ${before} -> ${during} during`);
  }, 120_000);

  for (const way of ['Q', 'Ctrl+C', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${way} during the comparison ends the reader at once with the terminal restored`, async () => {
      const t = await startComparison();
      const asked = Date.now();
      if (way === 'Q') t.press('Q');
      else if (way === 'Ctrl+C') t.press(KEYS.ctrlC);
      else t.kill(way);
      await until(() => t.leftAlternateScreen(), 20_000);
      const restored = Date.now() - asked;
      const exit = await t.waitForExit(20_000);
      const took = Date.now() - asked;
      // It ended while the comparison was still running: no frame ever showed its result.
      expect(t.output).not.toMatch(COMPARED);
      expect(t.leftAlternateScreen()).toBe(true);
      expect(t.cursorShown()).toBe(true);
      // Ctrl+C is a key in raw mode: the quit key, as Q is.
      const expected = { Q: 0, 'Ctrl+C': 0, SIGTERM: 143, SIGHUP: 129 }[way];
      expect(exit.exitCode, JSON.stringify(exit)).toBe(expected);
      console.info(`analysis-worker: ${way} during the comparison: terminal restored after ${restored} ms, process ended after ${took} ms`);
    }, 120_000);
  }

  it('summarises a long article on the worker: progress, Esc back to the article where it was', async () => {
    const t = openTerminal({ args: ['--dir', long], cols: 80, rows: 24, stateHome });
    term = t;
    await t.waitForText(/articles?/, 60_000);
    t.press(KEYS.enter);
    const first = await t.waitForText(/\d+%/, 30_000);
    // One page down (one frame), so the screen compared after is not caught between two frames.
    t.press(KEYS.pageDown);
    const article = await t.waitFor((screen) => screen !== first);
    t.press('s');
    await t.waitForText(/Summarising…/, 20_000);
    expect(t.screen()).toMatch(WAITING);
    t.press(KEYS.escape);
    await t.waitForText('Analysis cancelled');
    // Back in the article, at the same place.
    expect(t.lines().slice(1, 10)).toEqual(article.split('\n').slice(1, 10));
    t.press('Q');
    expect((await t.waitForExit()).exitCode).toBe(0);
    expect(t.output).not.toMatch(/fact \d+\/\d+/);
  }, 120_000);
});
