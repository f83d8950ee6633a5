import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allPages, flat, frameFits } from './helpers/screens.js';
import { KEYS, ROOT, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

/** The dev set: four stories of three reports each, and four articles of their own. */
const DEV = join(ROOT, 'test', 'fixtures', 'gold', 'dev', 'articles');

let term: TestTerminal | undefined;

beforeAll(() => ensureBuilt());
afterEach(() => {
  term?.dispose();
  term = undefined;
});

describe('stories on the comparison screen in a real terminal', () => {
  it('shows each story’s shared quotes, drift and voice share at 80x24, each carrier one key from its sentence', async () => {
    term = openTerminal({ cols: 80, rows: 24, args: ['--dir', DEV] });
    await term.waitForText('articles');
    term.press('c');
    await term.waitForText(/statement 1\/\d+/);
    frameFits(term, 24);
    const all = flat(await allPages(term));
    expect(all).toContain('Story: Shelling kills at least 14 in Mirovsk market');
    expect(all).toContain('Quoted by several: ');
    expect(all).toContain('Quote drift: ');
    expect(all).toContain('Voice share by outlet');
    expect(all).toMatch(/unnamed source — /);

    // The last item is a story's: Enter shows its sentence highlighted in its article, Esc comes back.
    term.press('G');
    await term.waitFor((screen) => /statement (\d+)\/\1\b/.test(screen));
    term.press(KEYS.enter);
    await term.waitFor((screen) => !screen.includes('Comparison:'));
    expect(term.inverseText().join(' ').trim()).not.toBe('');
    frameFits(term, 24);
    term.press(KEYS.escape);
    await term.waitForText('Comparison: ceasefire');
    term.press('Q');
    await term.waitForExit();
    expect(term.leftAlternateScreen()).toBe(true);
  });

  it('fits the story sections in 20x6, evidence one key away', async () => {
    term = openTerminal({ cols: 20, rows: 6, args: ['--dir', DEV] });
    await term.waitForText('newsdesk');
    term.press('c');
    await term.waitForText(/statement 1\//);
    frameFits(term, 6);
    // The last item is a story's sentence on an unnamed source; Enter shows it in its article.
    term.press('G');
    await term.waitFor((screen) => flat(screen).includes('unnamed'));
    frameFits(term, 6);
    term.press(KEYS.enter);
    await term.waitFor((screen) => !screen.includes('Comparison'));
    expect(term.inverseText().join(' ').trim()).not.toBe('');
    frameFits(term, 6);
    term.press('Q');
    await term.waitForExit();
    expect(term.leftAlternateScreen()).toBe(true);
  });
});

describe('the list grouped by story in a real terminal', () => {
  it('S groups the articles of one story with their number of outlets; c opens that story in the comparison (80x24)', async () => {
    term = openTerminal({ cols: 80, rows: 24, args: ['--dir', DEV] });
    await term.waitForText('newsdesk · 16 articles');
    term.press('S');
    await term.waitForText('8 stories');
    expect(term.screen()).toContain('‹3 outlets›');
    frameFits(term, 24);
    term.press('g', 'c');
    await term.waitFor((screen) => /› Story: Shelling kills at least 14/.test(screen));
    frameFits(term, 24);
    term.press(KEYS.escape);
    await term.waitForText('8 stories');
    term.press('S');
    await term.waitForNoText('8 stories');
    expect(term.screen()).not.toContain('‹3 outlets›');
    term.press('q');
    await term.waitForExit();
    expect(term.leftAlternateScreen()).toBe(true);
  });

  it('fits in 20x6', async () => {
    term = openTerminal({ cols: 20, rows: 6, args: ['--dir', DEV] });
    await term.waitForText('newsdesk');
    term.press('S');
    await term.waitForText('‹3');
    frameFits(term, 6);
    term.press('g', 'c');
    await term.waitFor((screen) => flat(screen).includes('› Story:'));
    frameFits(term, 6);
    // Q quits from the comparison (q would back out to the list).
    term.press('Q');
    await term.waitForExit();
    expect(term.leftAlternateScreen()).toBe(true);
  });
});
