/**
 * The documented limits (README "Safety", src/library/limits.ts), each met for real: a 100 MB file, more
 * article files than MAX_FILES_SCANNED, a symbolic link loop, a file removed between listing and opening,
 * a file that is not UTF-8. Each gets a clear message naming the file, the rest still load, nothing hangs.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_ARTICLE_BYTES, MAX_FILES_SCANNED } from '../../src/library/limits.js';
import { loadArticles } from '../../src/library/load.js';
import { binPath, repoRoot } from '../helpers/run-cli.js';

/** Called with each folder right after it is listed: lets a test remove a file before it is opened. */
let afterListing: ((dir: string) => void) | undefined;

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((...args: Parameters<typeof actual.readdirSync>) => {
    const entries = actual.readdirSync(...args);
    afterListing?.(String(args[0]));
    return entries;
  }) as typeof actual.readdirSync;
  return { ...actual, default: { ...actual, readdirSync }, readdirSync };
});

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
afterEach(() => {
  afterListing = undefined;
});

/** A fresh folder; on a tmpfs when there is one, so tens of thousands of files are quick to make. */
function tempDir(base = tmpdir()): string {
  const dir = mkdtempSync(join(base, 'newsdesk-limits-'));
  temporary.push(dir);
  return dir;
}

const GOOD = '---\ntitle: A good article\n---\n\nTalks on a ceasefire resumed on Monday.\n';

/** The built program on a folder, output through pipes, with a time limit so a hang fails the test. */
function runList(dir: string): { status: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const result = spawnSync(process.execPath, [binPath, 'list', '--dir', dir], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NEWSDESK_NO_CACHE: '1', NO_COLOR: '1' },
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined };
}

describe('limits met for real', () => {
  it('refuses a 100 MB file by its size, without reading it, and loads the rest', () => {
    const dir = tempDir();
    const huge = join(dir, 'huge.md');
    // Sparse: 100 MB long, no disk used.
    closeSync(openSync(huge, 'w'));
    truncateSync(huge, 100 * 1024 * 1024);
    writeFileSync(join(dir, 'good.md'), GOOD);
    const { articles, problems } = loadArticles([dir], { cacheDir: false });
    expect(articles.map((article) => article.title)).toEqual(['A good article']);
    expect(problems).toEqual([{ path: huge, reason: `file is 100.0 MB, over the ${MAX_ARTICLE_BYTES / 1024 / 1024} MB limit for an article` }]);
  });

  it(`stops after ${MAX_FILES_SCANNED.toLocaleString('en-US')} article files and says the rest were not scanned`, () => {
    const dir = tempDir(existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
    // Empty files: each one is itself a reported problem, so every file scanned is visible in the result.
    for (let i = 0; i <= MAX_FILES_SCANNED; i++) closeSync(openSync(join(dir, `e${String(i).padStart(6, '0')}.md`), 'w'));
    const { articles, problems } = loadArticles([dir], { cacheDir: false });
    expect(articles).toEqual([]);
    const notScanned = problems.filter((problem) => problem.reason.includes('not scanned'));
    expect(notScanned).toEqual([{ path: dir, reason: `more than ${MAX_FILES_SCANNED.toLocaleString('en-US')} article files; the rest were not scanned` }]);
    expect(problems.filter((problem) => problem.reason === 'empty file')).toHaveLength(MAX_FILES_SCANNED);
  }, 120_000);

  it('reports a link that points at itself and a loop of folders, and loads the rest (also from the command line)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'good.md'), GOOD);
    symlinkSync(join(dir, 'self.md'), join(dir, 'self.md'));
    symlinkSync('..', join(dir, 'a', 'up'));
    const { articles, problems } = loadArticles([dir], { cacheDir: false });
    expect(articles.map((article) => article.title)).toEqual(['A good article']);
    expect(problems).toEqual([{ path: join(dir, 'self.md'), reason: 'symbolic link loop' }]);

    const run = runList(dir);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('A good article');
    expect(run.stderr).toBe(`newsdesk: ${join(dir, 'self.md')}: symbolic link loop\n`);
  });

  it('reports a file removed between listing the folder and opening it, and loads the rest', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'gone.md'), GOOD);
    writeFileSync(join(dir, 'stays.md'), GOOD.replace('A good article', 'Still here'));
    afterListing = (listed) => {
      if (listed === dir && existsSync(join(dir, 'gone.md'))) unlinkSync(join(dir, 'gone.md'));
    };
    const { articles, problems } = loadArticles([dir], { cacheDir: false });
    expect(articles.map((article) => article.title)).toEqual(['Still here']);
    expect(problems).toEqual([{ path: join(dir, 'gone.md'), reason: 'file not found (removed while loading?)' }]);
  });

  it('says when a file is not UTF-8, and still shows it with the undecodable bytes marked', () => {
    const dir = tempDir();
    // Latin-1: "Café" and "naïve" as single bytes, which are not UTF-8.
    writeFileSync(join(dir, 'latin1.md'), Buffer.from('---\ntitle: Caf\xe9 talks\n---\n\nA na\xefve ceasefire plan.\n', 'latin1'));
    writeFileSync(join(dir, 'good.md'), GOOD);
    const { articles, problems } = loadArticles([dir], { cacheDir: false });
    expect(articles.map((article) => article.title).sort()).toEqual(['A good article', 'Caf\ufffd talks']);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(join(dir, 'latin1.md'));
    expect(problems[0].reason).toMatch(/not (valid )?UTF-8/);

    const run = runList(dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^newsdesk: ${join(dir, 'latin1.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*UTF-8`));
  });
});
