/**
 * A chunk's script form (scripts/script-chunks.mjs), run as src/platform/code-cache.ts runs it: it must
 * behave as the ES module it came from, a top-level await included.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script without types
import { scriptOf } from '../../scripts/script-chunks.mjs';

const BANNER = "import { createRequire as __newsdeskCreateRequire } from 'node:module'; const require = __newsdeskCreateRequire(import.meta.url);\n";

async function run(esm: string, deps: Record<string, unknown> = {}): Promise<{ exports: Record<string, unknown>; imported: string[] }> {
  const source = (await scriptOf(BANNER + esm, 'chunks/test.js')) as string;
  const body = new vm.Script(source).runInThisContext() as (...args: unknown[]) => Promise<void>;
  const module = { exports: {} as Record<string, unknown> };
  const imported: string[] = [];
  const require = (specifier: string): unknown => (specifier in deps ? deps[specifier] : { nodeModule: specifier });
  const dynamicImport = async (specifier: string): Promise<unknown> => {
    imported.push(specifier);
    return { loaded: specifier };
  };
  await body.call(undefined, module.exports, require, module, 'file:///app/dist/chunks/test.js', dynamicImport);
  return { exports: module.exports, imported };
}

describe('a chunk as a script', () => {
  it('takes its imports from the runner and exports live bindings', async () => {
    const { exports } = await run('import { a } from "./chunk-A.js"; export let n = a * 2; export function bump() { n++; }', { './chunk-A.js': { a: 21 } });
    expect(exports.n).toBe(42);
    (exports.bump as () => void)();
    expect(exports.n).toBe(43);
  });

  it('keeps a top-level await, and finishes only after it', async () => {
    const { exports } = await run('const wait = (v) => new Promise((done) => setTimeout(() => done(v), 5)); export const value = await wait(7) + await wait(1);');
    expect(exports.value).toBe(8);
  });

  it("gives import() and import.meta.url to the runner, and node's modules to its require", async () => {
    const { exports, imported } = await run(
      'import { join } from "node:path"; export const url = new URL("../articles", import.meta.url).href; export const where = join("a", "b"); export const later = () => import("./run-X.js");',
      { 'node:path': await import('node:path') },
    );
    expect(exports.url).toBe('file:///app/dist/articles');
    expect(exports.where).toBe('a/b');
    expect(await (exports.later as () => Promise<unknown>)()).toEqual({ loaded: './run-X.js' });
    expect(imported).toEqual(['./run-X.js']);
  });

  it('refuses a chunk without the build banner', async () => {
    await expect(scriptOf('export const a = 1;', 'chunks/x.js')).rejects.toThrow(/banner/);
  });
});
