import { describe, expect, it } from 'vitest';
import { attributeDetailed } from '../../src/analysis/attribution.js';
import { splitSentences } from '../../src/analysis/sentences.js';

function speakers(paragraphs: string[]) {
  const input = { id: 'x', title: 'x', date: null, paragraphs };
  const sentences = splitSentences(input);
  return attributeDetailed(input, sentences).map((r, i) => ({ text: sentences[i].text.slice(0, 30), speaker: r.speaker, unnamed: r.unnamed }));
}

describe('entity chains', () => {
  it('joins a description, a surname and a pronoun to the person, by role and gender', () => {
    const rows = speakers([
      'CORRAN, Velmaria — Ilse Marten, the Orvan envoy, arrived on Monday with Defence Minister Pavo Strel.',
      'The Orvan diplomat said the truce was fragile.',
      'Strel said the army would keep to it. She added that talks would resume.',
    ]);
    expect(rows[1].speaker).toBe('Ilse Marten');
    expect(rows[2].speaker).toBe('Pavo Strel');
    expect(rows[3].speaker).toBe('Ilse Marten');
  });

  it('keeps two people sharing a surname apart, and names a body with its country', () => {
    const rows = speakers([
      'KESTO, Ardavia — Mayor Lena Voss said the shelling stopped. Her cousin, Tomas Voss, runs a bakery.',
      'The army said the truce had held overnight.',
      'A senior official said it would not last.',
    ]);
    expect(rows[0].speaker).toBe('Lena Voss');
    expect(rows[2].speaker).toBe('Ardavia army');
    expect(rows[3]).toMatchObject({ speaker: 'a senior official', unnamed: true });
  });
});
