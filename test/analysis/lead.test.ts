import { describe, expect, it } from 'vitest';
import { isNotProse, pickLead } from '../../src/analysis/lead.js';
import { splitSentences } from '../../src/analysis/sentences.js';
import { loadBundledInputs, readFactsFixture } from './load-fixture.js';

describe('pickLead', () => {
  it('skips a dateline paragraph and opens with the first sentences of the story', () => {
    const input = readFactsFixture('facts-floods');
    const lead = pickLead(splitSentences(input), input.title);
    expect(lead[0].text).toMatch(/^Flash floods tore through towns/);
    expect(lead.length).toBeGreaterThanOrEqual(2);
    expect(lead.length).toBeLessThanOrEqual(3);
  });

  it('takes a third sentence only when the first two are short', () => {
    const sentences = splitSentences({ paragraphs: ['By Jane Roe', 'A dam burst. Water rose fast. Towns flooded overnight. Rescue came later.'] });
    expect(pickLead(sentences).map((s) => s.text)).toEqual(['A dam burst.', 'Water rose fast.', 'Towns flooded overnight.']);
  });

  it('opens the bundled Sumy report with its first two sentences', () => {
    const input = loadBundledInputs().get('sumy-strike-witkoff');
    expect(input).toBeDefined();
    const lead = pickLead(splitSentences(input!), input!.title);
    expect(lead.map((s) => s.index)).toEqual([0, 1]);
  });
});

describe('isNotProse', () => {
  it.each(['By Jane Doe and John Roe', 'KYIV, Ukraine (AP) —', 'Image: State Emergency Service', 'Updated: 12 May 2025', 'Read also: more news'])(
    'treats "%s" as not part of the story',
    (line) => expect(isNotProse(line)).toBe(true),
  );

  it('keeps an ordinary sentence', () => {
    expect(isNotProse('By Wednesday the death toll had climbed to 11,200, officials said.')).toBe(false);
  });
});
