import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/render/article.js';
import { MAX_RENDERED_LINE_CHARS } from '../../src/render/limits.js';
import { displayWidth, stripStyle } from '../../src/render/text.js';
import { bundledArticles, fixture, fixtureArticles, makeArticle } from './fixtures.js';

const ESC = '\x1b';

describe('renderArticle', () => {
  it('starts with the title, date and source, then the body', () => {
    const article = fixture('ferry');
    const { lines } = renderArticle(article, { width: 80, color: false });
    expect(lines[0]).toContain(article.title);
    expect(lines[1]).toContain(article.date!);
    expect(lines[1]).toContain(article.source!);
    expect(lines.join('\n')).toContain('The harbour council voted');
  });

  it('never makes a line wider than asked, at any width, for every article', () => {
    for (const article of [...fixtureArticles(), ...bundledArticles()]) {
      for (const width of [10, 20, 33, 61, 80, 100]) {
        for (const color of [false, true]) {
          const { lines } = renderArticle(article, { width, color });
          for (const line of lines) expect(displayWidth(stripStyle(line))).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('wraps CJK and emoji by display width, never splitting a character', () => {
    const article = fixture('东京');
    const { lines } = renderArticle(article, { width: 21, color: false });
    const body = lines.join('');
    expect(body).not.toContain('\ufffd');
    // Some full-width lines really are filled to the width (counted as two columns per character).
    expect(lines.some((line) => displayWidth(line) >= 20 && line.length <= 11)).toBe(true);
    expect(body.replace(/\s/g, '')).toContain(article.paragraphs[0].replace(/\s/g, ''));
  });

  it('has no escape sequence at all when colour is off, and styling when it is on', () => {
    const article = fixture('ferry');
    expect(renderArticle(article, { width: 60, color: false }).lines.join('\n')).not.toContain(ESC);
    expect(renderArticle(article, { width: 60, color: true }).lines.join('\n')).toContain(`${ESC}[1m`);
  });

  it('keeps bold inside list items', () => {
    const { lines } = renderArticle(fixture('ferry'), { width: 100, color: true });
    const item = lines.find((line) => line.includes('twenty minutes'))!;
    expect(item).toMatch(/\x1b\[1mevery twenty minutes\x1b\[22m/);
    expect(stripStyle(item)).toMatch(/^\s*• Morning ferries/);
  });

  it('shows headings, quotes and list bullets', () => {
    const text = renderArticle(fixture('ferry'), { width: 100, color: false }).lines.join('\n');
    expect(text).toMatch(/^## What changes$/m);
    expect(text).toMatch(/^> "This timetable is a compromise/m);
    expect(text).toMatch(/^ {2}• Weekend service is unchanged$/m);
  });

  it('numbers links in the text and lists each in full after the body', () => {
    const article = fixture('ferry');
    const { lines, links, linkLines } = renderArticle(article, { width: 100, color: false });
    expect(links.map((link) => link.url)).toEqual([
      'https://example.org/minutes',
      'http://example.net/terminal',
      'javascript:alert(1)',
      article.url,
    ]);
    expect(lines[linkLines[0]]).toContain('minutes[1]');
    expect(lines[linkLines[1]]).toContain('terminal[2]');
    const listed = lines.slice(lines.findIndex((line) => line === 'Links'));
    for (const link of links) expect(listed.join('\n')).toContain(link.url);
    expect(listed.join('\n')).toMatch(/javascript:alert\(1\).*only http and https/s);
  });

  it('sets credits apart after the body', () => {
    const article = fixture('ferry');
    const { lines } = renderArticle(article, { width: 80, color: false });
    const credits = lines.indexOf('Credits');
    expect(credits).toBeGreaterThan(lines.findIndex((line) => line.includes('Residents who object')));
    expect(lines[credits + 1]).toBe(article.credits[0]);
  });

  it('ends without blank lines', () => {
    for (const article of fixtureArticles()) {
      const { lines } = renderArticle(article, { width: 50, color: false });
      expect(lines[lines.length - 1].trim()).not.toBe('');
    }
  });

  it('knows the first line of every paragraph, at every width', () => {
    for (const article of [...bundledArticles(), ...fixtureArticles()]) {
      for (const width of [24, 80]) {
        const { lines, paragraphLines } = renderArticle(article, { width, color: false });
        expect(paragraphLines).toHaveLength(article.paragraphs.length);
        article.paragraphs.forEach((paragraph, i) => {
          const firstWord = paragraph.split(/\s+/)[0].replace(/[^\p{L}\p{N}]/gu, '');
          const line = lines[paragraphLines[i]].replace(/[^\p{L}\p{N}]/gu, '');
          expect(line.startsWith(firstWord.slice(0, 5)), `paragraph ${i} of ${article.id} at ${width}`).toBe(true);
        });
        expect([...paragraphLines].sort((a, b) => a - b)).toEqual(paragraphLines);
      }
    }
  });

  it('cuts an enormous line with a visible marker instead of hanging', () => {
    const huge = 'word '.repeat(200_000); // 1 MB on one line
    const article = makeArticle({ body: huge });
    const { lines } = renderArticle(article, { width: 80, color: false });
    const text = lines.join(' ');
    expect(text).toMatch(/line cut: \d+ more characters not shown/);
    expect(lines.length).toBeLessThan((MAX_RENDERED_LINE_CHARS / 80) * 2);
  });

  it('lets no control sequence from the text through, even as HTML entities', () => {
    const body = 'Clipboard \x1b]52;c;aGk=\x07 title \x1b]0;pwned\x07 csi \x1b[2J c1 \x9b31m bell \x07 ent &#27;[31m &#x1b;]0;x&#7; ok';
    const article = makeArticle({ title: 'Bad \x1b[31mtitle', body, related: [{ text: 'r\x1b[5m', url: 'https://x.example/\x1b[1m' }] });
    for (const color of [false, true]) {
      const text = renderArticle(article, { width: 80, color }).lines.join('\n');
      expect(text).not.toMatch(/[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f]/);
      const escapes = text.match(/\x1b[^m]*m?/g) ?? [];
      for (const sequence of escapes) expect(sequence).toMatch(/^\x1b\[[0-9;]*m$/);
      if (!color) expect(escapes).toEqual([]);
    }
  });
});
