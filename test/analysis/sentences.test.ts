import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/sentences.js';
import { analysisText } from '../../src/analysis/text.js';

function texts(...paragraphs: string[]): string[] {
  return splitSentences({ paragraphs }).map((s) => s.text);
}

describe('splitSentences', () => {
  it('keeps abbreviations, initials and dates inside a sentence', () => {
    expect(texts('Gen. Anna Holm met Lt. Col. Piet Varn in St. Petersburg on Sept. 7, and the U.S. envoy flew on Aug. 15. Talks resumed.')).toEqual([
      'Gen. Anna Holm met Lt. Col. Piet Varn in St. Petersburg on Sept. 7, and the U.S. envoy flew on Aug. 15.',
      'Talks resumed.',
    ]);
    expect(texts('The book by J. R. R. Tolkien sold 2.5 million copies. Dr. Mira Osk said so.')).toEqual([
      'The book by J. R. R. Tolkien sold 2.5 million copies.',
      'Dr. Mira Osk said so.',
    ]);
  });

  it('ends a sentence after a dotted acronym when a new sentence clearly starts', () => {
    expect(texts('Aid arrived from the U.S. The convoy was late.')).toEqual([
      'Aid arrived from the U.S.',
      'The convoy was late.',
    ]);
  });

  it('keeps a closing quote with its sentence and does not split on a quoted question', () => {
    expect(texts('"We will not leave." She paused. “Why now?” he asked. “It ends.”')).toEqual([
      '"We will not leave."',
      'She paused.',
      '“Why now?” he asked.',
      '“It ends.”',
    ]);
  });

  it('treats an ellipsis inside a quote as part of the sentence', () => {
    expect(texts('"The offices were hit in Varna. ... History shows this... can escalate. It must stop."')).toEqual([
      '"The offices were hit in Varna.',
      '... History shows this... can escalate.',
      'It must stop."',
    ]);
  });

  it('never crosses paragraphs and gives offsets into the analysis text', () => {
    const input = { paragraphs: ['First one. Second one', 'Third one.'] };
    const sentences = splitSentences(input);
    const text = analysisText(input);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.index)).toEqual([0, 1, 2]);
  });
});
