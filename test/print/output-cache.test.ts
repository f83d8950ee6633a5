import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSync } from 'node:fs';
import { cachedOutputNeedsCleaning, cachedRun, comparisonOutputFromCache, openCachedRun, storeComparisonOutput, writeCachedOutput, type CachedRunFile } from '../../src/print/output-cache.js';

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

  describe('printed a piece at a time', () => {
    /** A sink like stdout whose writes finish later, in turn: what it got, joined. */
    function slowSink(): { out: { write(chunk: Uint8Array, done: (error?: Error | null) => void): boolean }; bytes(): Buffer } {
      const got: Buffer[] = [];
      return {
        out: {
          write(chunk, done) {
            got.push(Buffer.from(chunk));
            setTimeout(() => done(null), 1);
            return false;
          },
        },
        bytes: () => Buffer.concat(got),
      };
    }

    function stored(output: Buffer, notes = ''): CachedRunFile {
      const cache = tempDir();
      storeComparisonOutput(files, 'ceasefire', 'json', output, cache, notes);
      return openCachedRun(files, 'ceasefire', 'json', cache)!;
    }

    it('writes output of several pieces byte for byte, with the notes apart', async () => {
      // Over three pieces, with curly quotes (multi-byte) across the pieces' edges.
      const output = Buffer.from('{"said": "“no” — twice"}\n'.repeat(120_000));
      const run = stored(output, 'newsdesk: /b.md: not UTF-8 text\n');
      try {
        expect(run.notes).toBe('newsdesk: /b.md: not UTF-8 text\n');
        expect(run.length).toBe(output.length);
        expect(cachedOutputNeedsCleaning(run)).toBe(false);
        const sink = slowSink();
        await writeCachedOutput(run, sink.out);
        expect(sink.bytes().equals(output)).toBe(true);
      } finally {
        closeSync(run.fd);
      }
    });

    it('finds a control or a bidi mark anywhere, also one cut by the edge between two pieces', () => {
      const piece = 1 << 20;
      for (const at of [0, piece - 2, piece - 1, piece, 2 * piece + 5]) {
        for (const mark of ['\u202e', '\x1b', '\u0085', '&#27;']) {
          const output = Buffer.alloc(2 * piece + 100, 'a');
          const bytes = Buffer.from(mark);
          bytes.copy(output, at);
          const run = stored(output);
          try {
            expect(cachedOutputNeedsCleaning(run), `${JSON.stringify(mark)} at ${at}`).toBe(true);
          } finally {
            closeSync(run.fd);
          }
        }
      }
    });

    it('stops with an error when the file changes under it into something to clean', async () => {
      const output = Buffer.alloc(3 << 20, 'a');
      const cache = tempDir();
      storeComparisonOutput(files, 'ceasefire', 'json', output, cache);
      const run = openCachedRun(files, 'ceasefire', 'json', cache)!;
      try {
        expect(cachedOutputNeedsCleaning(run)).toBe(false);
        // The same file (same inode), changed in place after the check.
        const [name] = readdirSync(cache).filter((file) => file.startsWith('compare-'));
        const text = readFileSync(join(cache, name));
        text[text.length - 10] = 0x1b;
        writeFileSync(join(cache, name), text);
        await expect(writeCachedOutput(run, slowSink().out)).rejects.toThrow(/changed/);
      } finally {
        closeSync(run.fd);
      }
    });

    it('opens nothing for a missing or malformed entry', () => {
      const cache = tempDir();
      expect(openCachedRun(files, 'ceasefire', 'json', cache)).toBeUndefined();
      storeComparisonOutput(files, 'ceasefire', 'json', 'out', cache, 'note\n');
      for (const name of readdirSync(cache)) writeFileSync(join(cache, name), readFileSync(join(cache, name), 'utf8').replace(/ 5\n/, ' 500\n'));
      expect(openCachedRun(files, 'ceasefire', 'json', cache)).toBeUndefined();
    });
  });
});
