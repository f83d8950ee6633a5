/**
 * The code cache of Node 20 (src/platform/code-cache.ts, run by bin/newsdesk.js from dist/script/): the
 * first start writes it and the next compiles from it; a damaged file, one of another build or Node,
 * data V8 refuses and a folder that cannot be written each leave a reader that starts and draws its
 * list, with nothing printed. NEWSDESK_CODE_CACHE_REPORT is where the program says what it used.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeCacheReport } from '../../src/platform/code-cache.js';
import { ROOT, ensureBuilt, LEAVE_ALTERNATE_SCREEN, openTerminal } from './helpers/terminal.js';

const work = mkdtempSync(join(tmpdir(), 'newsdesk-code-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => ensureBuilt());

const hasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const codeCache = (home: string): string => join(home, 'cache', 'newsdesk', 'code-cache');
const manifest = (): { key: string } => JSON.parse(readFileSync(join(ROOT, 'dist', 'script', 'manifest.json'), 'utf8'));
const cacheFileName = (): string => `cli-${manifest().key}-${process.version}-${process.arch}.bin`;

type Header = { tag: string; entries: [string, number, number, number][] };
/** The cache file's header ([id, flag hash, length, checksum] per entry) and where its data starts. */
function headerOf(bytes: Buffer): Header & { start: number; headerLength: number } {
  const headerLength = bytes.readUInt32LE(8);
  return { ...(JSON.parse(bytes.toString('utf8', 12, 12 + headerLength)) as Header), start: 12 + headerLength, headerLength };
}
function withHeader(bytes: Buffer, header: Header): Buffer {
  const { start } = headerOf(bytes);
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([bytes.subarray(0, 8), length, json, bytes.subarray(start)]);
}

/** The reader started, its list drawn, a key answered by Ink, then quit: what the program reported. */
async function readerRun(home: string, env: Record<string, string> = {}): Promise<CodeCacheReport> {
  const report = join(home, `report-${Date.now()}-${Math.random()}.json`);
  const term = openTerminal({ stateHome: home, cols: 80, rows: 24, env: { NEWSDESK_CODE_CACHE_REPORT: report, ...env } });
  try {
    await term.waitForText(/1\/3/, 20_000);
    term.press('j');
    await term.waitForText(/2\/3/, 20_000);
    term.press('q');
    expect((await term.waitForExit(10_000)).exitCode).toBe(0);
    // Nothing written after the reader left its screen: no warning, no error about the cache.
    const after = term.output.slice(term.output.lastIndexOf(LEAVE_ALTERNATE_SCREEN) + LEAVE_ALTERNATE_SCREEN.length);
    expect(after.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '').trim()).toBe('');
    expect(term.output).not.toMatch(/cache|warning|error/i);
  } finally {
    term.dispose();
  }
  return existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as CodeCacheReport) : { file: '', accepted: [], compiled: [], written: false, problem: 'no report' };
}

/**
 * Starts until one writes nothing new: a chunk may need data for each of V8's flags it is compiled
 * under (the reader changes one, a worker's start puts it back), and the first frame comes from a
 * saved frame from the second start on. Every start's report.
 */
async function warmed(home: string): Promise<CodeCacheReport[]> {
  const reports = [await readerRun(home)];
  while (reports.length < 8 && reports.at(-1)!.written) reports.push(await readerRun(home));
  return reports;
}

