/**
 * The pager's fast paths against the normal one, in a real terminal: a scroll drawn ahead of React
 * (src/tui/article-frame.ts) and frames written as what changed (src/tui/frame-update.ts, scroll regions)
 * must leave every cell exactly as Ink's whole frames do. Two readers get the same keys, one with
 * NEWSDESK_FULL_REDRAW=1 (every frame written whole, as Ink writes it); after every key both screens are
 * compared cell by cell (text, empty or written blank, styles, colours, the cursor).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

const BEGIN_UPDATE = '\x1b[?2026h';
const terms: TestTerminal[] = [];

beforeAll(() => ensureBuilt());
afterEach(() => {
  for (const t of terms.splice(0)) t.dispose();
});

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Keys that only scroll the article: each is drawn ahead, in one update, and Ink then finds nothing to add. */
const SCROLLS = new Set(['j', 'k', 'd', 'u', ' ', 'b', KEYS.pageDown, KEYS.pageUp, 'G', 'g', KEYS.down, KEYS.up]);

/** Every key changes the screen (settling waits for output). */
const KEYS_PRESSED = [
  ...'jjjjjjkkk',
  'd',
  'u',
  ' ',
  'b',
  KEYS.pageDown,
  KEYS.pageUp,
  'G',
  'k',
  'k',
  'g',
  KEYS.down,
  KEYS.down,
  KEYS.up,
  // A search: its matches are marks drawn over the lines, and they scroll with them.
  '/',
  ...'ceasefire',
  KEYS.enter,
  'j',
  'j',
  'n',
  'j',
  'k',
  // A picked link: its panel takes rows from the viewport.
  KEYS.tab,
  'j',
  'j',
  'k',
  KEYS.escape,
  'j',
  KEYS.escape,
  'j',
  'j',
];

async function pressBoth(fast: TestTerminal, full: TestTerminal, key: string): Promise<{ updates: number; output: string }> {
  const before = fast.output.length;
  const since = performance.now();
  fast.press(key);
  full.press(key);
  // Both have drawn (or, at the end of the text, neither had anything to draw).
  await Promise.all([fast.settle(since, 150, 1500), full.settle(since, 150, 1500)]);
  const output = fast.output.slice(before);
  return { updates: count(output, BEGIN_UPDATE), output };
}

describe('the pager drawn ahead and as changes', () => {
  for (const { cols, rows, env } of [
    { cols: 100, rows: 30, env: {} },
    { cols: 60, rows: 16, env: { NO_COLOR: '1' } },
  ]) {
    it(`leaves every cell as whole frames do, key after key (${cols}x${rows}${env.NO_COLOR ? ', NO_COLOR' : ''})`, async () => {
      const fast = openTerminal({ cols, rows, env });
      const full = openTerminal({ cols, rows, env: { ...env, NEWSDESK_FULL_REDRAW: '1' } });
      terms.push(fast, full);
      await Promise.all([fast.waitForText('articles'), full.waitForText('articles')]);
      await pressBoth(fast, full, KEYS.enter);
      await Promise.all([fast.waitForText(/\d+%/), full.waitForText(/\d+%/)]);
      expect(fast.cells()).toEqual(full.cells());
      let scrolledByRegion = 0;
      for (const [i, key] of KEYS_PRESSED.entries()) {
        const { updates, output } = await pressBoth(fast, full, key);
        expect(fast.cells(), `after key ${i} (${JSON.stringify(key)})`).toEqual(full.cells());
        // A scroll is written once, ahead of React: a second update would be Ink correcting it.
        const typing = i >= KEYS_PRESSED.indexOf('/') && i <= KEYS_PRESSED.indexOf(KEYS.enter);
        if (SCROLLS.has(key) && !typing) {
          // (Nothing at all when the key could not move: the end of the text.)
          expect(updates, `updates for key ${i} (${JSON.stringify(key)})`).toBe(output === '' ? 0 : 1);
          // Never Ink's whole frame (erase every row, write every row).
          expect(output).not.toContain('\x1b[2K\x1b[1A');
          if (/\x1b\[\d+;\d+r/.test(output)) scrolledByRegion++;
        }
      }
      // j and k scrolled by a scroll region, not by rewriting rows.
      expect(scrolledByRegion).toBeGreaterThanOrEqual(10);
      // And after a resize (the screen cleared behind the writer's back), still the same.
      const since = performance.now();
      fast.resize(cols + 7, rows + 3);
      full.resize(cols + 7, rows + 3);
      await Promise.all([fast.settle(since), full.settle(since)]);
      for (const key of ['j', 'j', 'k', KEYS.pageDown]) {
        await pressBoth(fast, full, key);
        expect(fast.cells(), `after resize, ${JSON.stringify(key)}`).toEqual(full.cells());
      }
    });
  }
});
