import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticles, loadArticlesFromCache } from '../../src/library/load.js';
import type { LoadResult } from '../../src/library/types.js';

const temp = mkdtempSync(join(tmpdir(), 'newsdesk-from-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function view(result: LoadResult | undefined) {
  return result?.articles.map((a) => ({ id: a.id, title: a.title, date: a.date, path: a.path, body: a.body, paragraphs: a.paragraphs }));
}

describe('loadArticlesFromCache (the first frame of a warm start)', () => {
  it('is the library loadArticles gave last time, ids and order included, without reading a file', () => {
    const dir = join(temp, 'library');
    const cacheDir = join(temp, 'cache');
    mkdirSync(join(dir, 'a'), { recursive: true });
    mkdirSync(join(dir, 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'same.md'), '---\ntitle: One\ndate: 2025-01-02\n---\nFirst body.\n');
    writeFileSync(join(dir, 'b', 'same.md'), '---\ntitle: Two\ndate: 2025-01-03\n---\nSecond body.\n');
    writeFileSync(join(dir, 'note.txt'), 'A plain note\nIts only paragraph.\n');
    expect(loadArticlesFromCache([dir], { cacheDir })).toBeUndefined();
    const loaded = loadArticles([dir], { cacheDir });
    const cached = loadArticlesFromCache([dir], { cacheDir });
    expect(view(cached)).toEqual(view(loaded));
    expect(cached!.articles.map((a) => a.id)).toContain('note');

    // A changed file: the cache still shows what it saw; loadArticles (run right after) shows the change.
    writeFileSync(join(dir, 'note.txt'), 'A changed note\nNew text.\n');
    expect(view(loadArticlesFromCache([dir], { cacheDir }))).toEqual(view(loaded));
    expect(loadArticles([dir], { cacheDir }).articles.map((a) => a.title)).toContain('A changed note');
    expect(loadArticlesFromCache([dir], { cacheDir })!.articles.map((a) => a.title)).toContain('A changed note');
  });

  it('is undefined with caching off or a corrupt index', () => {
    const dir = join(temp, 'other');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'x.md'), 'Some text.\n');
    expect(loadArticlesFromCache([dir], { cacheDir: false })).toBeUndefined();
    const cacheDir = join(temp, 'cache-corrupt');
    loadArticles([dir], { cacheDir });
    for (const name of readdirSync(cacheDir)) if (name.startsWith('library-')) writeFileSync(join(cacheDir, name), '{"version":');
    expect(loadArticlesFromCache([dir], { cacheDir })).toBeUndefined();
  });
});
