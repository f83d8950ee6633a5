import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticles, loadCachedLibrary } from '../../src/library/load.js';

const temp = mkdtempSync(join(tmpdir(), 'newsdesk-cache-check-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * Whether a warm start may keep the library its cache index gave: the index is usable and the check
 * against the files says yes. No usable index is a no too (the reader loads the library then).
 */
async function filesMatchCache(dirs: string[], options: { cacheDir: string | false }): Promise<boolean> {
  return (await loadCachedLibrary(dirs, options)?.check()) ?? false;
}

let count = 0;
/** A library of two articles in nested folders, loaded once so its cache index is written. */
function cachedLibrary(): { dir: string; cacheDir: string } {
  const dir = join(temp, `library-${++count}`);
  const cacheDir = join(temp, `cache-${count}`);
  mkdirSync(join(dir, 'nested'), { recursive: true });
  writeFileSync(join(dir, 'one.md'), '---\ntitle: One\ndate: 2025-01-02\n---\nFirst body.\n');
  writeFileSync(join(dir, 'nested', 'two.md'), '---\ntitle: Two\ndate: 2025-01-03\n---\nSecond body.\n');
  loadArticles([dir], { cacheDir });
  return { dir, cacheDir };
}

describe('the warm start check (may a warm start keep the library its cache index gave?)', () => {
  it('says yes while the files are as the index saw them', async () => {
    const { dir, cacheDir } = cachedLibrary();
    expect(await filesMatchCache([dir], { cacheDir })).toBe(true);
    writeFileSync(join(dir, 'one.md'), 'Changed\n\nA new body.\n');
    expect(await loadCachedLibrary([dir], { cacheDir })!.check()).toBe(false);
  });

  it('checks a library of many files a step at a time, as it was when read', async () => {
    const dir = join(temp, 'many');
    const cacheDir = join(temp, 'cache-many');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 600; i++) writeFileSync(join(dir, `a-${i}.md`), `---\ntitle: Article ${i}\n---\nBody ${i}.\n`);
    loadArticles([dir], { cacheDir });
    const cached = loadCachedLibrary([dir], { cacheDir })!;
    expect(cached.load.articles).toHaveLength(600);
    const matches = await cached.check();
    expect(matches).toBe(true);
    const stale = loadCachedLibrary([dir], { cacheDir })!;
    unlinkSync(join(dir, 'a-599.md'));
    expect(await stale.check()).toBe(false);
  });

  it('says no for a file edited, added or removed since', async () => {
    const edited = cachedLibrary();
    writeFileSync(join(edited.dir, 'one.md'), '---\ntitle: One, edited\ndate: 2025-01-02\n---\nFirst body.\n');
    expect(await filesMatchCache([edited.dir], { cacheDir: edited.cacheDir })).toBe(false);

    // An edit whose modification time was put back is still told by its change time.
    const touched = cachedLibrary();
    const when = new Date('2025-01-01T00:00:00Z');
    writeFileSync(join(touched.dir, 'one.md'), '---\ntitle: Uno\ndate: 2025-01-02\n---\nFirst body.\n');
    utimesSync(join(touched.dir, 'one.md'), when, when);
    loadArticles([touched.dir], { cacheDir: touched.cacheDir });
    expect(await filesMatchCache([touched.dir], { cacheDir: touched.cacheDir })).toBe(true);
    utimesSync(join(touched.dir, 'one.md'), when, when);
    expect(await filesMatchCache([touched.dir], { cacheDir: touched.cacheDir })).toBe(false);

    const added = cachedLibrary();
    writeFileSync(join(added.dir, 'nested', 'three.md'), 'Three\n\nA third body.\n');
    expect(await filesMatchCache([added.dir], { cacheDir: added.cacheDir })).toBe(false);

    const removed = cachedLibrary();
    unlinkSync(join(removed.dir, 'nested', 'two.md'));
    expect(await filesMatchCache([removed.dir], { cacheDir: removed.cacheDir })).toBe(false);
  });

  it('says no when the walk meets a problem the full load would report, or the folders differ', async () => {
    const linked = cachedLibrary();
    symlinkSync(join(linked.dir, 'gone.md'), join(linked.dir, 'dangling.md'));
    expect(await filesMatchCache([linked.dir], { cacheDir: linked.cacheDir })).toBe(false);

    const { dir, cacheDir } = cachedLibrary();
    // Another folder with no index of its own.
    const other = join(temp, 'other');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'x.md'), 'X\n\nBody.\n');
    expect(await filesMatchCache([dir, other], { cacheDir })).toBe(false);
    expect(await filesMatchCache([join(temp, 'missing')], { cacheDir })).toBe(false);
  });

  it('says no with caching off or an index that cannot be read', async () => {
    const { dir, cacheDir } = cachedLibrary();
    expect(await filesMatchCache([dir], { cacheDir: false })).toBe(false);
    expect(loadCachedLibrary([dir], { cacheDir: false })).toBeUndefined();
    for (const name of (await import('node:fs')).readdirSync(cacheDir)) if (name.startsWith('library-')) writeFileSync(join(cacheDir, name), '{"version":');
    expect(await filesMatchCache([dir], { cacheDir })).toBe(false);
  });
});
