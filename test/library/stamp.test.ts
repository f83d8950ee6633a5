import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { libraryStamp } from '../../src/library/stamp.js';
import { loadArticles } from '../../src/library/load.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function library(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-stamp-'));
  temporary.push(dir);
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.md'), '# A\n\nThe truce held.\n');
  writeFileSync(join(dir, 'sub', 'b.md'), '# B\n\nThe talks resumed.\n');
  writeFileSync(join(dir, 'notes.bin'), 'not an article');
  return dir;
}

describe('the library stamp', () => {
  it('lists the files loadArticles finds, in its order, with their stats', () => {
    const dir = library();
    const stamp = libraryStamp([dir])!;
    expect(stamp.files.map((f) => f.path)).toEqual([join(dir, 'a.md'), join(dir, 'sub', 'b.md')]);
    const loaded = loadArticles([dir], { cacheDir: false }).articles;
    for (const file of stamp.files) {
      const article = loaded.find((a) => a.path === file.path)!;
      expect({ size: file.size, mtimeMs: file.mtimeMs }).toEqual({ size: article.size, mtimeMs: article.mtimeMs });
    }
  });

  it('changes when a file changes, appears or goes, or the walk reports something new', () => {
    const dir = library();
    const before = JSON.stringify(libraryStamp([dir]));
    expect(JSON.stringify(libraryStamp([dir]))).toBe(before);
    utimesSync(join(dir, 'a.md'), new Date(1000), new Date(2000));
    const touched = JSON.stringify(libraryStamp([dir]));
    expect(touched).not.toBe(before);
    writeFileSync(join(dir, 'c.md'), '# C\n');
    const added = JSON.stringify(libraryStamp([dir]));
    expect(added).not.toBe(touched);
    symlinkSync(join(dir, 'missing.md'), join(dir, 'dangling.md'));
    const stamp = libraryStamp([dir])!;
    expect(stamp.scope).toContain('dangling symbolic link');
    expect(JSON.stringify(stamp)).not.toBe(added);
  });

  it('is undefined for a folder that is missing, not a folder, or empty text', () => {
    const dir = library();
    expect(libraryStamp([join(dir, 'nope')])).toBeUndefined();
    expect(libraryStamp([join(dir, 'a.md')])).toBeUndefined();
    expect(libraryStamp([''])).toBeUndefined();
  });
});
