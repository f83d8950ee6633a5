import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/library/load.js';
import type { Article } from '../../src/library/types.js';
import { renderArticle } from '../../src/render/article.js';
import { findMatches } from '../../src/render/search.js';
import { stripStyle } from '../../src/render/text.js';
import { BINDINGS } from '../../src/tui/keymap.js';
import { BUNDLED_ARTICLES, KEYS, ROOT, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

const READER_FIXTURES = join(ROOT, 'test', 'fixtures', 'reader');
const bundled = loadArticles([BUNDLED_ARTICLES]).articles;

let term: TestTerminal | undefined;
const cleanups: (() => void)[] = [];

beforeAll(() => ensureBuilt());
afterEach(() => {
  term?.dispose();
  term = undefined;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A word of the article's title found in no other bundled article: filtering by it leaves just this one. */
function uniqueWord(article: Article, all: readonly Article[]): string {
  const others = all.filter((a) => a !== article).map((a) => `${a.title} ${a.tags.join(' ')} ${a.body}`.toLowerCase());
  const word = article.title
    .split(/[^\p{L}]+/u)
    .find((w) => w.length >= 4 && !others.some((text) => text.includes(w.toLowerCase())));
  if (!word) throw new Error(`no word unique to ${article.id}`);
  return word.toLowerCase();
}

/** Screen text with line breaks and runs of spaces folded, to look for a phrase however it wrapped. */
function flat(screen: string): string {
  return screen.replace(/\s+/g, ' ');
}

function frameFits(t: TestTerminal, rows: number): void {
  expect(t.lastUsedRow()).toBeLessThanOrEqual(rows - 2);
}

async function expectRestored(t: TestTerminal): Promise<void> {
  expect(t.leftAlternateScreen()).toBe(true);
  expect(t.cursorShown()).toBe(true);
  expect(t.bufferType()).toBe('normal');
}

async function openByFilter(t: TestTerminal, article: Article, all: readonly Article[], shows = article.title.slice(0, 30)): Promise<void> {
  t.press('/');
  await t.waitForText('/_');
  t.type(uniqueWord(article, all));
  await t.waitForText(`1 of ${all.length}`);
  t.press(KEYS.enter, KEYS.enter);
  await t.waitForText(shows);
}

describe('the reader in a real terminal', () => {
  it('opens the list at 80x24 with every article, inside rows - 1, and quits with q', async () => {
    term = openTerminal({ cols: 80, rows: 24 });
    const screen = await term.waitForText(`newsdesk · ${bundled.length} articles`);
    for (const article of bundled) expect(screen).toContain(article.title.slice(0, 30));
    expect(term.bufferType()).toBe('alternate');
    frameFits(term, 24);
    term.press('Q');
    expect((await term.waitForExit()).exitCode).toBe(0);
    await expectRestored(term);
  });

  it('filters as you type and clears the filter with Esc', async () => {
    term = openTerminal();
    await term.waitForText('articles');
    const [target, ...others] = bundled;
    term.press('/');
    term.type(uniqueWord(target, bundled));
    const screen = await term.waitForText(`1 of ${bundled.length}`);
    expect(screen).toContain(target.title.slice(0, 30));
    for (const other of others) expect(screen).not.toContain(other.title.slice(0, 30));
    term.press(KEYS.escape);
    const cleared = await term.waitForText(`${bundled.length} articles`);
    for (const article of bundled) expect(cleared).toContain(article.title.slice(0, 30));
  });

  it('opens each bundled article, scrolls to the end and goes back', async () => {
    term = openTerminal({ cols: 80, rows: 24 });
    await term.waitForText('articles');
    for (const article of bundled) {
      await openByFilter(term, article, bundled);
      frameFits(term, 24);
      term.press('G');
      const end = await term.waitForText(/100%/);
      const lastLine = renderArticle(article, { width: 80, color: false }).lines.at(-1)!;
      expect(end).toContain(lastLine.trim());
      frameFits(term, 24);
      term.press('g');
      await term.waitForText(article.title.slice(0, 30));
      term.press('h');
      await term.waitForText(`1 of ${bundled.length}`);
      term.press(KEYS.escape);
      await term.waitForText(`${bundled.length} articles`);
    }
    term.press('Q');
    await term.waitForExit();
    await expectRestored(term);
  });

  it('searches a word, counts the matches and steps through them', async () => {
    const article = bundled.reduce((a, b) => (b.words > a.words ? b : a));
    const plain = renderArticle(article, { width: 80, color: false }).lines.map(stripStyle);
    const words = [...new Set(article.paragraphs.join(' ').toLowerCase().match(/\p{L}{6,}/gu) ?? [])];
    const word = words.find((w) => findMatches(plain, w).length >= 3)!;
    const count = findMatches(plain, word).length;

    term = openTerminal({ cols: 80, rows: 24 });
    await term.waitForText('articles');
    await openByFilter(term, article, bundled);
    term.press('/');
    term.type(word);
    await term.waitForText(`/${word}_`);
    term.press(KEYS.enter);
    await term.waitForText(`/${word} 1/${count}`);
    term.press('n');
    await term.waitForText(`/${word} 2/${count}`);
    term.press('N', 'N');
    await term.waitForText(`/${word} ${count}/${count}`);
    // The current match is on screen in inverse video.
    expect(term.inverseText().map((run) => run.toLowerCase())).toContain(word);
    term.press(KEYS.ctrlC);
    expect((await term.waitForExit()).exitCode).toBe(0);
    await expectRestored(term);
  });

  it('keeps the reading position on resize, says "too small" below 20x6, and recovers', async () => {
    const article = bundled.reduce((a, b) => (b.words > a.words ? b : a));
    term = openTerminal({ cols: 100, rows: 30 });
    await term.waitForText('articles');
    await openByFilter(term, article, bundled);
    // One half page at a time, each drawn before the next: the text read below must be the final position.
    let screen = term.screen();
    for (let i = 0; i < 3; i++) {
      term.press('d');
      const previous = screen;
      screen = await term.waitFor((next) => next !== previous);
    }
    expect(screen).not.toContain(article.title.slice(0, 30));
    // Four words from the first screen row that has them: the text at the reading position.
    const row = term.lines().find((line) => line.trim().split(/\s+/).length >= 4)!;
    const before = row.trim().split(/\s+/).slice(0, 4).join(' ');

    for (const [cols, rows] of [
      [60, 20],
      [40, 12],
      [120, 40],
    ]) {
      term.resize(cols, rows);
      await term.waitFor((screen) => /\d+%/.test(screen) && screen.split('\n').every((line) => line.length <= cols));
      await term.waitFor((screen) => flat(screen).includes(before));
      frameFits(term, rows);
    }

    term.resize(19, 5);
    await term.waitForText('too small');
    term.resize(80, 24);
    await term.waitFor((screen) => flat(screen).includes(before));
    frameFits(term, 24);
    term.kill('SIGTERM');
    await term.waitForExit();
    await expectRestored(term);
  });

  it('shows help drawn from the key map and goes back', async () => {
    term = openTerminal({ cols: 80, rows: 40 });
    await term.waitForText('articles');
    term.press('?');
    const help = await term.waitForText('Help: keys');
    for (const binding of BINDINGS.slice(0, 8)) expect(flat(help)).toContain(binding.description.slice(0, 20));
    frameFits(term, 40);
    term.press(KEYS.escape);
    await term.waitForText(`${bundled.length} articles`);
    term.press('Q');
    await term.waitForExit();
    await expectRestored(term);
  });

  it('restores the terminal on SIGHUP, as when an SSH link drops', async () => {
    term = openTerminal();
    await term.waitForText('articles');
    term.press(KEYS.enter);
    await term.waitForText(/\d+%/);
    term.kill('SIGHUP');
    await term.waitForExit();
    await expectRestored(term);
  });

  it('remembers read articles and the position across runs', async () => {
    const stateHome = mkdtempSync(join(tmpdir(), 'newsdesk-e2e-state-'));
    cleanups.push(() => rmSync(stateHome, { recursive: true, force: true }));
    const article = bundled.reduce((a, b) => (b.words > a.words ? b : a));

    term = openTerminal({ stateHome });
    await term.waitForText('articles');
    await openByFilter(term, article, bundled);
    term.press(KEYS.pageDown, KEYS.pageDown);
    await term.waitForNoText(article.title.slice(0, 30));
    term.press('Q');
    await term.waitForExit();
    const saved = JSON.parse(readFileSync(join(stateHome, 'newsdesk', 'state.json'), 'utf8'));
    // Keyed by the path inside its folder and a fingerprint, so a moved folder keeps it.
    const key = Object.keys(saved.articles).find((k) => k.startsWith(`${basename(article.path)}#`))!;
    expect(saved.articles[key].paragraph).toBeGreaterThan(0);
    term.dispose();

    term = openTerminal({ stateHome });
    const list = await term.waitForText('articles');
    const row = list.split('\n').find((line) => line.includes(article.title.slice(0, 30)))!;
    expect(row).not.toContain('•');
    const unread = list.split('\n').filter((line) => line.includes('•'));
    expect(unread).toHaveLength(bundled.length - 1);
    // Reopened where it was left, not at the top.
    // Reopened at the paragraph it was left at: its first words are on screen, the title is not.
    const paragraph = article.paragraphs[saved.articles[key].paragraph];
    const opening = paragraph.split(/\s+/).slice(0, 5).join(' ');
    await openByFilter(term, article, bundled, '%');
    const reopened = await term.waitFor((screen) => flat(screen).includes(opening));
    expect(reopened).not.toContain(article.title.slice(0, 30));
  });

  it('shows a picked link in full and opens only http(s) links, with the platform opener', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'newsdesk-opener-'));
    cleanups.push(() => rmSync(bin, { recursive: true, force: true }));
    const log = join(bin, 'opened.txt');
    const opener = join(bin, process.platform === 'darwin' ? 'open' : 'xdg-open');
    writeFileSync(opener, `#!/bin/sh\nprintf '%s\\n' "$@" >> "${log}"\n`);
    chmodSync(opener, 0o755);
    const fixtures = loadArticles([READER_FIXTURES]).articles;
    const article = fixtures.find((a) => a.body.includes('](javascript:'))!;
    const links = renderArticle(article, { width: 80, color: false }).links;

    term = openTerminal({ args: ['--dir', READER_FIXTURES], env: { PATH: `${bin}:${process.env.PATH}` } });
    await term.waitForText('articles');
    await openByFilter(term, article, fixtures);
    term.press(KEYS.tab);
    await term.waitFor((screen) => flat(screen).includes(links[0].url));
    term.press('o');
    await term.waitForText(`Opened ${links[0].url}`);
    await expect.poll(() => readFileSync(log, 'utf8')).toBe(`${links[0].url}\n`);

    const unsafe = links.findIndex((link) => !/^https?:/.test(link.url));
    term.press(String(unsafe + 1));
    await term.waitFor((screen) => flat(screen).includes(links[unsafe].url));
    term.press('o');
    await term.waitForText('Only http and https');
    expect(readFileSync(log, 'utf8')).toBe(`${links[0].url}\n`);
  });

  it('draws a readable monochrome screen with --no-color', async () => {
    term = openTerminal({ args: ['--no-color'] });
    const screen = await term.waitForText('articles');
    term.press(KEYS.enter);
    await term.waitForText(/\d+%/);
    expect(screen.split('\n').some((line) => line.startsWith('>'))).toBe(true);
    const colours = term.escapeSequences().filter((sequence) => /^\x1b\[[0-9;]*m$/.test(sequence) && /(^|[[;])(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;|m)/.test(sequence));
    expect(colours).toEqual([]);
  });

  it('uses a linear layout with text labels for screen readers', async () => {
    term = openTerminal({ env: { INK_SCREEN_READER: 'true' } });
    const screen = await term.waitForText('Selected:');
    expect(screen).toContain('Article list.');
    expect(screen).toMatch(/^Selected: unread, /m);
    expect(screen).not.toMatch(/[│┌└─]/);
  });
});
