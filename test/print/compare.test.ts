import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { compareArticles } from '../../src/analysis/compare.js';
import { comparisonToJson } from '../../src/print/compare.js';
import { sheetText } from '../../src/print/sheet.js';
import { comparisonSheet } from '../../src/render/comparison.js';
import type { Comparison } from '../../src/analysis/types.js';

/** The comparison screen's sheet, printed: what `compare` prints for each story. */
function formatComparisonText(c: Comparison, options: { width: number; color: boolean }): string {
  return sheetText(comparisonSheet(c, { ...options, order: 'speaker', articleIndex: () => 0 }), options);
}
import { FIXTURES_DIR, loadDir } from '../analysis/helpers.js';

const inputs = loadDir(`${FIXTURES_DIR}styles`, '.txt');

describe('formatComparisonText', () => {
  const c = compareArticles(inputs);
  const text = formatComparisonText(c, { width: 60, color: false });

  it('lists each speaker once with their statements under the article title', () => {
    const lines = text.split('\n');
    expect(lines.filter((l) => /^\s*Ingrid Solberg · \d+ statements?$/.test(l))).toHaveLength(1);
    expect(text).toContain('Dockworkers and port operator agree truce');
    expect(text).toContain('[direct · rejects]');
    expect(text).toContain('Narration (the articles’ own words)');
  });

  it('keeps every line within the width and writes no escape codes without colour', () => {
    for (const line of text.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(60);
    expect(text).not.toContain('\x1b[');
  });

  it('says so when no article mentions the topic', () => {
    const none = formatComparisonText(compareArticles(inputs, 'referendum'), { width: 60, color: false });
    expect(none).toContain('0 statements in 0 of 4 articles');
    expect(none).toContain('No statement about “referendum” in the loaded articles.');
  });
});

describe('comparisonToJson', () => {
  it('has the fields the issue names, for any topic word', () => {
    const json = comparisonToJson(compareArticles(inputs, 'wildfire')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['topic', 'terms', 'articles', 'statements', 'speakers']));
    expect(json.topic).toBe('wildfire');
    const statements = json.statements as { article: string; speaker: string | null; dates: unknown[] }[];
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(Object.keys(s).sort()).toEqual(['article', 'dates', 'evidence', 'kind', 'speaker', 'speakerRole', 'stance', 'text', 'unnamed']);
  });
});

describe('statements cut from a multi-sentence quote', () => {
  const bridge = loadDir(`${FIXTURES_DIR}frames`, '.txt');
  const text = formatComparisonText(compareArticles(bridge, 'detour'), { width: 200, color: false });

  it('print without the quote mark the cut left at either end', () => {
    expect(text).toMatch(/\] The detour adds twenty minutes to every trip\.(?: {2}para|\n)/);
    expect(text).toMatch(/\] It is why the city pays for extra buses on the detour\.(?: {2}para|\n)/);
  });
});

describe('a comparison of a large library', () => {
  it('prints more than 130,000 lines without overflowing the stack', () => {
    const statements = Array.from({ length: 135_000 }, () => ({
      article: 'a0',
      speaker: 'Ana Petrova',
      kind: 'direct' as const,
      stance: 'neutral' as const,
      text: 'Truce.',
      dates: [],
      evidence: { sentence: 0, paragraph: 0, start: 0, end: 10 },
    }));
    const comparison = {
      topic: 'ceasefire',
      terms: ['ceasefire'],
      articles: [{ id: 'a0', title: 'Report', date: null }],
      statements,
      speakers: [{ name: 'Ana Petrova', aliases: [], articles: [], statements: statements.length }],
      disagreements: [],
    };
    const text = formatComparisonText(comparison as Comparison, { width: 80, color: false });
    expect(text.split('\n').length).toBeGreaterThan(130_000);
  }, 120_000);
});
