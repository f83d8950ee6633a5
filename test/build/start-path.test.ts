import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a build script without types
import { NARROW_CLASS, startPathPlugin } from '../../scripts/start-path-plugin.mjs';

type Width = (text: string, options?: { ambiguousIsNarrow?: boolean }) => number;
const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const temp = mkdtempSync(join(tmpdir(), 'newsdesk-start-path-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Every copy of string-width the bundle takes: the one Ink and we import, and the one Ink's wrap-ansi brings. */
const copies = [join(root, 'node_modules', 'string-width', 'index.js'), join(root, 'node_modules', 'wrap-ansi', 'node_modules', 'string-width', 'index.js')];

async function bundled(entry: string, name: string): Promise<Record<string, unknown>> {
  const outfile = join(temp, `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, plugins: [startPathPlugin], logLevel: 'silent' });
  return (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
}

describe('start-path patches (scripts/start-path-plugin.mjs)', () => {
  it.each(copies.map((path, k) => [k, path]))('string-width copy %i measures exactly as the original', async (k, path) => {
    const entry = join(temp, `width-${k}.mjs`);
    writeFileSync(entry, `export { default } from ${JSON.stringify(path)};\n`);
    const patched = (await bundled(entry, `width-${k}-out`)).default as Width;
    const original = ((await import(pathToFileURL(path).href)) as { default: Width }).default;
    const samples = ['', 'plain title', 'héllo wörld ×½', '\u00ad', 'a\tb', '日本語', '👍🏽', '👨‍👩‍👧', '\x1b[1mbold\x1b[0m', 'e\u0301', '한국어', 'Ｆｕｌｌ'];
    for (let code = 0; code < 0x2600; code++) samples.push(String.fromCodePoint(code), `ab${String.fromCodePoint(code)}`);
    // Every character the fast path measures by length, next to itself and to what joins a grapheme.
    const narrow = new RegExp(`^[${NARROW_CLASS as string}]$`);
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCodePoint(code);
      if (narrow.test(char)) samples.push(`${char}${char}`, `${char}\u0301`, `${char}\u200d${char}`, `${char}\ufe0f`, `\u{1F44D}${char}`, `${char}日`);
    }
    const differing = samples.flatMap((text) =>
      [undefined, { ambiguousIsNarrow: false }].flatMap((options) => (patched(text, options) === original(text, options) ? [] : [JSON.stringify(text)])),
    );
    expect(differing).toEqual([]);
  });

  it('loads Yoga without fetch() and lays out a node', async () => {
    const entry = join(temp, 'yoga.mjs');
    writeFileSync(
      entry,
      `globalThis.fetch = () => { throw new Error('fetch called'); };
import Yoga from ${JSON.stringify(require.resolve('yoga-layout', { paths: [dirname(require.resolve('ink'))] }))};
const node = Yoga.Node.create(); node.setWidth(12); node.setHeight(3); node.calculateLayout();
export const layout = [node.getComputedWidth(), node.getComputedHeight()];\n`,
    );
    const { layout } = await bundled(entry, 'yoga-out');
    expect(layout).toEqual([12, 3]);
    // The wasm travels once, as the decoded bytes' base64, not also as the data: URL.
    expect(readFileSync(join(temp, 'yoga-out.mjs'), 'utf8').match(/AGFzbQ/g)).toHaveLength(1);
  });
});
