/**
 * Content is never in control of the terminal. The built program reads a folder of hostile articles
 * (test/fixtures/hostile: OSC 52/0/2/8, CSI, DCS, APC/PM/SOS, C1 controls, BEL, entities that decode to
 * ESC, bidi overrides; in title, body, front matter, link text and URL, tags and the file name) and
 * every byte it writes, in a real terminal and in printed output, is scanned: each escape sequence
 * must be one the program makes itself.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/library/load.js';
import type { Article } from '../../src/library/types.js';
import { BINDINGS, Command } from '../../src/tui/keymap.js';
import { scanOutput, scanReaderOutput, type Finding } from '../fixtures/hostile/escapes.js';
import { BIDI_URL_LOGICAL, HOSTILE_SEQUENCES } from '../fixtures/hostile/sequences.js';
import { BIN, KEYS, ROOT, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

const run = promisify(execFile);
const FIXTURES = join(ROOT, 'test', 'fixtures', 'hostile');
const ESC = '\x1b';

/** File names are written by strangers too: one article and one empty (reported) file named with escapes. */
const HOSTILE_NAMES = {
  article: `${ESC}]0;FILENAME-PWN\x07dispatch${ESC}[2J\u202e.md`,
  empty: `${ESC}[31mempty${ESC}]52;c;ZmlsZW5hbWU=\x07\x9b2J.md`,
};

/** Payloads of string sequences: removed whole by the sanitiser, so never visible anywhere. */
const PAYLOADS = ['PWNED-TITLE', 'pwned-two', 'FILENAME-PWN', 'ZWNobyBwd25lZCA', 'cm0gLXJmIH4K', 'evil.example', 'c1-title', 'never-terminated-title', 'code-block-title', 'alt-title', 'url-title'];

let dir: string;
let articles: Article[];
let term: TestTerminal | undefined;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-hostile-'));
  for (const name of readdirSync(FIXTURES)) if (/\.(md|txt)$/.test(name)) copyFileSync(join(FIXTURES, name), join(dir, name));
  writeFileSync(join(dir, HOSTILE_NAMES.article), '# Dispatch from the ceasefire line\n\n"The ceasefire line is quiet tonight," said Captain Ivo Renn.\n');
  writeFileSync(join(dir, HOSTILE_NAMES.empty), '');
  articles = loadArticles([dir], { cacheDir: false }).articles;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  term?.dispose();
  term = undefined;
});

function report(findings: Finding[]): string {
  return findings.map((finding) => `${finding.kind} ${finding.text} in ${finding.context}`).join('\n');
}

function expectClean(output: string, options: Parameters<typeof scanOutput>[1] | 'reader'): void {
  const findings = options === 'reader' ? scanReaderOutput(output) : scanOutput(output, options);
  expect(findings, report(findings)).toEqual([]);
  for (const payload of PAYLOADS) expect(output).not.toContain(payload);
}

/** A word of the article's title found in no other article: filtering by it leaves just this one. */
function uniqueWord(article: Article): string {
  const others = articles.filter((a) => a !== article).map((a) => `${a.title} ${a.tags.join(' ')} ${a.body}`.toLowerCase());
  const word = article.title.split(/[^\p{L}]+/u).find((w) => w.length >= 4 && !others.some((text) => text.includes(w.toLowerCase())));
  if (!word) throw new Error(`no word unique to ${article.id}`);
  return word.toLowerCase();
}

/** Whether the key map says a screen is still a placeholder (the s and c slots of issue 3). */
function comingSoon(command: Command): boolean {
  return BINDINGS.some((binding) => binding.command === command && binding.description.includes('coming soon'));
}

/**
 * Goes to the end of whatever scrolling screen is showing, as a reader would: G, then pages on while
 * the end is not in view (in the comparison, G selects the last statement but can leave the lines
 * after it below the screen).
 */
async function scrollToEnd(t: TestTerminal): Promise<void> {
  t.press(' ', ' ', KEYS.pageDown, 'd', 'j', 'j', 'G');
  for (let attempt = 1; ; attempt++) {
    try {
      await t.waitForText(/100%|Bot|End/, attempt === 1 ? 2_000 : 1_000);
      return;
    } catch (error) {
      if (attempt === 10) throw error;
      t.press(KEYS.pageDown);
    }
  }
}

