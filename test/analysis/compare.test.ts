import { describe, expect, it } from 'vitest';
import { compareArticles } from '../../src/analysis/compare.js';
import { comparisonToJson } from '../../src/print/compare.js';
import { sheetText } from '../../src/print/sheet.js';
import { comparisonSheet } from '../../src/render/comparison.js';
import type { Comparison } from '../../src/analysis/types.js';

function formatComparisonText(comparison: Comparison, options: { width: number; color: boolean }): string {
  return sheetText(comparisonSheet(comparison, { ...options, order: 'speaker', articleIndex: () => 0 }), options);
}
import { attributeSentences } from '../../src/analysis/attribution.js';
import { findEntities } from '../../src/analysis/entities.js';
import { samePerson } from '../../src/analysis/names.js';
import { splitSentences } from '../../src/analysis/sentences.js';
import { ARTICLES_DIR, FIXTURES_DIR, loadDir } from './helpers.js';

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
      expect(Object.keys(s).sort()).toEqual(['article', 'dates', 'evidence', 'kind', 'speaker', 'speakerRole', 'stance', 'text', 'unnamed']);
      expect(s.speaker === null || typeof s.speaker === 'string').toBe(true);
    }
    expect(Object.keys(json.speakers[0]).sort()).toEqual(['aliases', 'articles', 'name', 'role', 'statements', 'unnamed']);
  });
});

describe('compareArticles reads the context a statement needs, however far back', () => {
  it('finds the person a role names paragraphs before the statement', () => {
    const filler = Array.from({ length: 8 }, (_, i) => `Shops in district ${i + 1} stayed closed on Monday and buses ran late.`);
    const input = {
      id: 'far-role',
      title: 'Truce talks',
      date: '2024-05-02',
      paragraphs: [
        'Talks opened in the capital under heavy security after a week of fighting between the army and the rebels.',
        'Prime Minister Johan Strand arrived late after a cabinet meeting.',
        ...filler,
        'The prime minister said the truce would hold through the weekend.',
      ],
    };
    const statement = compareArticles([input]).statements.find((s) => s.text.includes('would hold'));
    expect(statement).toMatchObject({ speaker: 'Johan Strand', kind: 'indirect' });
  });
});

describe('compareArticles agrees with whole-article attribution', () => {
  it('gives every statement the speaker the summary\'s attribution gives its sentence', () => {
    const all = [...loadDir(ARTICLES_DIR), ...loadDir(`${FIXTURES_DIR}compare`, '.txt'), ...loadDir(`${FIXTURES_DIR}styles`, '.txt')];
    const c = compareArticles(all);
    for (const input of all) {
      const sentences = splitSentences(input);
      const whole = attributeSentences(input, sentences, findEntities(input, sentences).people);
      for (const st of c.statements.filter((s) => s.article === input.id)) {
        const att = whole[st.evidence.sentence];
        expect({ kind: st.kind, speaker: st.speaker === null ? null : 'someone' }).toEqual({ kind: att.kind, speaker: att.speaker === null ? null : 'someone' });
        if (att.speaker) expect(samePerson(st.speaker!, att.speaker) || st.speaker === att.speaker).toBe(true);
      }
    }
  });
});
