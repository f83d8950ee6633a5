/**
 * Faults a terminal brings: the line dropping under the reader (stdin ends before SIGHUP arrives), key
 * sequences Ink's parser cannot read (Ctrl+F1–F4), random bytes typed at every screen, Ctrl+Z / SIGTSTP
 * then `fg`. The reading position survives, nothing crashes, and the terminal is handed back and taken
 * again as it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scanReaderOutput } from '../fixtures/hostile/escapes.js';
import { seededRandom } from '../helpers/random.mjs';
import { KEYS, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

let term: TestTerminal | undefined;
beforeAll(() => ensureBuilt());
afterEach(() => {
  term?.dispose();
  term = undefined;
});

const SIGHUP = 1;

function savedParagraphs(t: TestTerminal): number[] {
  const path = join(t.stateHome, 'newsdesk', 'state.json');
  if (!existsSync(path)) return [];
  const state = JSON.parse(readFileSync(path, 'utf8')) as { articles: Record<string, { paragraph: number }> };
  return Object.values(state.articles).map((entry) => entry.paragraph);
}

/** Opens the first article and pages down until the position is past its start. */
async function readIntoArticle(t: TestTerminal): Promise<void> {
  await t.waitForText(/\d+ articles/);
  t.press(KEYS.enter);
  await t.waitForText(/\d+%/);
  const top = t.screen();
  t.press(' ');
  await t.waitFor((screen) => screen !== top);
}

function sttyFlags(t: TestTerminal): string[] {
  return execFileSync('stty', ['-a', '-F', t.device], { encoding: 'utf8' }).split(/\s+/);
}

describe('the line dropping (an SSH session closing)', () => {
  it('saves the real position, then ends by SIGHUP without a crash', async () => {
    term = openTerminal({ cols: 80, rows: 24 });
    await readIntoArticle(term);
    term.hangUp();
    const exit = await term.waitForExit();
    // Not SIGSEGV/SIGABRT from Node's assertion on a dead terminal, not a stack trace: a plain hang-up.
    expect(exit.signal).toBe(SIGHUP);
    expect(Math.max(...savedParagraphs(term))).toBeGreaterThan(0);
  });
});

/** Function keys with modifiers, as xterm sends them; Ctrl+F1–F4 threw inside Ink's parser. */
const ODD_KEYS = [
  '\x1b[1;5P', '\x1b[1;5Q', '\x1b[1;5R', '\x1b[1;5S', // Ctrl+F1–F4
  '\x1b[1;2P', '\x1b[1;3Q', '\x1b[1;6R', '\x1b[1;8S', // Shift, Alt, Ctrl+Shift, all of them
  '\x1b[15;5~', '\x1b[24;5~', '\x1bO5P', '\x1b[[5A', '\x1b[1;5E', '\x1b[57399;5u', '\x1b[1;5X', '\x1b[9;5Z',
];

async function expectAlive(t: TestTerminal): Promise<void> {
  expect(t.exited).toBe(false);
  t.press('?');
  await t.waitForText(/Everywhere/);
  t.press('?');
  await t.waitForNoText(/Everywhere/);
}

describe('keys Ink cannot parse', () => {
  it('Ctrl+F1–F4 and other modified function keys are ignored in the list and in an article', async () => {
    term = openTerminal({ cols: 80, rows: 24 });
    await term.waitForText(/\d+ articles/);
    for (const key of ODD_KEYS) term.press(key);
    await expectAlive(term);
    term.press(KEYS.enter);
    await term.waitForText(/\d+%/);
    for (const key of ODD_KEYS) term.press(key);
    await expectAlive(term);
    term.press('Q');
    expect((await term.waitForExit()).exitCode).toBe(0);
    expect(term.leftAlternateScreen()).toBe(true);
  });
});

/**
 * Pieces random key sequences are made of: escape-sequence fragments, modifiers, letters, controls
 * and bytes that are not UTF-8. Left out: q, Ctrl+C and Ctrl+Z (they quit or suspend, which a later
 * test covers) .
 */
const PIECES = [
  '\x1b', '\x1b[', '\x1bO', '[', 'O', ';', '1', '2', '3', '5', '9', '~', 'A', 'B', 'P', 'Q', 'R', 'S', 'Z', 'u', 'M', '<',
  'j', 'k', 'g', 'G', 'd', 'u', 'b', ' ', '/', 'n', 'N', 's', 'c', 't', 'h', 'l', '?', '\t', '\r', '\x7f', '\b',
  '\x00', '\x01', '\x1c', '\x1d', '\x1f', '\x9b', '\xff', '\u00e9', '\u200f', '\ud83d\ude00',
];

export function randomKeys(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe('random key sequences', () => {
  const seed = Number(process.env.NEWSDESK_FUZZ_SEED ?? Date.now() % 100_000);
  it(`never end the reader nor make it write a sequence of its own (seed ${seed}; NEWSDESK_FUZZ_SEED to repeat)`, async () => {
    const next = seededRandom(seed);
    // No opener on the PATH: a link picked and opened by chance goes nowhere.
    term = openTerminal({ cols: 80, rows: 24, env: { PATH: '/nonexistent' } });
    await term.waitForText(/\d+ articles/);
    for (let burst = 0; burst < 40; burst++) {
      term.press(randomKeys(next, 1 + Math.floor(next() * 24)));
      if (burst % 8 === 7) await term.waitFor(() => true);
    }
    await term.waitFor(() => true);
    expect(term.exited, `ended after seed ${seed}`).toBe(false);
    term.press(KEYS.ctrlC);
    const exit = await term.waitForExit();
    expect(exit.exitCode, `seed ${seed}`).toBe(0);
    expect(term.leftAlternateScreen()).toBe(true);
    const findings = scanReaderOutput(term.output);
    expect(findings.map((finding) => `${finding.text} ${finding.context}`), `seed ${seed}`).toEqual([]);
  });
});

describe('Ctrl+Z and SIGTSTP, then fg', () => {
  for (const how of ['Ctrl+Z', 'SIGTSTP'] as const) {
    it(`${how} gives the terminal back (normal screen, cursor, line editing) and SIGCONT takes it again and redraws`, async () => {
      term = openTerminal({ cols: 80, rows: 24 });
      await readIntoArticle(term);
      const reading = term.screen();
      const before = term.output.length;
      if (how === 'Ctrl+Z') term.press('\x1a');
      else term.kill('SIGTSTP');
      await term.waitFor(() => term!.bufferType() === 'normal');
      expect(term.cursorShown()).toBe(true);
      expect(sttyFlags(term)).toContain('icanon');
      expect(sttyFlags(term)).toContain('echo');
      expect(term.output.slice(before)).toContain('\x1b[?1049l');

      term.kill('SIGCONT');
      await term.waitFor((screen) => term!.bufferType() === 'alternate' && screen === reading);
      expect(sttyFlags(term)).toContain('-icanon');
      // Keys work again.
      term.press('g');
      await term.waitFor((screen) => screen !== reading);
      term.press('Q');
      expect((await term.waitForExit()).exitCode).toBe(0);
      expect(term.leftAlternateScreen()).toBe(true);
    });
  }
});
