import { describe, expect, it } from 'vitest';
import { compareArticles } from '../../src/analysis/compare.js';
import { comparisonToJson, formatComparisonText } from '../../src/print/compare.js';
import { FIXTURES_DIR, loadDir } from './helpers.js';

const inputs = loadDir(`${FIXTURES_DIR}compare`, '.txt');
const c = compareArticles(inputs);

describe('compareArticles on articles of our own making', () => {
  it('finds no statement in the article without a ceasefire', () => {
    expect(inputs.map((i) => i.id)).toContain('flood');
    expect(c.statements.filter((s) => s.article === 'flood')).toEqual([]);
    expect(c.articles.map((a) => a.id)).toContain('flood');
  });

  it('finds each statement with speaker, kind and stance', () => {
    const find = (words: string) => c.statements.find((s) => s.text.includes(words));
    expect(find('There will be no truce')).toMatchObject({ speaker: 'Tomas Vell', kind: 'direct', stance: 'rejects' });
    expect(find('violated twice overnight')).toMatchObject({ speaker: 'Pellin Defence Ministry', kind: 'indirect', stance: 'violation' });
    expect(find('would sign a truce')).toMatchObject({ speaker: 'Johan Strand', kind: 'indirect', stance: 'accepts' });
    expect(find('peace of mind')).toBeUndefined();
  });

  it('resolves the dates a statement mentions against its article date', () => {
    const s = c.statements.find((x) => x.text.includes('would sign a truce'))!;
    expect(s.dates).toEqual(expect.arrayContaining([expect.objectContaining({ text: expect.stringContaining('Monday'), date: '2024-03-11' })]));
  });

  it('merges one speaker across articles whatever the spelling', () => {
    const rows = c.speakers.filter((r) => /Marchenk/.test(r.name));
    expect(rows).toHaveLength(1);
    expect(rows[0].articles.sort()).toEqual(['pellin-truce', 'varnia-talks']);
    const vell = c.speakers.filter((r) => /Vell/.test(r.name));
    expect(vell).toHaveLength(1);
    expect(vell[0].name).toBe('Tomas Vell');
    expect(c.statements.filter((s) => s.speaker === 'Tomas Vell').map((s) => s.article)).toContain('varnia-talks');
  });

  it('pairs statements of different speakers whose stances oppose', () => {
    expect(c.disagreements.length).toBeGreaterThan(0);
    for (const d of c.disagreements) {
      expect(c.statements[d.a].speaker).not.toBe(c.statements[d.b].speaker);
    }
  });

  it('accepts any topic word', () => {
    const t = compareArticles(inputs, 'pump');
    expect(t.statements.map((s) => s.text)).toEqual(['Holm said the town needed pumps, not promises.']);
    expect(t.statements[0].speaker).toBe('Greta Holm');
  });
});

describe('printing a comparison', () => {
  it('prints plain text grouped by speaker, with narration apart and no escape codes', () => {
    const text = formatComparisonText(c, { width: 80, color: false });
    expect(text).not.toMatch(/\x1b\[/);
    const strand = text.indexOf('Johan Strand');
    expect(strand).toBeGreaterThan(-1);
    expect(text.indexOf('Pellin and Varnia agree a truce', strand)).toBeGreaterThan(strand);
    expect(text).toContain('[direct · rejects]');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(formatComparisonText(c, { width: 80, color: true })).toMatch(/\x1b\[1m/);
  });

  it('prints the JSON shape the issue specifies', () => {
    const json = JSON.parse(JSON.stringify(comparisonToJson(c)));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['topic', 'terms', 'articles', 'statements', 'speakers']));
    expect(json.articles[0]).toEqual({ id: expect.any(String), title: expect.any(String), date: expect.any(String) });
    for (const s of json.statements) {
      expect(Object.keys(s).sort()).toEqual(['article', 'dates', 'evidence', 'kind', 'speaker', 'stance', 'text']);
      expect(s.speaker === null || typeof s.speaker === 'string').toBe(true);
    }
    expect(Object.keys(json.speakers[0]).sort()).toEqual(['aliases', 'articles', 'name', 'statements']);
  });
});
