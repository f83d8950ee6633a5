import { describe, expect, it } from 'vitest';
import { compareArticles } from '../../src/analysis/compare.js';
import { summarize } from '../../src/analysis/summary.js';
import type { Statement } from '../../src/analysis/types.js';
import { FIXTURES_DIR, articleInput, loadDir } from './helpers.js';

/**
 * Articles written in styles the bundled ones don't use: wire copy ("said Tuesday", "told The
 * Associated Press", "a spokesperson for X said"), a labour dispute's "truce", "cease-fire"
 * spelled with a hyphen, names with diacritics, women and bodies as speakers, a quote split
 * around its speaker and one that runs over two paragraphs, and an article whose only
 * near-misses are false friends ("fire crews", "peace of mind", "ceased").
 */

const DIR = `${FIXTURES_DIR}styles/`;
const inputs = loadDir(DIR, '.txt');
const comparison = compareArticles(inputs);

function statement(words: string): Statement {
  const found = comparison.statements.find((s) => s.text.includes(words));
  if (!found) throw new Error(`no statement contains "${words}"`);
  return found;
}

describe('comparison on wire copy about a labour truce', () => {
  it('splits the quote around its speaker and reads the halves as one refusal', () => {
    expect(statement('We will not')).toMatchObject({ speaker: 'Ingrid Solberg', kind: 'direct', stance: 'rejects' });
  });

  it('resolves "she said" to the woman named in the sentence before', () => {
    expect(statement('return to the picket lines')).toMatchObject({ speaker: 'Ingrid Solberg', kind: 'indirect' });
  });

  it('gives a spokesperson\'s words to the body they speak for', () => {
    expect(statement('A spokesperson for')).toMatchObject({ speaker: 'Nordhavn Terminals', stance: 'accepts' });
  });

  it('names bodies as speakers: "the union said in a statement", "the labour ministry said"', () => {
    expect(statement('takes effect at midnight')).toMatchObject({ speaker: 'Harbour Workers Union', kind: 'indirect' });
    expect(statement('offered to mediate')).toMatchObject({ speaker: 'labour ministry', kind: 'indirect', stance: 'proposes' });
  });

  it('reads "said Mette Lund, a labour economist" after the quote', () => {
    expect(statement('A truce is not a contract')).toMatchObject({ speaker: 'Mette Lund', kind: 'direct' });
  });

  it('keeps the lead as narration and reads "agreed Tuesday to" as acceptance', () => {
    const lead = statement('agreed Tuesday to a 10-day truce');
    expect(lead).toMatchObject({ speaker: null, kind: 'narration', stance: 'accepts' });
    expect(lead.dates).toEqual([{ text: 'Tuesday', date: '2025-10-14' }]);
  });

  it('resolves a coming month and day to this year, not the last', () => {
    expect(statement('takes effect at midnight').dates).toContainEqual({ text: 'Oct. 25', date: '2025-10-25' });
    expect(statement('offered to mediate').dates).toEqual([{ text: 'Oct. 25', date: '2025-10-25' }]);
  });
});

describe('comparison on a "cease-fire" with accented names', () => {
  it('finds the hyphenated spelling and keeps diacritics in speakers', () => {
    expect(statement('first real chance in years')).toMatchObject({ speaker: 'José Ramos-Horta', stance: 'proposes' });
    expect(statement('first real chance in years').dates).toContainEqual({ text: 'Sept. 1', date: '2024-09-01' });
  });

  it('continues a quote into the next paragraph when the first leaves it open', () => {
    expect(statement('the world will know who broke it')).toMatchObject({ speaker: 'José Ramos-Horta', kind: 'direct' });
  });

  it('reads a denial of a violation as a rejection, not a violation', () => {
    expect(statement('rejected claims that the army had violated')).toMatchObject({ speaker: 'Filomeno Paixão', stance: 'rejects' });
  });

  it('gives "she said" to the woman just named, with her hope', () => {
    expect(statement('We want this cease-fire to last')).toMatchObject({ speaker: 'Maria Soares', kind: 'direct', stance: 'hopes' });
  });
});

