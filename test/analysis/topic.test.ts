import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/sentences.js';
import { aboutConflict, topicalSentences } from '../../src/analysis/topic.js';
import { topicMatcher } from '../../src/analysis/topics.js';

function topical(paragraphs: string[], title = 'x'): string[] {
  const sentences = splitSentences({ paragraphs });
  const set = topicalSentences(sentences, topicMatcher('ceasefire'), { conflictTopic: true, paragraphs, title });
  return sentences.filter((s) => set.has(s.index)).map((s) => s.text);
}

describe('topic beyond its keywords', () => {
  it('follows "the deal", "it" and the truce’s length once the article has introduced it', () => {
    const out = topical([
      'Rebels and the army agreed a 60-day truce on Friday after weeks of shelling.',
      'It took effect at dawn. The deal lets farmers return.',
      'Sixty days is a start, the mayor said.',
      'The harvest was poor this year.',
    ]);
    expect(out).toHaveLength(4);
    expect(out).not.toContain('The harvest was poor this year.');
  });

  it('reads the truce’s length in any case, the Kelvin sign Unicode folds to k included', () => {
    for (const [given, later] of [['a 3-WEEK truce', 'THREE WEEKS is a start, the mayor said.'], ['a 3-wee\u212a truce', 'Three wee\u212as is a start, the mayor said.']]) {
      const out = topical([`Rebels and the army agreed ${given} on Friday after weeks of shelling.`, later, 'The harvest was poor this year.']);
      expect(out).toContain(later);
      expect(out).toHaveLength(2);
    }
  });

  it('yields nothing from an article that only shares words with the topic', () => {
    expect(topical(['The two players called a truce before the final.', 'Fans cheered the handshake at the net.'])).toEqual([]);
    expect(topical(['Crews fought a fire on Ceasefire Street.', 'Ceasefire Street stays closed.'])).toEqual([]);
  });
});

describe('aboutConflict', () => {
  it('counts negotiation between parties: rebels and negotiations, one word of war beside a lower-case ceasefire, a movement refusing a truce before direct negotiations', () => {
    expect(aboutConflict(['The offer of a truce by the Tarsel rebels was rejected, as the two sides look to negotiations in Vell.'])).toBe(true);
    expect(aboutConflict(['The movement could only agree to a truce after it could negotiate directly; the situation had reached deadlock, it said.'])).toBe(true);
    expect(aboutConflict(['Tarsel has agreed to a new cease-fire proposal from the intermediaries.'])).toBe(true);
    expect(aboutConflict(['Crews fought a blaze on Ceasefire Street; one firefighter was killed.'])).toBe(false);
    expect(aboutConflict(['The two tennis stars called a truce over dinner after the final.'])).toBe(false);
  });
});
