/**
 * The reader's way to its first frame (src/main.ts, src/reader-command.ts, src/tui/start.ts) loads neither
 * commander, nor the library loader's YAML parser, nor Ink: they come after the frame. These read the
 * built bundle's static imports and run the fast path's one failure a person can cause in a pty.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt, openTerminal } from './helpers/terminal.js';

/** A built file and every chunk it imports statically (what is compiled and run before its first line). */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\.?\/[^"']+)["']/g)) visit(resolve(dirname(file), match[1]));
  };
  visit(entry);
  return [...seen];
}

beforeAll(() => ensureBuilt());

describe('the start path', () => {
  it('loads no commander, YAML or Ink before the first frame', () => {
    const entry = join(ROOT, 'dist', 'cli.js');
    const files = staticGraph(entry);
    // The reader's start chunk (src/tui/start.ts), imported on the way to the frame.
    const startChunk = files
      .map((file) => {
        const found = /import\(["'](\.\.?\/[^"']*start-[A-Z0-9]+\.js)["']\)/.exec(readFileSync(file, 'utf8'));
        return found ? resolve(dirname(file), found[1]) : undefined;
      })
      .find((file) => file !== undefined);
    expect(startChunk).toBeDefined();
    const code = [...files, ...staticGraph(startChunk as string)].map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(code).not.toMatch(/commander\.helpDisplayed/);
    expect(code).not.toMatch(/Implicit map keys need to be/);
    expect(code).not.toMatch(/ink-box|react\.(?:transitional\.)?element/);
  });

  it('is the same in the script form Node 20 runs (dist/script/, src/platform/code-cache.ts)', () => {
    const dist = join(ROOT, 'dist');
    const { entry, modules } = JSON.parse(readFileSync(join(dist, 'script', 'manifest.json'), 'utf8')) as { entry: string; modules: Record<string, { deps: string[] }> };
    const closure = (id: string, seen = new Set<string>()): Set<string> => {
      if (!seen.has(id)) {
        seen.add(id);
        for (const dep of modules[id].deps) closure(dep, seen);
      }
      return seen;
    };
    const id = (file: string): string => relative(dist, file).split('\\').join('/');
    const esm = staticGraph(join(dist, 'cli.js')).map(id);
    expect([...closure(entry)].sort()).toEqual(esm.sort());
    const startChunk = esm.map((file) => /import\(["']\.\/([^"']*start-[A-Z0-9]+\.js)["']\)/.exec(readFileSync(join(dist, file), 'utf8'))?.[1]).find((found) => found);
    const startId = `chunks/${startChunk}`;
    expect([...closure(startId)].sort()).toEqual(staticGraph(join(dist, startId)).map(id).sort());
    const code = [...closure(entry), ...closure(startId)].map((file) => readFileSync(join(dist, 'script', file), 'utf8')).join('\n');
    expect(code).toMatch(/__newsdeskImport\("\.\/start-[A-Z0-9]+\.js"\)/);
    expect(code).not.toMatch(/commander\.helpDisplayed/);
    expect(code).not.toMatch(/Implicit map keys need to be/);
    expect(code).not.toMatch(/ink-box|react\.(?:transitional\.)?element/);
  });

  it('says a missing --dir is missing, as commander’s way does', async () => {
    const missing = join(ROOT, 'no-such-folder-for-newsdesk');
    const term = openTerminal({ args: ['--dir', missing], cols: 80, rows: 24 });
    try {
      const exit = await term.waitForExit(20_000);
      expect(exit.exitCode).toBe(2);
      expect(term.output).toMatch(/newsdesk: --dir .*no-such-folder-for-newsdesk/);
    } finally {
      term.dispose();
    }
  });
});
