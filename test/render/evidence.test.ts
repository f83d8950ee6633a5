import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/render/article.js';
import { paragraphOffset, type TextRange } from '../../src/analysis/text.js';
import { locateRange } from '../../src/render/evidence.js';
import { stripStyle } from '../../src/render/text.js';
import type { Match, RenderedArticle } from '../../src/render/types.js';
import type { Article } from '../../src/library/types.js';
import { bundledArticles, fixtureArticles, makeArticle } from './fixtures.js';

/** Letters and digits only, lower-cased: what both texts have in common. */
function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** What the highlight covers on screen, link numbers left out. */
function shown(doc: RenderedArticle, ranges: Match[]): string {
  return ranges.map((r) => stripStyle(doc.lines[r.line]).slice(r.start, r.end)).join(' ').replace(/\[\d+\]/g, '');
}

/** Every sentence of every paragraph as a range of the joined text (a rough splitter is enough here). */
function sentences(article: Article): { range: TextRange; text: string }[] {
  const out: { range: TextRange; text: string }[] = [];
  article.paragraphs.forEach((paragraph, p) => {
    const base = paragraphOffset(article.paragraphs, p);
    for (const match of paragraph.matchAll(/[^.!?]+[.!?]+["”’]?/g)) {
      const text = match[0].trim();
      if (letters(text) === '') continue;
      const start = base + match.index + match[0].indexOf(text);
      out.push({ range: { paragraph: p, start, end: start + text.length }, text });
    }
  });
  return out;
}

describe('locateRange', () => {
  it('finds every sentence of every article on screen, at any width', () => {
    for (const article of [...fixtureArticles(), ...bundledArticles()]) {
      for (const width of [20, 47, 80, 100]) {
        const doc = renderArticle(article, { width, color: true });
        for (const { range, text } of sentences(article)) {
          const ranges = locateRange(doc, article.paragraphs, range);
          expect(letters(shown(doc, ranges)), `${article.id} at ${width}: ${text}`).toBe(letters(text));
          // In line order, one range per line, inside the line.
          ranges.forEach((r, i) => {
            if (i > 0) expect(r.line).toBe(ranges[i - 1].line + 1);
            expect(r.end).toBeLessThanOrEqual(stripStyle(doc.lines[r.line]).length);
          });
        }
      }
    }
  });

  it('starts at the sentence’s first letter and ends with its closing punctuation', () => {
    const article = makeArticle({ body: 'Intro words here. The levee held overnight, officials said. More follows.' });
    const doc = renderArticle(article, { width: 80, color: false });
    const start = article.paragraphs[0].indexOf('The levee');
    const end = article.paragraphs[0].indexOf(' More');
    const [range] = locateRange(doc, article.paragraphs, { paragraph: 0, start, end });
    expect(stripStyle(doc.lines[range.line]).slice(range.start, range.end)).toBe('The levee held overnight, officials said.');
  });

  it('takes in the quote marks around a quoted sentence', () => {
    const article = makeArticle({ body: 'Before. “The levee held,” she said. After.' });
    const doc = renderArticle(article, { width: 80, color: false });
    const start = article.paragraphs[0].indexOf('“');
    const end = article.paragraphs[0].indexOf(' After');
    const [range] = locateRange(doc, article.paragraphs, { paragraph: 0, start, end });
    expect(stripStyle(doc.lines[range.line]).slice(range.start, range.end)).toBe('“The levee held,” she said.');
  });

  it('picks the occurrence in the right paragraph when the same sentence is repeated', () => {
    const body = 'The gates stay shut.\n\nA second paragraph comes between.\n\nThe gates stay shut.';
    const article = makeArticle({ body });
    const doc = renderArticle(article, { width: 40, color: false });
    const start = paragraphOffset(article.paragraphs, 2);
    const ranges = locateRange(doc, article.paragraphs, { paragraph: 2, start, end: start + 'The gates stay shut.'.length });
    expect(ranges[0].line).toBeGreaterThanOrEqual(doc.paragraphLines[2]);
  });

  it('counts its way to a sentence repeated inside one paragraph, wrapped and styled', () => {
    const article = makeArticle({ body: 'Hold the line. **Talks** go on. Hold the line. Talks go on. Hold the line.' });
    const doc = renderArticle(article, { width: 24, color: true });
    const text = article.paragraphs[0];
    const start = text.lastIndexOf('Hold the line.');
    const ranges = locateRange(doc, article.paragraphs, { paragraph: 0, start, end: start + 'Hold the line.'.length });
    const before = letters(text.slice(0, start)).length;
    const plain = doc.lines.map(stripStyle);
    let seen = 0;
    for (let line = 0; line < ranges[0].line; line++) seen += letters(plain[line]).length;
    expect(seen + letters(plain[ranges[0].line].slice(0, ranges[0].start)).length - letters(plain.slice(0, doc.paragraphLines[0]).join('')).length).toBe(before);
    expect(letters(shown(doc, ranges))).toBe('holdtheline');
  });

  it('still points into the right paragraph when the words are not on screen as analysed', () => {
    const article = makeArticle({ body: 'First paragraph.\n\nSecond paragraph with words.', paragraphs: ['First paragraph.', 'Something the renderer never shows.'] });
    const doc = renderArticle(article, { width: 60, color: false });
    const start = paragraphOffset(article.paragraphs, 1);
    const ranges = locateRange(doc, article.paragraphs, { paragraph: 1, start, end: start + 9 });
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges[0].line).toBe(doc.paragraphLines[1]);
  });
});
