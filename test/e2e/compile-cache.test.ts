/**
 * V8's compile cache (bin/newsdesk.js): on a Node that has one (22.1 and later) the built program keeps
 * it under $XDG_CACHE_HOME/newsdesk/compile-cache, and a damaged cache or one that cannot be written
 * never stops it; NEWSDESK_NO_CACHE=1 keeps it off, and Node 20 (no such API) writes none there (its
 * code cache, in code-cache/, is code-cache.test.ts's).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { ensureBuilt } from './helpers/terminal.js';

const work = mkdtempSync(join(tmpdir(), 'newsdesk-compile-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => ensureBuilt());

const hasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const compileCache = (cacheHome: string): string => join(cacheHome, 'newsdesk', 'compile-cache');

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function listWith(cacheHome: string, env: Record<string, string> = {}): string {
  const result = runCli(['list'], { XDG_CACHE_HOME: cacheHome, ...env });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('the compile cache', () => {
  const expected = (): string => listWith(join(work, 'reference'), { NEWSDESK_NO_CACHE: '1' });

  it('is not written with NEWSDESK_NO_CACHE=1', () => {
    const cacheHome = join(work, 'off');
    expect(listWith(cacheHome, { NEWSDESK_NO_CACHE: '1' })).toBe(expected());
    expect(existsSync(compileCache(cacheHome))).toBe(false);
  });

  it('never stops the program when its folder cannot be made', () => {
    // The cache home is a file: nothing can be created below it.
    const cacheHome = join(work, 'a-file');
    writeFileSync(cacheHome, 'not a folder');
    expect(listWith(cacheHome)).toBe(expected());
    expect(statSync(cacheHome).isFile()).toBe(true);
  });

  it.runIf(!hasCompileCache)('is not written by a Node without a compile cache', () => {
    const cacheHome = join(work, 'node-without');
    expect(listWith(cacheHome)).toBe(expected());
    expect(existsSync(compileCache(cacheHome))).toBe(false);
  });

  it.runIf(hasCompileCache)('is kept for the next start, and a damaged one is ignored', () => {
    const cacheHome = join(work, 'on');
    expect(listWith(cacheHome)).toBe(expected());
    const files = filesBelow(compileCache(cacheHome));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) writeFileSync(file, 'damaged');
    expect(listWith(cacheHome)).toBe(expected());
    expect(listWith(cacheHome)).toBe(expected());
  });
});
