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

describe('leads in any script', () => {
  it('opens with a paragraph in a script written without spaces', () => {
    const sentences = splitSentences({ paragraphs: ['山田太郎', '北川市で大雨が降り、三人が行方不明になった。市は避難所を開いた。', 'Later paragraph.'] });
    expect(pickLead(sentences).map((s) => s.text).slice(0, 2)).toEqual(['北川市で大雨が降り、三人が行方不明になった。', '市は避難所を開いた。']);
  });

  it('opens with Cyrillic, Greek and Arabic prose', () => {
    for (const text of ['Жители города Верхнедольск провели ночь в укрытиях.', 'Οι κάτοικοι της πόλης πέρασαν τη νύχτα σε καταφύγια.', 'أمضى سكان المدينة الليلة في الملاجئ بعد القصف؟']) {
      expect(pickLead(splitSentences({ paragraphs: [text] })).map((s) => s.text)).toEqual([text]);
    }
  });
});
