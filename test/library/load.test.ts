import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../../src/library/limits.js';
import { DirectoryError, loadArticles } from '../../src/library/load.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'library');
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-load-'));
  temporary.push(dir);
  return dir;
}

describe('loadArticles on good files', () => {
  const { articles, problems } = loadArticles([join(fixtures, 'good')]);
  const byId = Object.fromEntries(articles.map((article) => [article.id, article]));

  it('reads .md and .txt recursively, and nothing else', () => {
    expect(problems).toEqual([]);
    expect(Object.keys(byId).sort()).toEqual(['alpha', 'gamma', 'plain-headline', 'plain-sentence']);
  });

  it('reads front matter and takes the trailing photo credit out of the body', () => {
    const alpha = byId.alpha;
    expect(alpha).toMatchObject({
      title: 'Alpha report',
      date: '2024-03-02',
      source: 'Example Wire',
      url: 'https://example.com/alpha',
      tags: ['floods', 'rescue'],
      credits: ['Photo: Jane Doe / Example Wire'],
      format: 'md',
    });
    expect(alpha.paragraphs).toEqual([
      'A heading',
      'First bold paragraph with a link.',
      'a list item another',
    ]);
    expect(alpha.body).not.toContain('Photo:');
  });

  it('takes a headline-like first line of a .txt file as its title, each line a paragraph', () => {
    expect(byId['plain-headline'].title).toBe('Floodwaters recede in Marlow');
    expect(byId['plain-headline'].paragraphs).toEqual([
      'The river fell two metres overnight.',
      'Residents began to return on Sunday.',
    ]);
  });

  it('derives a title from the first sentence otherwise, handling a BOM and CRLF', () => {
    const article = byId['plain-sentence'];
    expect(article.title.startsWith('The council met on Tuesday')).toBe(true);
    expect(article.title.length).toBeLessThanOrEqual(81);
    expect(article.paragraphs).toHaveLength(2);
    expect(article.paragraphs[0].startsWith('The council')).toBe(true);
    expect(article.paragraphs.join('')).not.toMatch(/[\r\ufeff]/);
  });

  it('derives a title for a Markdown file without front matter', () => {
    expect(byId.gamma.title).toBe('Just a body without front matter');
    expect(byId.gamma.date).toBeNull();
  });

  it('sorts newest first, undated last', () => {
    expect(articles[0].id).toBe('alpha');
    expect(articles.at(-1)?.date).toBeNull();
  });
});

describe('loadArticles on bad files', () => {
  const { articles, problems } = loadArticles([join(fixtures, 'mixed')]);
  const reasonFor = (name: string) => problems.find((problem) => problem.path.endsWith(name))?.reason;

  it('still loads the good ones', () => {
    expect(articles.map((article) => article.id).sort()).toEqual(['escapes', 'ok']);
  });

  it('reports each bad file with its path and a reason', () => {
    expect(reasonFor('bad-front-matter.md')).toMatch(/invalid front matter/);
    expect(reasonFor('binary.md')).toMatch(/binary/);
    expect(reasonFor('empty.txt')).toMatch(/empty/);
    expect(reasonFor('blank.txt')).toMatch(/empty/);
    expect(reasonFor('list-front-matter.md')).toMatch(/invalid front matter/);
    for (const problem of problems) expect(problem.path.startsWith(join(fixtures, 'mixed'))).toBe(true);
  });

  it('sanitises a file full of escape sequences, front matter included', () => {
    const article = articles.find((candidate) => candidate.id === 'escapes')!;
    const fields = [article.title, article.body, ...article.paragraphs];
    for (const field of fields) expect(field).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    expect(article.title).toBe('Evil title red');
    expect(article.paragraphs[0]).toBe('Clipboard grab. Title set. Link click here.');
    expect(article.paragraphs[2]).toContain('\ufffd');
  });
});

describe('loadArticles limits and folders', () => {
  it('throws DirectoryError for a folder that does not exist', () => {
    expect(() => loadArticles(['/no/such/folder'])).toThrow(DirectoryError);
  });

  it('refuses a file over the size limit without reading it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(MAX_ARTICLE_BYTES + 1, 0x61));
    writeFileSync(join(dir, 'small.txt'), 'Small headline\nA body line.\n');
    const { articles, problems } = loadArticles([dir]);
    expect(articles.map((article) => article.id)).toEqual(['small']);
    expect(problems[0].reason).toMatch(/over the 8 MB limit/);
  });

  it('survives a symbolic link loop and a dangling link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'one.txt'), 'One headline\nBody.\n');
    symlinkSync(dir, join(dir, 'a', 'loop'));
    symlinkSync(join(dir, 'missing.md'), join(dir, 'dangling.md'));
    const { articles, problems } = loadArticles([dir]);
    expect(articles.map((article) => article.id)).toEqual(['one']);
    expect(problems.map((problem) => problem.path)).toEqual([join(dir, 'dangling.md')]);
  });

  it('gives files with the same name the shortest end of their path that tells them apart', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    mkdirSync(join(dir, 'y'));
    writeFileSync(join(dir, 'x', 'same.txt'), 'First\nBody.\n');
    writeFileSync(join(dir, 'y', 'same.txt'), 'Second\nBody.\n');
    const ids = loadArticles([dir]).articles.map((article) => article.id).sort();
    // Both, not "the second one found": an id does not depend on the order files are found in.
    expect(ids).toEqual(['x/same', 'y/same']);
  });
});