/**
 * Esc, one press at a time (two in one read are Meta+Esc), until the unfiltered list shows: it drops the
 * picked link, leaves the article, then clears the filter.
 */
async function backToFullList(t: TestTerminal): Promise<void> {
  for (let i = 0; i < 5 && !t.screen().includes(`${articles.length} articles`); i++) {
    const before = t.screen();
    t.press(KEYS.escape);
    await t.waitFor((screen) => screen !== before);
  }
  await t.waitForText(`${articles.length} articles`);
}

/** The text a terminal would get if an entity were decoded (what the sanitiser must prevent). */
function decodeEntities(text: string): string {
  let current = text;
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = current
      .replace(/&amp;/g, '&')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#([0-9]+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)));
  }
  return current;
}

describe('the byte-stream scanner', () => {
  const frame = (content: string) => `\x1b[?2026h\x1b[2K\x1b[1A\x1b[2K\x1b[G\x1b[1mTitle\x1b[22m ${content}\r\n\x1b[?2026l`;
  const session = (content: string) =>
    `\x1b[?1049h\x1b[H\x1b[?2026h\x1b[?25lfirst\r\n\x1b[?2026l${frame(content)}\x1b[?25h\x1b[?1049l\x1b[?25h`;

  it("passes the reader's own stream and catches each catalogued sequence placed in a frame", () => {
    expect(scanReaderOutput(session('plain text'))).toEqual([]);
    const missed = HOSTILE_SEQUENCES.map((sequence) => ({ ...sequence, raw: decodeEntities(sequence.text) }))
      // A bare SGR colour is indistinguishable from ours; the sanitiser drops it, and any colour is harmless.
      .filter((sequence) => !/^\x1b\[[0-9;]*m$/.test(sequence.raw) || /\b[58]\b/.test(sequence.raw))
      .filter((sequence) => scanReaderOutput(session(sequence.raw)).length === 0)
      .map((sequence) => sequence.name);
    expect(missed).toEqual([]);
  });
});

describe('hostile articles in the fixtures', () => {
  it('plant every catalogued hostile sequence somewhere', () => {
    const texts = readdirSync(FIXTURES)
      .filter((name) => /\.(md|txt)$/.test(name))
      .map((name) => readFileSync(join(FIXTURES, name), 'utf8'));
    const planted = (text: string) => texts.some((file) => file.includes(text));
    const missing = HOSTILE_SEQUENCES.filter((sequence) => !planted(sequence.text)).map((sequence) => sequence.name);
    expect(missing).toEqual([]);
    expect(HOSTILE_SEQUENCES.length).toBeGreaterThanOrEqual(60);
  });

  it('load with their text intact and the file named with escapes readable', () => {
    expect(articles.map((article) => article.title)).toContain('Dispatch from the ceasefire line');
    expect(articles.find((article) => article.title === 'Dispatch from the ceasefire line')?.id).toBe('dispatch');
    expect(articles.some((article) => article.url === BIDI_URL_LOGICAL)).toBe(true);
  });
});

describe('the reader showing hostile articles in a real terminal', () => {
  for (const { cols, rows, env } of [
    { cols: 80, rows: 24, env: {} },
    { cols: 40, rows: 12, env: { NO_COLOR: '1' } },
  ]) {
    it(`writes only its own escape sequences in the list, each article (scrolled through), summary and comparison (${cols}x${rows}${env.NO_COLOR ? ', NO_COLOR' : ''})`, async () => {
      term = openTerminal({ args: ['--dir', dir], cols, rows, env });
      // A frame may reach the screen in more than one chunk: wait for its last row, not its first.
      const titles = cols >= 80 ? articles.map((article) => article.title.slice(0, 40)) : [];
      const list = await term.waitFor((screen) => screen.includes(`${articles.length} articles`) && titles.every((title) => screen.includes(title)));
      for (const title of titles) expect(list).toContain(title);

      for (const article of articles) {
        term.press('/');
        await term.waitForText('/_');
        term.type(uniqueWord(article));
        await term.waitForText(`1 of ${articles.length}`);
        term.press(KEYS.enter, KEYS.enter);
        await term.waitForText(/\d+%/);
        await term.waitForText(article.title.slice(0, cols >= 80 ? 40 : 15));
        await scrollToEnd(term);
        // Every link picked in turn is shown in full, in the order it is stored (no bidi reordering).
        for (let i = 0; i < 3; i++) term.press(KEYS.tab);
        if (article.url === BIDI_URL_LOGICAL && cols >= 80) {
          const screen = await term.waitForText(BIDI_URL_LOGICAL);
          expect(screen).not.toContain('https://evil-example');
        }

        term.press('s');
        if (comingSoon(Command.Summary)) {
          await term.waitForText('coming soon');
        } else {
          await term.waitForText(/Summary:/);
          await scrollToEnd(term);
          term.press(KEYS.escape);
          await term.waitForNoText(/Summary:/);
        }
        term.press('c');
        if (comingSoon(Command.Compare)) {
          await term.waitForText('coming soon');
        } else {
          await term.waitForText(/Comparison:/);
          await scrollToEnd(term);
          term.press(KEYS.escape);
          await term.waitForNoText(/Comparison:/);
        }
        await backToFullList(term);
      }
      term.press('Q');
      expect((await term.waitForExit()).exitCode).toBe(0);

      expectClean(term.output, 'reader');
      // The file with no text was reported (on the terminal, before the reader started), by a readable name.
      expect(term.output).toMatch(/empty[^\n]*\.md: empty file/);
    });
  }
});

async function runCli(args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  const childEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'NO_COLOR' && name !== 'FORCE_COLOR') childEnv[name] = value;
  }
  return run(process.execPath, [BIN, ...args, '--dir', dir], {
    cwd: ROOT,
    env: { ...childEnv, XDG_CACHE_HOME: join(dir, '.cache'), ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
}

describe('printed output of hostile articles', () => {
  const commands = (): string[][] => [
    ['list'],
    ['list', '--json'],
    ['compare'],
    ['compare', 'ceasefire', '--json'],
    ...articles.flatMap((article) => [
      ['read', article.id],
      ['read', article.id, '--json'],
      ['summary', article.id],
      ['summary', article.id, '--json'],
    ]),
  ];

  // The first run parses and caches the articles, the second reads them back from the cache: both are scanned.
  for (const [pass, colour] of [['cold cache', 'FORCE_COLOR=1'], ['warm cache', 'NO_COLOR=1']] as const) {
    it(`carries no escape sequence but our SGR styling (read, summary, compare, list; ${colour}, ${pass})`, async () => {
      const [name, value] = colour.split('=');
      {
        const results = await Promise.all(commands().map(async (args) => ({ args, ...(await runCli(args, { [name]: value })) })));
        for (const { args, stdout, stderr } of results) {
          const json = args.includes('--json');
          expect(stdout, `${pass} ${args.join(' ')}`).not.toBe('');
          expect(stdout.endsWith('\n'), `${args.join(' ')} ends with a newline`).toBe(true);
          expectClean(stdout, { sgr: colour === 'FORCE_COLOR=1' && !json });
          expectClean(stderr, { sgr: false });
          if (args[0] === 'read' && !json) expect(stdout).toContain(articles.find((a) => a.id === args[1])!.title.slice(0, 20));
        }
        const read = results.find(({ args }) => args[0] === 'read' && !args.includes('--json') && articles.find((a) => a.id === args[1])?.url === BIDI_URL_LOGICAL);
        expect(read?.stdout).toContain(BIDI_URL_LOGICAL);
        const compare = results.find(({ args }) => args.join(' ') === 'compare')!;
        expect(compare.stdout).toMatch(/Kovac/);
        expect(compare.stdout).toMatch(/ceasefire/);
      }
      // Dozens of processes at once: on a loaded machine they take longer than the default 30 s.
    }, 120_000);
  }
});
