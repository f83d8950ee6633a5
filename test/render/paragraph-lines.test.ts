import { describe, expect, it } from 'vitest';
import { parseMarkdownArticle } from '../../src/library/parse.js';
import { renderArticle } from '../../src/render/article.js';
import { stripStyle } from '../../src/render/text.js';
import type { Article } from '../../src/library/types.js';

/**
 * Each of the loader's paragraphs is placed on screen by where its Markdown block starts, not by
 * comparing letters: paragraphs whose letters the renderer changes (footnote marks, a table, a rule of
 * dashes in a .txt file) land on their own lines too.
 */

function loaded(markdown: string): Article {
  const { article } = parseMarkdownArticle(markdown, 'fallback');
  return { ...article, id: 'x', path: '/tmp/x.md', size: markdown.length, mtimeMs: 0, ctimeMs: 0, ino: 0 } as unknown as Article;
}

const MARKDOWN = [
  '# Heading one',
  'Some text with a footnote[^1] and another[^note].',
  '| Date | Incident |\n|------|----------|\n| May 2 | A clash at sea |',
  '---',
  '- first item\n- second item',
  'A closing paragraph after the list.',
  '[^1]: The first note.',
  '[^note]: The second note.',
].join('\n\n');

describe('paragraph lines', () => {
  for (const width of [30, 60, 100]) {
    it(`put every paragraph on the first line of its own block (${width} columns)`, () => {
      const article = loaded(MARKDOWN);
      const doc = renderArticle(article, { width, color: false });
      const at = (i: number): string => stripStyle(doc.lines[doc.paragraphLines[i]] ?? '');
      expect(doc.paragraphLines).toHaveLength(article.paragraphs.length);
      const lines = [...doc.paragraphLines];
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
      expect(at(0)).toContain('Heading one');
      expect(at(1)).toMatch(/^Some text/);
      expect(at(2)).toMatch(/Date/);
      const closing = article.paragraphs.findIndex((p) => p.startsWith('A closing paragraph'));
      expect(at(closing)).toMatch(/^A closing/);
      const list = article.paragraphs.findIndex((p) => p.startsWith('first item'));
      expect(at(list)).toMatch(/first item/);
    });
  }
});
