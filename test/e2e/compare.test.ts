import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clusterStories, compareArticles, storyOfArticle, toAnalysisInput } from '../../src/analysis/index.js';
import { loadArticles } from '../../src/library/load.js';
import { comparisonSheet } from '../../src/render/comparison.js';
import { allPages, flat, frameFits, opening } from './helpers/screens.js';
import { BUNDLED_ARTICLES, KEYS, ROOT, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

const bundled = loadArticles([BUNDLED_ARTICLES]).articles;
// As the reader computes it: disagreements are paired within one story only.
const storyOf = storyOfArticle(clusterStories(bundled.map((a) => ({ ...toAnalysisInput(a), source: a.source }))));
const comparison = compareArticles(bundled.map(toAnalysisInput), 'ceasefire', { storyOf: (id) => storyOf.get(id) ?? id });

/** The speakers the gold file requires (a part of the name, e.g. "Zelensk" for either spelling). */
const gold = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'gold', 'seeds.json'), 'utf8')) as {
  compare: { statements: { speaker: string | null; optional?: boolean }[] };
};
const goldSpeakers = [...new Set(gold.compare.statements.filter((s) => !s.optional && s.speaker && s.speaker !== '*').map((s) => s.speaker!))];

let term: TestTerminal | undefined;

beforeAll(() => ensureBuilt());
afterEach(() => {
  term?.dispose();
  term = undefined;
});

/** The statement the cursor starts on in an order, as the screen lays it out. */
function firstStatement(order: 'speaker' | 'timeline') {
  const sheet = comparisonSheet(comparison, { width: 80, color: false, order, articleIndex: (id) => bundled.findIndex((a) => a.id === id) });
  const key = sheet.anchors[0].key;
  return comparison.statements[Number(key.split(':')[1])];
}

describe('the comparison screen in a real terminal', () => {
  it('shows who said what by speaker, narration apart, a timeline one key away, and statements in their articles', async () => {
    expect(goldSpeakers.length).toBeGreaterThan(0);
    term = openTerminal({ cols: 80, rows: 24 });
    await term.waitForText('articles');
    term.press('c');
    await term.waitForText(/statement 1\/\d+/);
    expect(term.screen()).toContain('Comparison: ceasefire · by speaker');
    frameFits(term, 24);

    const all = await allPages(term);
    for (const speaker of goldSpeakers) expect(all).toMatch(new RegExp(`^\\s*(› )?[^\\n]*${speaker}[^\\n]* · \\d+ statements?$`, 'm'));
    expect(all).toMatch(/^\s*Narration \(the articles’ own words\)/m);
    if (comparison.disagreements.length > 0) expect(all).toContain('≠ disagrees with');

    // The timeline keeps the statement under the cursor; g goes to the earliest.
    term.press('g', 't');
    await term.waitForText('Comparison: ceasefire · timeline');
    term.press('g');
    const first = firstStatement('timeline');
    await term.waitFor((screen) => flat(screen).includes(opening(first.text, 3)));
    expect(term.screen()).toMatch(/statement 1\/\d+/);

    term.press(KEYS.enter);
    await term.waitFor((screen) => !screen.includes('Comparison:') && flat(screen).includes(opening(first.text)));
    expect(flat(term.inverseText().join(' '))).toContain(opening(first.text, 2));
    frameFits(term, 24);

    term.press(KEYS.escape);
    const back = await term.waitForText('Comparison: ceasefire · timeline');
    expect(back).toMatch(/statement 1\/\d+/);
    term.press('t');
    await term.waitForText('Comparison: ceasefire · by speaker');
    term.press(KEYS.escape);
    await term.waitForText(`${bundled.length} articles`);
    term.press('Q');
    await term.waitForExit();
    expect(term.leftAlternateScreen()).toBe(true);
  });

  it('opens from an article and goes back to it', async () => {
    term = openTerminal({ cols: 80, rows: 24 });
    await term.waitForText('articles');
    term.press(KEYS.enter);
    await term.waitForText(/min read/);
    term.press('c');
    await term.waitForText(/statement 1\/\d+/);
    term.press('h');
    await term.waitForText(/min read/);
    expect(term.screen()).toContain(bundled[0].title.slice(0, 30));
    term.press('Q');
    await term.waitForExit();
  });

  it('works in a 20x6 terminal', async () => {
    term = openTerminal({ cols: 20, rows: 6 });
    await term.waitForText('newsdesk');
    term.press('c');
    await term.waitForText(/statement 1\//);
    frameFits(term, 6);
    const byspeaker = term.screen();
    term.press('t');
    await term.waitFor((screen) => screen !== byspeaker);
    term.press('g');
    await term.waitForText(/statement 1\//);
    frameFits(term, 6);
    const first = firstStatement('timeline');
    term.press(KEYS.enter);
    await term.waitFor((screen) => !screen.includes('statement 1/') && flat(screen).includes(opening(first.text, 1)));
    frameFits(term, 6);
    term.press(KEYS.escape);
    await term.waitForText(/statement 1\//);
    term.press('Q');
    await term.waitForExit();
    expect(term.leftAlternateScreen()).toBe(true);
  });
});
