// The bundle's ESM chunks again, as scripts: Node 20 keeps no compiled code for an ES module, but
// compiles a script (vm.Script) from V8 code cache data it is given. src/platform/code-cache.ts loads
// these in place of the ESM chunks and keeps their compiled code between runs.
//
// Each chunk reachable from dist/cli.js (by import or import()) becomes dist/script/<same path>: the
// body of `async function (exports, require, module, __newsdeskUrl, __newsdeskImport)`, the chunk
// converted to CommonJS by esbuild. Its static imports are in dist/script/manifest.json, run (in order)
// before it, as ES modules' are; import() of another chunk goes through __newsdeskImport; import.meta.url
// is the ESM chunk's URL, so files found next to it (the workers, the bundled articles) are the same;
// a top-level await (yoga-layout's wasm) stays an await, as the body is an async function. The workers
// (dist/parse-worker.js, dist/compare-worker.js) are started by path and stay ES modules.
import { parse } from 'acorn';
import { transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import vm from 'node:vm';
import { NODE_TARGET } from './node-target.mjs';

/** The `const require = createRequire(import.meta.url)` line build.mjs puts first in every chunk. */
const BANNER = /^import \{ createRequire as __newsdeskCreateRequire \} from 'node:module'; const require = __newsdeskCreateRequire\(import\.meta\.url\);\n/;
const TOP_LEVEL_AWAIT = '__newsdeskTopLevelAwait';
export const SCRIPT_PARAMETERS = ['exports', 'require', 'module', '__newsdeskUrl', '__newsdeskImport'];

/** Where the chunk awaits outside any function: [start of `await`, start of its operand, end]. */
function topLevelAwaits(source) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (/Function/.test(node.type)) return;
    if (node.type === 'AwaitExpression') found.push([node.start, node.argument.start, node.end]);
    if (node.type === 'ForOfStatement' && node.await) throw new Error('script-chunks: a top-level for await is not handled');
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value.type === 'string') visit(value);
    }
  };
  visit(parse(source, { ecmaVersion: 'latest', sourceType: 'module' }));
  return found;
}

/** `await x` at the top level as a call esbuild's CommonJS output keeps, turned back into `await(x)` after. */
function hideTopLevelAwaits(source) {
  const awaits = topLevelAwaits(source).sort((a, b) => b[0] - a[0]);
  if (awaits.some(([start], i) => awaits.some(([s, , e], j) => i !== j && s < start && e > start))) {
    throw new Error('script-chunks: an await inside a top-level await is not handled');
  }
  // From the end, so the offsets of those before stay right.
  let out = source;
  for (const [start, operand, end] of awaits) out = `${out.slice(0, start)}${TOP_LEVEL_AWAIT}(${out.slice(operand, end)})${out.slice(end)}`;
  return out;
}

/** One ESM chunk of the build (its banner first) as the source of a script: see the top of this file. */
export async function scriptOf(esmSource, id) {
  if (!BANNER.test(esmSource)) throw new Error(`script-chunks: ${id} does not start with build.mjs's require banner`);
  const module = hideTopLevelAwaits(esmSource.replace(BANNER, ''));
  const { code } = await transform(module, {
    format: 'cjs',
    platform: 'node',
    ...NODE_TARGET,
    minify: true,
    legalComments: 'none',
    define: { 'import.meta.url': '__newsdeskUrl' },
    supported: { ...NODE_TARGET.supported, 'dynamic-import': true },
  });
  let body = code.split(`${TOP_LEVEL_AWAIT}(`).join('await(');
  if (body.includes(TOP_LEVEL_AWAIT)) throw new Error(`script-chunks: ${id} kept a top-level await marker`);
  // A script has no import() of its own (vm.Script would need a loader for it): the runner's does it.
  body = body.replace(/\bimport\((["'])([^"'\\]+)\1\)/g, '__newsdeskImport($1$2$1)');
  if (/\bimport\(/.test(body)) throw new Error(`script-chunks: ${id} has an import() not rewritten`);
  if (/\bimport\.meta\b/.test(body)) throw new Error(`script-chunks: ${id} still uses import.meta`);
  return `(async function (${SCRIPT_PARAMETERS.join(', ')}) {"use strict";${body}\n})`;
}

/**
 * Writes dist/script/ from the build's metafile (its paths relative to `root`): every output reachable
 * from `entry`, then manifest.json with each one's static imports and the build's key. Returns the
 * paths written: build.mjs removes older files as it does chunks, once a start of the last build is done.
 */
export async function writeScriptChunks({ root, distDir, entry, metafile }) {
  const outputs = new Map(Object.entries(metafile.outputs).map(([path, output]) => [resolve(root, path), output]));
  const ids = [];
  const modules = {};
  const pending = [resolve(root, entry)];
  while (pending.length) {
    const path = pending.shift();
    const id = relative(distDir, path).split('\\').join('/');
    if (id in modules) continue;
    const output = outputs.get(path);
    if (!output) throw new Error(`script-chunks: ${id} is not in the build's metafile`);
    const deps = [];
    for (const imported of output.imports) {
      if (imported.external) continue;
      const target = resolve(root, imported.path);
      if (imported.kind === 'import-statement') deps.push(relative(distDir, target).split('\\').join('/'));
      else if (imported.kind !== 'dynamic-import') throw new Error(`script-chunks: ${id} imports ${imported.path} as ${imported.kind}`);
      pending.push(target);
    }
    modules[id] = { deps };
    ids.push(id);
  }
  const scriptDir = join(distDir, 'script');
  const written = [];
  const hash = createHash('sha256');
  for (const id of ids.sort()) {
    const script = await scriptOf(readFileSync(join(distDir, id), 'utf8'), id);
    // A syntax error here fails the build, not a start.
    new vm.Script(script, { filename: id });
    mkdirSync(dirname(join(scriptDir, id)), { recursive: true });
    writeFileSync(join(scriptDir, id), script);
    written.push(join(scriptDir, id));
    hash.update(id).update('\0').update(script).update('\0').update(modules[id].deps.join(',')).update('\0');
  }
  const manifest = { key: hash.digest('hex').slice(0, 20), entry: relative(distDir, resolve(root, entry)).split('\\').join('/'), modules };
  // Last, and whole or not at all: a start reads either the old build's manifest or this one's.
  const manifestPath = join(scriptDir, 'manifest.json');
  writeFileSync(`${manifestPath}.${process.pid}.tmp`, JSON.stringify(manifest));
  renameSync(`${manifestPath}.${process.pid}.tmp`, manifestPath);
  written.push(manifestPath);
  return written;
}
