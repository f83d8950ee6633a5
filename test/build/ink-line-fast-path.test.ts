import xtermHeadless from '@xterm/headless';
import { build } from 'esbuild';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a build script without types
import { inkLineFastPath, inkLineFastPathPlugin } from '../../scripts/ink-line-fast-path.mjs';

// Ink's Output, as Ink ships it and as the build patches it (scripts/ink-line-fast-path.mjs). The patch
// must draw every frame exactly as Ink would, cell for cell, and must skip Ink's cell-by-cell work for
// rows written whole (the pager's lines).

interface Write {
  x: number;
  y: number;
  text: string;
  transformers?: ((line: string, index: number) => string)[];
}
interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: ((line: string, index: number) => string)[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
  caches: { styledChars: Map<string, unknown> };
}
type OutputClass = new (options: { width: number; height: number }) => OutputLike;

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const inkOutput = join(dirname(require.resolve('ink')), 'output.js');
const temp = mkdtempSync(join(tmpdir(), 'newsdesk-ink-fast-path-'));
const { Terminal } = xtermHeadless;
let Original: OutputClass;
let Patched: OutputClass;

async function bundle(name: string, plugins: unknown[]): Promise<OutputClass> {
  const entry = join(temp, `${name}-entry.mjs`);
  writeFileSync(entry, `export { default } from ${JSON.stringify(inkOutput)};\n`);
  const outfile = join(temp, `${name}.mjs`);
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, plugins: plugins as never, logLevel: 'silent' });
  return ((await import(pathToFileURL(outfile).href)) as { default: OutputClass }).default;
}

beforeAll(async () => {
  Original = await bundle('original', []);
  Patched = await bundle('patched', [inkLineFastPathPlugin]);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function frame(Output: OutputClass, width: number, height: number, writes: Write[], clip?: { x1: number; x2: number }): { text: string; output: OutputLike } {
  const output = new Output({ width, height });
  if (clip) output.clip(clip);
  for (const write of writes) output.write(write.x, write.y, write.text, { transformers: write.transformers ?? [] });
  if (clip) output.unclip();
  return { text: output.get().output, output };
}

/** Every cell the frame leaves on a terminal: its text, bold, italic, underline, inverse and colours. */
async function cells(text: string, cols: number, rows: number): Promise<string[]> {
  const term = new Terminal({ cols, rows, allowProposedApi: true, convertEol: true });
  // A styled character after the frame shows whether any style leaked past its row.
  await new Promise<void>((done) => term.write(`${text}\nX`, done));
  const buffer = term.buffer.active;
  const cell = buffer.getNullCell();
  const out: string[] = [];
  for (let y = 0; y < rows; y++) {
    const line = buffer.getLine(y)!;
    let row = '';
    for (let x = 0; x < cols; x++) {
      line.getCell(x, cell);
      // A blank cell ('') and a written space differ: a terminal reflows a written one as content.
      row += `${cell.getChars() || '∅'}${cell.isBold()}${cell.isItalic()}${cell.isUnderline()}${cell.isInverse()}${cell.getFgColor()}/${cell.getBgColor()}|`;
    }
    out.push(row);
  }
  term.dispose();
  return out;
}

const SGR = ['\x1b[1m', '\x1b[22m', '\x1b[3m', '\x1b[23m', '\x1b[4m', '\x1b[24m', '\x1b[7m', '\x1b[27m', '\x1b[31m', '\x1b[39m', '\x1b[38;5;208m', '\x1b[44m', '\x1b[49m', '\x1b[0m', '\x1b[m', '\x1b[1;31m'];
const PIECES = ['word', ' ', '   ', 'é', '日本', '👍🏽', 'e\u0301', '\t', '…', ...SGR];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(''));
const WIDTH = 40;
const HEIGHT = 6;

describe("Ink's Output with the line fast path (scripts/ink-line-fast-path.mjs)", () => {
  it('is written against the Ink it patches', () => {
    // The patch replaces Output.get() of this version (and checks its source hash at build time).
    expect((JSON.parse(readFileSync(join(dirname(inkOutput), '..', 'package.json'), 'utf8')) as { version: string }).version).toBe('6.8.0');
    expect(() => inkLineFastPath('export default class Output {\n    get() {\n        return 1;\n    }\n}\n')).toThrow(/not the code the patch was written against/);
  });

  it('draws random frames cell for cell as Ink does: one write a row, overlapping writes, offsets', async () => {
    const writeArb = fc.record({ x: fc.integer({ min: 0, max: 12 }), y: fc.integer({ min: -1, max: HEIGHT }), text: line });
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { maxLength: 10 }), fc.boolean(), async (writes, inverse) => {
        const transformed = writes.map((write, k) => (inverse && k % 3 === 0 ? { ...write, transformers: [(text: string) => `\x1b[7m${text}\x1b[27m`] } : write));
        const original = frame(Original, WIDTH, HEIGHT, transformed).text;
        const patched = frame(Patched, WIDTH, HEIGHT, transformed).text;
        expect(await cells(patched, WIDTH + 30, HEIGHT + 2)).toEqual(await cells(original, WIDTH + 30, HEIGHT + 2));
      }),
      { numRuns: 150, seed: 14 },
    );
  });

  it('draws multi-line writes and clipped writes as Ink does', async () => {
    const writes: Write[] = [
      { x: 0, y: 0, text: '\x1b[1mtitle\x1b[22m\nsecond line  \nthird \x1b[7m  \x1b[27m' },
      { x: 2, y: 3, text: 'indented 日本語 text' },
      { x: 5, y: 3, text: '\x1b[31mover\x1b[39m' },
    ];
    for (const clip of [undefined, { x1: 1, x2: 12 }]) {
      const original = frame(Original, WIDTH, HEIGHT, writes, clip).text;
      const patched = frame(Patched, WIDTH, HEIGHT, writes, clip).text;
      expect(await cells(patched, WIDTH, HEIGHT + 2)).toEqual(await cells(original, WIDTH, HEIGHT + 2));
    }
  });

  it('keeps a row written once whole as its line, without splitting it into cells', () => {
    const lines = ['plain words, a page of them', '\x1b[1mBold\x1b[22m and \x1b[38;5;208mcolour\x1b[39m', '  indented  ', ''];
    const { text, output } = frame(
      Patched,
      WIDTH,
      lines.length + 1,
      lines.map((text, y) => ({ x: 0, y, text })),
    );
    expect(output.caches.styledChars.size).toBe(0);
    expect(text.split('\n')).toEqual(['plain words, a page of them', '\x1b[1mBold\x1b[22m and \x1b[38;5;208mcolour\x1b[39m\x1b[0m', '  indented', '', '']);
    // A second write over a row takes Ink's own way for that row.
    const overlapped = frame(Patched, WIDTH, 2, [
      { x: 0, y: 0, text: 'first' },
      { x: 2, y: 0, text: 'XY' },
    ]);
    expect(overlapped.text.split('\n')[0]).toBe('fiXYt');
    expect(overlapped.output.caches.styledChars.size).toBeGreaterThan(0);
  });

  it('is in the built reader', () => {
    // The patched get() tells SGR sequences apart with this pattern; Ink has no such code.
    const chunks = readdirSync(join(root, 'dist', 'chunks')).map((name) => readFileSync(join(root, 'dist', 'chunks', name), 'utf8'));
    expect(chunks.some((code) => code.includes(String.raw`/\x1b\[\d+(?:;\d+)*m/g`))).toBe(true);
  });
});