describe.runIf(!hasCompileCache)('the code cache on Node 20', () => {
  it('is written by the first start and used by the next', async () => {
    const home = join(work, 'fresh');
    const first = await readerRun(home);
    expect(first.accepted).toEqual([]);
    expect(first.compiled).toContain('cli.js');
    expect(first.compiled.some((id) => /^chunks\/run-/.test(id))).toBe(true);
    expect(first.written).toBe(true);
    expect(readdirSync(codeCache(home))).toEqual([cacheFileName()]);
    const reports = await warmed(home);
    const warm = reports.at(-1)!;
    expect(warm.written).toBe(false);
    // The start path, compiled before anything changes V8's flags, from the cache every time; the
    // reader's Ink chunk too (it may be refused when a worker's start changes the flags during its compile).
    for (const report of reports) {
      expect(report.accepted).toContain('cli.js');
      expect(report.accepted.some((id) => /^chunks\/start-/.test(id))).toBe(true);
    }
    expect(reports.some((report) => report.accepted.some((id) => /^chunks\/run-/.test(id)))).toBe(true);
  }, 90_000);

  it('ignores a file cut short, and an entry with a changed byte, and writes them again', async () => {
    const cutShort = join(work, 'truncated');
    await warmed(cutShort);
    const cutFile = join(codeCache(cutShort), cacheFileName());
    writeFileSync(cutFile, readFileSync(cutFile).subarray(0, 5000));
    let report = await readerRun(cutShort);
    expect(report.accepted).toEqual([]);
    expect(report.written).toBe(true);
    expect((await readerRun(cutShort)).accepted).toContain('cli.js');

    const changed = join(work, 'flipped');
    await warmed(changed);
    const file = join(codeCache(changed), cacheFileName());
    const bytes = readFileSync(file);
    const { entries, start } = headerOf(bytes);
    // A byte in the middle of cli.js's data: that entry is not used, the others are.
    let at = start;
    for (const [id, , length] of entries) {
      if (id === 'cli.js') {
        bytes[at + (length >> 1)] ^= 0xff;
        break;
      }
      at += length;
    }
    writeFileSync(file, bytes);
    report = await readerRun(changed);
    expect(report.compiled).toContain('cli.js');
    expect(report.accepted.some((id) => /^chunks\/start-/.test(id))).toBe(true);
    expect(report.written).toBe(true);
    expect((await readerRun(changed)).accepted).toContain('cli.js');
  }, 120_000);

  it('ignores a file of another build or Node, and data V8 refuses', async () => {
    const home = join(work, 'other');
    await warmed(home);
    const folder = codeCache(home);
    const file = join(folder, cacheFileName());
    const bytes = readFileSync(file);
    // Another Node's file is not read, and is removed when this one's is written.
    const otherNode = join(folder, `cli-${manifest().key}-v18.0.0-${process.arch}.bin`);
    writeFileSync(otherNode, bytes);
    // This file's name with another build's header: not used.
    const header = headerOf(bytes);
    writeFileSync(file, withHeader(bytes, { tag: header.tag.replace(manifest().key, 'another-build-key!!!'), entries: header.entries }));
    let report = await readerRun(home);
    expect(report.accepted).toEqual([]);
    expect(report.written).toBe(true);
    expect(existsSync(otherNode)).toBe(false);
    // Whole and checked, but each chunk's data is another chunk's: V8 refuses it (cachedDataRejected).
    await warmed(home);
    const good = readFileSync(file);
    const goodHeader = headerOf(good);
    const ids = [...new Set(goodHeader.entries.map(([id]) => id))];
    const next = (id: string): string => ids[(ids.indexOf(id) + 1) % ids.length];
    writeFileSync(file, withHeader(good, { tag: goodHeader.tag, entries: goodHeader.entries.map(([id, ...rest]) => [next(id), ...rest]) }));
    report = await readerRun(home);
    expect(report.accepted).toEqual([]);
    expect(report.compiled).toContain('cli.js');
    expect(report.written).toBe(true);
    expect((await readerRun(home)).accepted).toContain('cli.js');
  }, 120_000);

  it('never stops the reader when its folder cannot be written', async () => {
    const home = join(work, 'unwritable');
    // The cache folder's name is taken by a file: nothing can be created in it.
    mkdirSync(join(home, 'cache', 'newsdesk'), { recursive: true });
    writeFileSync(codeCache(home), 'not a folder');
    const report = await readerRun(home);
    expect(report.written).toBe(false);
    expect(report.problem).toBeTruthy();
    expect(readFileSync(codeCache(home), 'utf8')).toBe('not a folder');
  }, 60_000);

  it('is neither read nor written with NEWSDESK_NO_CACHE=1', async () => {
    const home = join(work, 'off');
    const report = await readerRun(home, { NEWSDESK_NO_CACHE: '1' });
    expect(report.problem).toBe('no report');
    expect(existsSync(codeCache(home))).toBe(false);
  }, 60_000);
});
