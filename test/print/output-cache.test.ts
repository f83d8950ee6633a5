import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedRun, comparisonOutputFromCache, storeComparisonOutput } from '../../src/print/output-cache.js';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-output-cache-'));
  temporary.push(dir);
  return dir;
}

const files = [
  { path: '/a.md', size: 10, mtimeMs: 1 },
  { path: '/b.md', size: 20, mtimeMs: 2 },
];

describe('the printed comparison cache', () => {
  it('keeps printed output byte for byte, per set of files, topic and output variant', () => {
    const cache = tempDir();
    const text = 'Zelenskyy said “no”\n'.repeat(3);
    expect(comparisonOutputFromCache(files, 'ceasefire', 'json', cache)).toBeUndefined();
    storeComparisonOutput(files, 'ceasefire', 'json', text, cache);
    expect(String(comparisonOutputFromCache(files, 'ceasefire', 'json', cache))).toBe(text);
    // The order files were found in does not matter; anything else that changes the output does.
    expect(String(comparisonOutputFromCache([...files].reverse(), 'ceasefire', 'json', cache))).toBe(text);
    expect(comparisonOutputFromCache([files[0], { ...files[1], mtimeMs: 3 }], 'ceasefire', 'json', cache)).toBeUndefined();
    expect(comparisonOutputFromCache([{ ...files[0], size: 11 }, files[1]], 'ceasefire', 'json', cache)).toBeUndefined();
    expect(comparisonOutputFromCache(files.slice(1), 'ceasefire', 'json', cache)).toBeUndefined();
    expect(comparisonOutputFromCache(files, 'truce', 'json', cache)).toBeUndefined();
    expect(comparisonOutputFromCache(files, 'ceasefire', 'text|80|false', cache)).toBeUndefined();
  });

  it('keeps the notes a run wrote on stderr beside its output, and output given as bytes', () => {
    const cache = tempDir();
    const notes = 'newsdesk: /b.md: not UTF-8 text\n';
    storeComparisonOutput(files, 'ceasefire', 'json', Buffer.from('{"x": "“y”"}\n'), cache, notes);
    const run = cachedRun(files, 'ceasefire', 'json', cache);
    expect(run?.notes).toBe(notes);
    expect(String(run?.output)).toBe('{"x": "“y”"}\n');
    storeComparisonOutput(files, 'ceasefire', 'text', 'plain', cache);
    expect(cachedRun(files, 'ceasefire', 'text', cache)).toEqual({ notes: '', output: Buffer.from('plain') });
  });

  it('ignores an entry whose notes length is wrong', () => {
    const cache = tempDir();
    storeComparisonOutput(files, 'ceasefire', 'json', 'out', cache, 'note\n');
    for (const name of readdirSync(cache)) {
      const text = readFileSync(join(cache, name), 'utf8');
      writeFileSync(join(cache, name), text.replace(/ 5\n/, ' 500\n'));
    }
    expect(cachedRun(files, 'ceasefire', 'json', cache)).toBeUndefined();
  });

  it('ignores an entry that is not what it should be', () => {
    const cache = tempDir();
    storeComparisonOutput(files, 'ceasefire', 'json', 'first', cache);
    for (const name of readdirSync(cache)) writeFileSync(join(cache, name), '{');
    expect(comparisonOutputFromCache(files, 'ceasefire', 'json', cache)).toBeUndefined();
  });

  it('skips a cache it cannot write', () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    expect(() => storeComparisonOutput(files, 'ceasefire', 'json', 'x', join(file, 'cache'))).not.toThrow();
  });
});
