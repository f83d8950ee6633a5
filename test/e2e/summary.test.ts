import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { splitSentences, summarize, toAnalysisInput } from '../../src/analysis/index.js';
import { loadArticles } from '../../src/library/load.js';
import type { Article } from '../../src/library/types.js';
import { summarySheet } from '../../src/render/summary.js';
import { allPages, flat, frameFits, opening } from './helpers/screens.js';
import { BUNDLED_ARTICLES, KEYS, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

const bundled = loadArticles([BUNDLED_ARTICLES]).articles;
const SECTIONS = ['Lead', 'Casualties', 'Quantities', 'People', 'Places', 'Organisations', 'Dates', 'Quotes'];

let term: TestTerminal | undefined;

beforeAll(() => ensureBuilt());
afterEach(() => {
  term?.dispose();
  term = undefined;
});

/** The sentence a fact of the summary sheet points at, as the analysis splits the article. */
function factSentence(article: Article, fact: number): string {
  const summary = summarize(toAnalysisInput(article));
  const sheet = summarySheet(summary, { width: 80, color: false, article: 0 });
  const evidence = sheet.anchors[fact].target!.evidence;
  return splitSentences(article).find((s) => s.index === evidence.sentence)!.text;
}

describe('the summary screen in a real terminal', () => {
  it('opens from an article with s, shows every section, moves, jumps to the evidence and comes back', async () => {
    const article = bundled[0];
    term = openTerminal({ cols: 80, rows: 24 });
    await term.waitForText('articles');
    term.press(KEYS.enter);
    await term.waitForText(/min read/);
    term.press('s');
    const first = await term.waitForText(/fact 1\/\d+/);
    expect(first).toContain(`Summary: ${article.title.slice(0, 30)}`);
    frameFits(term, 24);

    const sheet = await allPages(term);
    for (const section of SECTIONS) expect(sheet).toMatch(new RegExp(`^\\s*(› )?${section}( \\(\\d+\\))?$`, 'm'));

    term.press('g', 'j');
    await term.waitForText(/fact 2\/\d+/);
    const sentence = factSentence(article, 1);
    term.press(KEYS.enter);
    const jumped = await term.waitFor((screen) => !screen.includes('Summary:') && flat(screen).includes(opening(sentence)));
    expect(jumped).toMatch(/\d+%/);
    expect(flat(term.inverseText().join(' '))).toContain(opening(sentence, 2));
    frameFits(term, 24);

    term.press(KEYS.escape);
    await term.waitForText(/fact 2\/\d+/);
    term.press('h');
    await term.waitForText(/min read/);
    expect(term.screen()).not.toContain('Summary:');
    term.press(KEYS.escape);
    await term.waitForText(`${bundled.length} articles`);
    term.press('Q');
    await term.waitForExit();
    expect(term.leftAlternateScreen()).toBe(true);
  });

  it('opens from a list row, and Esc goes back to the list', async () => {
    const article = bundled[1];
    term = openTerminal({ cols: 80, rows: 24 });
    await term.waitForText('articles');
    term.press('j', 's');
    await term.waitForText(`Summary: ${article.title.slice(0, 30)}`);
    await term.waitForText(/fact 1\/\d+/);
    term.press(KEYS.escape);
    await term.waitForText(`${bundled.length} articles`);
    term.press('Q');
    await term.waitForExit();
  });

  it('works in a 20x6 terminal', async () => {
    const article = bundled[0];
    term = openTerminal({ cols: 20, rows: 6 });
    await term.waitForText('newsdesk');
    term.press('s');
    await term.waitForText(/fact 1\//);
    frameFits(term, 6);
    const sentence = factSentence(article, 0);
    term.press(KEYS.enter);
    await term.waitFor((screen) => flat(screen).includes(opening(sentence, 1)) && !screen.includes('fact 1/'));
    frameFits(term, 6);
    term.press(KEYS.escape);
    await term.waitForText(/fact 1\//);
    frameFits(term, 6);
    term.press('Q');
    await term.waitForExit();
    expect(term.leftAlternateScreen()).toBe(true);
  });
});
