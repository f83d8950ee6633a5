import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/library/load.js';
import { parseArticleBytes } from '../../src/library/read-file.js';
import { ArticleError } from '../../src/library/parse.js';
import { sanitizeText } from '../../src/library/sanitize.js';

/** What must never reach a terminal from an article's text. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** Pieces hostile text is built from: escape sequences, controls, entities, bidi marks, wide chars. */
const hostilePiece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '\x1b]52;c;ZWNobyBoaQ==\x07', '\x1b]0;title\x1b\\', '\x1b]8;;http://x\x1b\\', '\x1b[2J', '\x1b[31m', '\x1bP1$r\x1b\\',
    '\u009b31m', '\u009d0;t\u009c', '\x07', '\x00', '\x7f', '&#27;', '&amp;#x1b;', '\u202e', '\u2066', '\r\n', '\r',
    '\n\n', '---\n', '# ', '> ', '- ', '**', '_', '[a](b)', '`', '|', '停火', '🕊️', '\ufeff', '\ud800',
  ),
);
const hostileText = fc.array(hostilePiece, { maxLength: 40 }).map((pieces) => pieces.join(''));

function fieldsOf(article: { title: string; body: string; paragraphs: string[]; credits: string[]; tags: string[] }): string[] {
  return [article.title, article.body, ...article.paragraphs, ...article.credits, ...article.tags];
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the loader on random input (property)', () => {
  it('sanitiser output is stable and safe for any string', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const clean = sanitizeText(text);
        expect(clean).not.toMatch(UNSAFE);
        expect(sanitizeText(clean)).toBe(clean);
      }),
      { numRuns: 3000 },
    );
  });

  it('parses any bytes to a safe article or a reason, never an uncaught error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), hostileText.map((text) => Buffer.from(text))), fc.constantFrom('a.md', 'a.txt'), (bytes, name) => {
        try {
          const { article } = parseArticleBytes(bytes, name);
          for (const field of fieldsOf(article)) expect(field).not.toMatch(UNSAFE);
        } catch (error) {
          expect(error).toBeInstanceOf(ArticleError);
          expect((error as Error).message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads random front matter safely (YAML escapes included)', () => {
    const value = fc.oneof(hostileText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(hostileText, { maxLength: 3 }), fc.date({ noInvalidDate: true }));
    const frontMatter = fc.dictionary(fc.constantFrom('title', 'date', 'source', 'url', 'tags', 'other'), value);
    fc.assert(
      fc.property(frontMatter, hostileText, (meta, body) => {
        const text = `---\n${stringify(meta)}---\n\n${body}\n`;
        try {
          const { article } = parseArticleBytes(Buffer.from(text), 'x.md');
          for (const field of fieldsOf(article)) expect(field).not.toMatch(UNSAFE);
          for (const field of [article.source, article.url, article.date]) if (field) expect(field).not.toMatch(UNSAFE);
        } catch (error) {
          expect(error).toBeInstanceOf(ArticleError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('loads a folder of random files: every file is an article or a problem naming it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('.md', '.txt')), { minLength: 1, maxLength: 8 }), (files) => {
        const dir = mkdtempSync(join(tmpdir(), 'newsdesk-prop-'));
        dirs.push(dir);
        files.forEach(([bytes, extension], i) => writeFileSync(join(dir, `f${i}${extension}`), bytes));
        const { articles, problems } = loadArticles([dir], { cacheDir: false });
        // Every file is accounted for: loaded, or named in a problem (or both, for a warning).
        const accounted = new Set([...articles.map((article) => article.path), ...problems.map((problem) => problem.path)]);
        expect(accounted.size).toBe(files.length);
        expect(articles.length).toBeLessThanOrEqual(files.length);
        for (const problem of problems) {
          expect(problem.path.startsWith(dir)).toBe(true);
          expect(problem.reason).not.toBe('');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('handles very long lines and deep nesting without error', () => {
    const long = 'word '.repeat(200_000);
    const nested = `${'> '.repeat(500)}deep\n\n${'- '.repeat(500)}item\n\n${'|a'.repeat(2000)}|\n`;
    for (const text of [long, nested]) {
      const { article } = parseArticleBytes(Buffer.from(text), 'x.md');
      expect(article.paragraphs.length).toBeGreaterThan(0);
    }
  });
});
