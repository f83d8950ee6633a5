import { describe, expect, it } from 'vitest';
import { articleStatements, compareArticles, mergeSpeakers } from '../../src/analysis/compare.js';
import { statementsJson } from '../../src/analysis/statement-json.js';
import { topicMatcher, topicTerms } from '../../src/analysis/topics.js';
import { comparisonJsonPieces, comparisonToJson } from '../../src/print/compare.js';
import type { AnalysisInput } from '../../src/analysis/types.js';
import { FIXTURES_DIR, loadDir } from '../analysis/helpers.js';

/** The JSON as pieces (each article's statements written apart, speakers merged after) against the JSON of the whole comparison. */
function bothWays(inputs: AnalysisInput[], topic: string, extra: object): { whole: string; pieces: string } {
  const whole = `${JSON.stringify({ ...comparisonToJson(compareArticles(inputs, topic)), ...extra }, null, 2)}\n`;
  const matcher = topicMatcher(topic);
  const perArticle = inputs.map((input) => {
    const found = articleStatements(input, matcher);
    return { statements: found.statements.map(({ article, speaker, stance, speakerRole, unnamed }) => ({ article, speaker, stance, speakerRole, unnamed })), people: found.people, json: statementsJson(found.statements) };
  });
  const written = perArticle.map((one) => one.statements.map((st) => st.speaker));
  const { speakers, disagreements } = mergeSpeakers(perArticle);
  const pieces = comparisonJsonPieces(
    { topic, terms: topicTerms(topic), articles: inputs.map((i) => ({ id: i.id, title: i.title, date: i.date })), speakers, disagreements },
    perArticle.map((one, k) => ({ json: one.json, written: written[k], merged: one.statements })),
    extra,
  );
  return { whole, pieces: Buffer.concat(pieces).toString('utf8') };
}

describe('the comparison JSON written in pieces', () => {
  const gold = loadDir(new URL('../fixtures/gold/dev/articles/', import.meta.url).pathname, '.md');
  const styles = loadDir(`${FIXTURES_DIR}styles`, '.txt');

  it('is byte for byte the JSON of the whole comparison, merged speakers and curly quotes included', () => {
    for (const inputs of [gold, styles, [...gold, ...styles]]) {
      for (const topic of ['ceasefire', 'truce', 'talks']) {
        const { whole, pieces } = bothWays(inputs, topic, { stories: [{ id: 'x', articles: ['a'] }] });
        expect(pieces).toBe(whole);
      }
    }
  });

  it('puts in the merged name where an article wrote a shorter one, with text of any script', () => {
    const inputs: AnalysisInput[] = [
      { id: 'a', title: 'Ceasefire talks', date: '2025-01-02', paragraphs: ['Fighting continued near the front line as troops shelled the town. Foreign Minister Maria Lopez said the ceasefire would hold “for now”.'] },
      { id: 'b', title: 'Truce in doubt', date: null, paragraphs: ['Soldiers and rebels clashed again near Ząbki. Lopez said the ceasefire had already collapsed, 停火.'] },
      { id: 'c', title: 'Nothing here', date: null, paragraphs: ['Markets were calm.'] },
    ];
    const { whole, pieces } = bothWays(inputs, 'ceasefire', { stories: [] });
    // The case the pieces exist for: article b wrote "Lopez", the comparison says "Maria Lopez".
    expect(articleStatements(inputs[1], topicMatcher('ceasefire')).statements[0].speaker).toBe('Lopez');
    expect(compareArticles(inputs, 'ceasefire').statements.map((st) => st.speaker)).toEqual(['Maria Lopez', 'Maria Lopez']);
    expect(pieces).toBe(whole);
  });

  it('writes an empty list when no article holds a statement', () => {
    const { whole, pieces } = bothWays(styles, 'referendum', { stories: [] });
    expect(pieces).toBe(whole);
    expect(whole).toContain('"statements": []');
  });
});
