import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadArticles } from '../../src/library/load.js';
import type { Article } from '../../src/library/types.js';

export const READER_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'reader');
export const BUNDLED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'articles');

/** The reader fixtures, loaded the way the program loads them. */
export function fixtureArticles(): Article[] {
  return loadArticles([READER_FIXTURES]).articles;
}

export function fixture(titleWord: string): Article {
  const article = fixtureArticles().find((a) => a.title.includes(titleWord));
  if (!article) throw new Error(`no fixture with "${titleWord}" in its title`);
  return article;
}

export function bundledArticles(): Article[] {
  return loadArticles([BUNDLED]).articles;
}

/** An article built in a test, with everything the loader would fill in. */
export function makeArticle(fields: Partial<Article> & { body: string }): Article {
  const paragraphs = fields.paragraphs ?? fields.body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim());
  return {
    id: 'test',
    path: '/tmp/test.md',
    format: 'md',
    title: 'A test article',
    date: '2025-01-02',
    source: null,
    url: null,
    tags: [],
    credits: [],
    related: [],
    words: fields.body.split(/\s+/).filter(Boolean).length,
    size: fields.body.length,
    mtimeMs: 0,
    ...fields,
    paragraphs,
  };
}