describe('comparison on a truce offer with Turkish names', () => {
  it('merges "Erdoğan" into the full name and resolves "He added"', () => {
    expect(statement('offered on Tuesday a truce')).toMatchObject({ speaker: 'Recep Tayyip Erdoğan', stance: 'proposes' });
    expect(statement('monitored hour by hour')).toMatchObject({ speaker: 'Recep Tayyip Erdoğan', kind: 'direct' });
    const rows = comparison.speakers.filter((r) => r.name.includes('Erdoğan'));
    expect(rows).toHaveLength(1);
  });

  it('names a group as the speaker of what it rejected', () => {
    expect(statement('a trap dressed as peace')).toMatchObject({ speaker: 'militant group', stance: 'rejects' });
  });

  it('resolves "he told reporters" after a quote', () => {
    expect(statement('not a peace process')).toMatchObject({ speaker: 'Özgür Özel', kind: 'direct' });
  });

  it('leaves out the false friends in the same article', () => {
    expect(comparison.statements.find((s) => s.text.includes('fire crews'))).toBeUndefined();
  });
});

describe('an article with only false friends of the topic', () => {
  it('yields no statement', () => {
    expect(inputs.map((i) => i.id)).toContain('wildfire-no-topic');
    expect(comparison.statements.filter((s) => s.article === 'wildfire-no-topic')).toEqual([]);
  });

  it('still lists the article and finds statements under another topic word', () => {
    expect(comparison.articles.map((a) => a.id)).toContain('wildfire-no-topic');
    const fires = compareArticles(inputs, 'wildfire');
    expect(fires.terms).toEqual(['wildfire', 'wildfires', 'wildfired', 'wildfiring']);
    expect(fires.statements.map((s) => s.article)).toEqual(expect.arrayContaining(['wildfire-no-topic', 'erdogan-truce']));
    expect(fires.statements.every((s) => /wildfire/i.test(s.text))).toBe(true);
  });
});

describe('summaries of the style articles', () => {
  const summary = (name: string) => summarize(articleInput(`${DIR}${name}.txt`));

  it('keeps casualties with their qualifier and the part they include', () => {
    const timor = summary('timor-cease-fire');
    expect(timor.casualties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'killed', count: 14, qualifier: 'at least', including: [{ count: 3, group: 'children' }] }),
        expect.objectContaining({ kind: 'injured', count: 40, qualifier: 'over' }),
      ]),
    );
    // People displaced are never casualties: they are a quantity of the story.
    expect(timor.casualties.some((c) => c.kind === 'displaced')).toBe(false);
    expect(timor.quantities).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'people', count: 2500 })]));
    expect(summary('port-strike-truce').casualties).toEqual([expect.objectContaining({ kind: 'injured', count: 2, group: 'workers' })]);
  });

  it('tells bodies from people: a spokesperson\'s company is an organisation', () => {
    const port = summary('port-strike-truce');
    expect(port.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Ingrid Solberg', 'Rolf Eide', 'Mette Lund']));
    expect(port.people.map((p) => p.name)).not.toContain('Nordhavn Terminals');
    expect(port.organizations.map((o) => o.name)).toContain('Nordhavn Terminals');
    expect(port.people.find((p) => p.name === 'Ingrid Solberg')).toMatchObject({ role: 'union president', aliases: ['Solberg'] });
  });

  it('reads a place after "above" and the speaker of an inverted quote with a long role', () => {
    const fire = summary('wildfire-no-topic');
    expect(fire.places.map((p) => p.name)).toContain('Castelo Branco');
    expect(fire.people.map((p) => p.name)).toEqual(['Ana Ferreira']);
    expect(fire.quotes.find((q) => q.text.includes('The wind is our enemy'))).toMatchObject({ speaker: 'Ana Ferreira', kind: 'direct' });
  });

  it('keeps diacritics in people and places', () => {
    const tr = summary('erdogan-truce');
    expect(tr.people[0]).toMatchObject({ name: 'Recep Tayyip Erdoğan', role: 'Turkish President', mentions: 3 });
    expect(tr.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Şırnak', 'Ankara', 'Diyarbakır', 'İzmir']));
    expect(tr.casualties).toEqual([expect.objectContaining({ kind: 'killed', count: 8, group: 'soldiers' })]);
  });
});
