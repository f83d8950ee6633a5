import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticleHeads, loadArticles } from '../../src/library/load.js';
import type { Article, LoadResult } from '../../src/library/types.js';

const temp = mkdtempSync(join(tmpdir(), 'newsdesk-heads-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function view(article: Article) {
  return {
    id: article.id,
    path: article.path,
    relativePath: article.relativePath,
    format: article.format,
    title: article.title,
    date: article.date,
    source: article.source,
    url: article.url,
    tags: article.tags,
    words: article.words,
    body: article.body,
    paragraphs: article.paragraphs,
    credits: article.credits,
    related: article.related,
    size: article.size,
    mtimeMs: article.mtimeMs,
  };
}

/** Every kind of file the first look at front matter must read as the full parse does, or leave to it. */
const KINDS: Array<(i: number) => [string, string | Buffer]> = [
  (i) => [`simple-${i}.md`, `---\ntitle: "Report number ${i}"\ndate: 2024-0${(i % 9) + 1}-1${i % 10}\nsource: Wire ${i % 4}\ntags: [one, two]\n---\n\nBody of ${i} with some words.\n\nPhoto: Someone\n`],
  (i) => [`plain-title-${i}.md`, `---\ntitle: Plain title ${i}\nurl: https://example.com/${i}\n---\nText ${i}.\n`],
  (i) => [`no-title-${i}.md`, `---\ndate: 2023-05-0${(i % 9) + 1}\n---\n# Heading ${i}\n\nThe text ${i}.\n`],
  (i) => [`no-front-${i}.md`, `Just a paragraph ${i}. And more.\n`],
  (i) => [`yaml-${i}.md`, `---\ntitle: |\n  Block title ${i}\ndate: 2022-01-01 # a comment\n---\nText.\n`],
  (i) => [`crlf-${i}.md`, `---\r\ntitle: Windows ${i}\r\ndate: 2021-02-03\r\n---\r\nLine one ${i}.\r\n`],
  (i) => [`bad-date-${i}.md`, `---\ntitle: Bad date ${i}\ndate: 2025-13-45\n---\nText ${i}.\n`],
  (i) => [`empty-body-${i}.md`, `---\ntitle: Nothing after ${i}\n---\n\n`],
  (i) => [`latin1-${i}.md`, Buffer.from(`---\ntitle: Caf\xe9 ${i}\n---\nText.\n`, 'latin1')],
  (i) => [`note-${i}.txt`, `A plain note ${i}\nIts paragraph.\n`],
  (i) => [`dup.md`, `---\ntitle: Duplicate ${i}\ndate: 2020-01-01\n---\nSame name ${i}.\n`],
  (i) => [`long-front-${i}.md`, `---\ntitle: Long ${i}\nsource: ${'x'.repeat(5000)}\n---\nText.\n`],
];

function makeLibrary(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `batch-${String(Math.floor(i / 50)).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    const [name, text] = KINDS[i % KINDS.length](i);
    writeFileSync(join(folder, name), text);
  }
}

describe('loadArticleHeads (the first frame of a cold start)', () => {
  const dir = join(temp, 'library');
  makeLibrary(dir, 360);

  it('lists the articles loadArticles loads, in its order, with the same ids and every field the same', () => {
    const heads = loadArticleHeads([dir])!;
    const loaded = loadArticles([dir], { cacheDir: false });
    // A file whose body turns out to be no article is listed until the full load: the only difference.
    const failed = new Set(loaded.problems.filter((p) => !loaded.articles.some((a) => a.path === p.path)).map((p) => p.path));
    expect(failed.size).toBe(30); // the empty bodies
    const listed = heads.articles.filter((article) => !failed.has(article.path));
    expect(listed.map(view)).toEqual(loaded.articles.map(view));
    // Front-matter warnings are there at once; the full load adds only what the body says.
    expect(heads.problems.filter((p) => p.reason.startsWith('date'))).toEqual(loaded.problems.filter((p) => p.reason.startsWith('date')));
  });

  it('reads a body only when it is asked for: a file changed after the first look shows its new text', () => {
    const own = join(temp, 'lazy');
    makeLibrary(own, 360);
    const heads = loadArticleHeads([own])!;
    const article = heads.articles.find((a) => a.title === 'Report number 0')!;
    writeFileSync(join(own, 'batch-00', 'simple-0.md'), '---\ntitle: "Report number 0"\ndate: 2024-01-10\n---\n\nA changed body.\n');
    expect(article.paragraphs).toEqual(['A changed body.']);
    expect(article.words).toBe(3);
  });

  it('leaves small libraries and missing folders to loadArticles', () => {
    const small = join(temp, 'small');
    makeLibrary(small, 20);
    expect(loadArticleHeads([small])).toBeUndefined();
    expect(loadArticleHeads([join(temp, 'missing')])).toBeUndefined();
  });

  it('gives what loadArticles gives for a library of simple front matter alone', () => {
    const simple = join(temp, 'simple');
    for (let i = 0; i < 300; i++) {
      // Two folders of the same names: ids tell them apart as loadArticles does.
      const folder = join(simple, String(Math.floor(i / 150)));
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `a${i % 150}.md`), KINDS[0](i)[1]);
    }
    const heads: LoadResult = loadArticleHeads([simple])!;
    expect(heads.articles.map(view)).toEqual(loadArticles([simple], { cacheDir: false }).articles.map(view));
  });
});
