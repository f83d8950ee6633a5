/**
 * Resize storms and key bursts in a real terminal: 50 rapid resizes between 1x1 and 400x120 with keys
 * pressed in between, faster than frames are drawn. The reader must not crash, must never draw a frame
 * as tall as the terminal, and must end on the right screen for the final size. Ink clears the screen
 * and the scrollback ("\x1b[2J\x1b[3J") exactly when its previous frame was at least as tall as the
 * terminal, so a "\x1b[3J" in the stream is a frame that did not fit (and, in some terminals, the
 * user's scrollback gone).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/library/load.js';
import { renderArticle } from '../../src/render/article.js';
import { seededRandom } from '../helpers/random.mjs';
import { BUNDLED_ARTICLES, KEYS, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

const RESIZES = 50;
/** Keys that move around an article without leaving it or opening anything. */
const MOVES = ['j', 'k', ' ', 'b', 'd', 'u', 'G', 'g', KEYS.down, KEYS.up, KEYS.pageDown, KEYS.pageUp, KEYS.tab];
const CLEAR_SCROLLBACK = /\x1b\[3J/g;

const bundled = loadArticles([BUNDLED_ARTICLES], { cacheDir: false }).articles;
let term: TestTerminal | undefined;

beforeAll(() => ensureBuilt());
afterEach(() => {
  term?.dispose();
  term = undefined;
});

function stormSizes(seed: number): { cols: number; rows: number }[] {
  const next = seededRandom(seed);
  const extremes = [
    { cols: 1, rows: 1 },
    { cols: 400, rows: 120 },
    { cols: 19, rows: 5 },
    { cols: 20, rows: 6 },
    { cols: 400, rows: 1 },
    { cols: 1, rows: 120 },
  ];
  const sizes = [...extremes];
  while (sizes.length < RESIZES) sizes.push({ cols: 1 + Math.floor(next() * 400), rows: 1 + Math.floor(next() * 120) });
  // Shuffle so extremes land between random sizes, not all first.
  for (let i = sizes.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sizes[i], sizes[j]] = [sizes[j], sizes[i]];
  }
  return sizes;
}

/** Lines in the last frame Ink drew (the text between its erase run and the end of synchronized output). */
function lastFrameHeight(output: string): number {
  const start = output.lastIndexOf('\x1b[?2026h');
  const end = output.indexOf('\x1b[?2026l', start);
  const frame = output.slice(start, end).replace(/^\x1b\[\?2026h(?:\x1b\[2K\x1b\[1A)*(?:\x1b\[2K\x1b\[G)?/, '');
  return frame.split('\n').length - 1;
}

/** Waits for a frame drawn after `since` (an offset in the output) whose screen passes the check. */
async function settle(t: TestTerminal, since: number, check: RegExp): Promise<string> {
  return t.waitFor((screen) => t.output.indexOf('\x1b[?2026l', since) >= 0 && check.test(screen));
}

describe('resize storms and key bursts', () => {
  it(`survives ${RESIZES} rapid resizes from 1x1 to 400x120 with keys in between, and ends on the right screen`, async () => {
    term = openTerminal({ cols: 80, rows: 24 });
    await term.waitForText(`${bundled.length} articles`);
    term.press(KEYS.enter);
    await term.waitForText(/\d+%/);
    const started = term.output.length;

    const next = seededRandom(7);
    for (const size of stormSizes(42)) {
      term.resize(size.cols, size.rows);
      term.press(MOVES[Math.floor(next() * MOVES.length)]);
      // 0-20 ms apart: faster than Ink draws (at most 30 frames a second), slow enough that the
      // program sees many of the sizes; no waiting for a frame.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 20)));
    }
    expect(term.exited).toBe(false);

    // Too small first, then the final size: both screens must come out right.
    let mark = term.output.length;
    term.resize(12, 4);
    await settle(term, mark, /too\s+small/i);
    mark = term.output.length;
    term.resize(100, 30);
    // Keys pressed while the terminal is too small are ignored; wait for the article to be back.
    await settle(term, mark, /\d+%/);
    term.press('g');
    const title = bundled[0].title.slice(0, 30);
    const screen = await term.waitFor(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(term.exited).toBe(false);
    expect(screen).toMatch(/\d+%/);
    expect(term.lastUsedRow()).toBeLessThanOrEqual(30 - 2);
    expect(lastFrameHeight(term.output)).toBeLessThanOrEqual(30 - 1);
    // Never a frame as tall as the terminal: Ink would have cleared the screen and the scrollback.
    const clears = term.output.slice(started).split(CLEAR_SCROLLBACK).length - 1;
    expect(clears, `Ink cleared the screen and the scrollback ${clears} times: each time, a frame was as tall as the terminal`).toBe(0);

    term.press('Q');
    expect((await term.waitForExit()).exitCode).toBe(0);
    expect(term.leftAlternateScreen()).toBe(true);
  }, 60_000);

  it('takes every key of a burst typed faster than frames are drawn', async () => {
    term = openTerminal({ cols: 80, rows: 24 });
    await term.waitForText(`${bundled.length} articles`);
    // Down the list one press at a time, no waiting: the selection must end on the last article.
    const downs = bundled.length - 1;
    for (let i = 0; i < downs + 5; i++) term.press('j');
    term.press(KEYS.enter);
    await term.waitForText(/\d+%/);
    expect(term.screen()).toContain(bundled[bundled.length - 1].title.slice(0, 30));

    // 60 lines down in a burst: the top line is the one 60 single steps (or the end) put there.
    const article = bundled[bundled.length - 1];
    const lines = renderArticle(article, { width: 80, color: false }).lines;
    term.press('g');
    await term.waitFor((screen) => screen.startsWith(lines[0]));
    for (let i = 0; i < 60; i++) term.press('j');
    // Rows for the text: the frame (rows - 1) less the status line.
    const top = Math.min(60, Math.max(0, lines.length - (24 - 2)));
    await term.waitFor((screen) => screen.split('\n')[0] === lines[top].trimEnd());
    expect(term.exited).toBe(false);
    term.press('Q');
    expect((await term.waitForExit()).exitCode).toBe(0);
  });
});
