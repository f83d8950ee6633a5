import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/library/load.js';
import type { LoadResult } from '../../src/library/types.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-cache-'));
  temporary.push(dir);
  return dir;
}

function article(title: string, body: string, extra = ''): string {
  return `---\ntitle: "${title}"\ndate: 2024-05-01\n${extra}---\n\n${body}\n\nPhoto: Someone\n`;
}

/** A library of two articles and an empty cache folder. */
function setup(): { library: string; cache: string } {
  const library = tempDir();
  mkdirSync(join(library, 'nested'));
  writeFileSync(join(library, 'one.md'), article('First title', 'The first body says hello.\n\nA second paragraph.'));
  writeFileSync(join(library, 'nested', 'two.md'), article('Second title', 'The second body.', 'date2: x\n'));
  return { library, cache: join(tempDir(), 'newsdesk') };
}

/** What a user sees of a load: every field, text included (read through the cache's lazy fields). */
function visible(result: LoadResult): unknown {
  return JSON.parse(JSON.stringify(result));
}

function titles(result: LoadResult): string[] {
  return result.articles.map((entry) => entry.title).sort();
}

describe('library cache', () => {
  it('gives exactly what reading the files gives, on the first and on later loads', () => {
    const { library, cache } = setup();
    const uncached = visible(loadArticles([library], { cacheDir: false }));
    expect(visible(loadArticles([library], { cacheDir: cache }))).toEqual(uncached);
    expect(readdirSync(cache).some((name) => name.startsWith('library-'))).toBe(true);
    expect(visible(loadArticles([library], { cacheDir: cache }))).toEqual(uncached);
  });

  it('shows an edited article as edited, even when its size did not change', () => {
    const { library, cache } = setup();
    loadArticles([library], { cacheDir: cache });
    const path = join(library, 'one.md');
    const before = statSync(path);
    writeFileSync(path, article('First TITLE', 'The first body says HELLO.\n\nA second paragraph.'));
    expect(statSync(path).size).toBe(before.size);
    // Same size, a different mtime: the cache must not serve the old text.
    utimesSync(path, before.atime, new Date(before.mtimeMs + 5000));
    const loaded = loadArticles([library], { cacheDir: cache });
    const one = loaded.articles.find((entry) => entry.id === 'one');
    expect(one?.title).toBe('First TITLE');
    expect(one?.body).toContain('HELLO');
    expect(one?.paragraphs[0]).toBe('The first body says HELLO.');
  });

  it('drops deleted articles and picks up new ones', () => {
    const { library, cache } = setup();
    loadArticles([library], { cacheDir: cache });
    unlinkSync(join(library, 'nested', 'two.md'));
    writeFileSync(join(library, 'three.md'), article('Third title', 'A new one.'));
    expect(titles(loadArticles([library], { cacheDir: cache }))).toEqual(['First title', 'Third title']);
    expect(titles(loadArticles([library], { cacheDir: cache }))).toEqual(['First title', 'Third title']);
  });

  it('reports a file’s problems again when it comes from the cache', () => {
    const { library, cache } = setup();
    writeFileSync(join(library, 'bad-date.md'), article('Bad date', 'Body.').replace('2024-05-01', 'not a date'));
    const first = loadArticles([library], { cacheDir: cache }).problems;
    expect(first.some((problem) => problem.path.endsWith('bad-date.md'))).toBe(true);
    expect(loadArticles([library], { cacheDir: cache }).problems).toEqual(first);
  });

  it('ignores a corrupt index and rebuilds it', () => {
    const { library, cache } = setup();
    const uncached = visible(loadArticles([library], { cacheDir: false }));
    loadArticles([library], { cacheDir: cache });
    const index = readdirSync(cache).find((name) => name.startsWith('library-'))!;
    writeFileSync(join(cache, index), '{"version": 1, "entries": {"garbage": tru');
    expect(visible(loadArticles([library], { cacheDir: cache }))).toEqual(uncached);
    expect(() => JSON.parse(readFileSync(join(cache, index), 'utf8')) as unknown).not.toThrow();
    expect(visible(loadArticles([library], { cacheDir: cache }))).toEqual(uncached);
  });

  it('reads the file again when the cached text is damaged or gone', () => {
    const { library, cache } = setup();
    const uncached = visible(loadArticles([library], { cacheDir: false }));
    loadArticles([library], { cacheDir: cache });
    const segments = readdirSync(cache).filter((name) => name.startsWith('bodies-'));
    for (const name of segments) writeFileSync(join(cache, name), 'x');
    expect(visible(loadArticles([library], { cacheDir: cache }))).toEqual(uncached);
    for (const name of segments) rmSync(join(cache, name), { force: true });
    expect(visible(loadArticles([library], { cacheDir: cache }))).toEqual(uncached);
  });

  it('still loads when the cache folder cannot be written', () => {
    const { library } = setup();
    const blocker = join(tempDir(), 'file');
    writeFileSync(blocker, 'not a folder');
    expect(titles(loadArticles([library], { cacheDir: join(blocker, 'newsdesk') }))).toEqual(['First title', 'Second title']);
  });

  it('leaves no temporary files behind', () => {
    const { library, cache } = setup();
    loadArticles([library], { cacheDir: cache });
    writeFileSync(join(library, 'three.md'), article('Third title', 'A new one.'));
    loadArticles([library], { cacheDir: cache });
    expect(readdirSync(cache).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // The first load's segment, and one for the article added since.
    expect(readdirSync(cache).filter((name) => name.startsWith('bodies-'))).toHaveLength(2);
  });
});

describe('the built program on a large library', () => {
  const repoRoot = join(import.meta.dirname, '..', '..');
  const bin = join(repoRoot, 'bin', 'newsdesk.js');

  // Over a few hundred files the built loader parses on a worker thread too; the list must not depend
  // on which thread parsed what, nor on the cache.
  it.skipIf(!existsSync(join(repoRoot, 'dist', 'parse-worker.js')))('lists the same articles cold, warm and uncached', () => {
    const library = tempDir();
    for (let folder = 0; folder < 4; folder++) {
      mkdirSync(join(library, `part-${folder}`));
      for (let i = 0; i < 120; i++) {
        // The same file names in every folder: ids depend on the order files are found.
        const date = `2024-0${1 + (i % 9)}-1${folder}`;
        writeFileSync(join(library, `part-${folder}`, `story-${i}.md`), article(`Story ${i} of part ${folder}`, `Body ${i}.\n\nMore text in part ${folder}.`).replace('2024-05-01', date));
      }
    }
    writeFileSync(join(library, 'part-0', 'broken.md'), '');
    const expected = loadArticles([library], { cacheDir: false }).articles.map(({ id, title, date, words }) => ({ id, title, date, words }));
    const cacheHome = tempDir();
    const run = (env: Record<string, string>) => {
      const result = spawnSync(process.execPath, [bin, '--dir', library, 'list', '--json'], { encoding: 'utf8', env: { ...process.env, ...env } });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toContain('broken.md: empty file');
      return (JSON.parse(result.stdout) as { id: string; title: string; date: string; words: number }[]).map(({ id, title, date, words }) => ({ id, title, date, words }));
    };
    expect(run({ XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    expect(run({ XDG_CACHE_HOME: cacheHome })).toEqual(expected);
    expect(run({ NEWSDESK_NO_CACHE: '1' })).toEqual(expected);
  });
});
