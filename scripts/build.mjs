// Bundles src/cli.ts (and everything it imports) into one ESM file in dist/,
// so the published package has no runtime dependencies and starts fast.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, statSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inkLineFastPathPlugin } from './ink-line-fast-path.mjs';
import { startPathPlugin } from './start-path-plugin.mjs';
import { writeScriptChunks } from './script-chunks.mjs';
import { NODE_TARGET } from './node-target.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'cli.js');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-needed') && existsSync(outfile)) {
  const inputs = Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
  if (statSync(outfile).mtimeMs >= inputs) process.exit(0);
}

/** Fingerprint of some source folders: caches written by a build with other code are not trusted. */
function fingerprint(...folders) {
  const hash = createHash('sha256').update(pkg.version);
  const add = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) add(path);
      else hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  for (const folder of folders) if (existsSync(join(root, folder))) add(join(root, folder));
  return hash.digest('hex').slice(0, 16);
}

// `--clean` (for packing): start from an empty dist/, so no chunk of an earlier build is published.
if (process.argv.includes('--clean')) rmSync(join(root, 'dist'), { recursive: true, force: true });

const result = await build({
  entryPoints: [
    // main.ts starts the reader without commander when that is all the command line asks; else cli.ts.
    { in: join(root, 'src', 'main.ts'), out: 'cli' },
    // The parse pool, as the script its worker thread runs to parse a large cold library in parallel.
    { in: join(root, 'src', 'library', 'parse-pool.ts'), out: 'parse-worker' },
    // The script compareInParallel's worker threads run: a comparison of thousands of articles on every core.
    { in: join(root, 'src', 'analysis', 'compare-worker.ts'), out: 'compare-worker' },
    // What bin/newsdesk.js runs the bundle's script form with on Node 20 (dist/script/, below).
    { in: join(root, 'src', 'platform', 'code-cache.ts'), out: 'code-cache' },
  ],
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  ...NODE_TARGET,
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: {
    'process.env.NODE_ENV': '"production"',
    __NEWSDESK_VERSION__: JSON.stringify(pkg.version),
    __NEWSDESK_BUILD__: JSON.stringify(fingerprint('src/library')),
    __NEWSDESK_ANALYSIS_BUILD__: JSON.stringify(fingerprint('src/analysis', 'src/render', 'src/print')),
    // A saved first frame (src/tui/frame-snapshot.ts) is drawn only by the code that laid it out.
    __NEWSDESK_LIST_BUILD__: JSON.stringify(fingerprint('src/tui', 'src/render', 'src/library', 'src/state')),
  },
  alias: {
    'react-devtools-core': join(root, 'scripts', 'devtools-stub.mjs'),
    // marked-terminal imports these whole, but we render with emoji off, and code blocks in news
    // need no syntax colouring: highlight.js, parse5 and emojilib were 1.4 MB the reader loaded at start.
    'cli-highlight': join(root, 'scripts', 'highlight-stub.mjs'),
    'node-emoji': join(root, 'scripts', 'emoji-stub.mjs'),
    // turndown loads domino to parse HTML strings; newsdesk gives it linkedom's DOM nodes instead.
    '@mixmark-io/domino': join(root, 'scripts', 'domino-stub.mjs'),
  },
  // Yoga without fetch(), string-width set up on first need: see scripts/start-path-plugin.mjs.
  // Ink's Output.get with a fast path for rows written whole (the pager's lines): ink-line-fast-path.mjs.
  plugins: [startPathPlugin, inkLineFastPathPlugin],
  metafile: true,
  // Some bundled CommonJS packages call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __newsdeskCreateRequire } from 'node:module'; const require = __newsdeskCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// The chunks dist/cli.js reaches, as scripts whose compiled code Node 20 can keep (scripts/script-chunks.mjs).
const scripts = await writeScriptChunks({ root: process.cwd(), distDir: join(root, 'dist'), entry: join(root, 'dist', 'cli.js'), metafile: result.metafile });

// Chunk names carry content hashes: old chunks would pile up and be published. They are removed after
// the build, not by emptying dist/ first, and only once ten minutes old: a newsdesk started from the
// previous build (a test, another terminal) still finds the chunks it imports on demand.
const written = new Set([...Object.keys(result.metafile.outputs).map((path) => resolve(path)), ...scripts]);
const STALE_AFTER_MS = 10 * 60 * 1000;
for (const folder of [join(root, 'dist'), join(root, 'dist', 'chunks'), join(root, 'dist', 'script'), join(root, 'dist', 'script', 'chunks')]) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (!entry.isFile() || !entry.name.endsWith('.js') || written.has(path)) continue;
    if (Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { force: true });
  }
}

// `NEWSDESK_METAFILE=path npm run build` writes esbuild's metafile (which module went into which chunk).
if (process.env.NEWSDESK_METAFILE) writeFileSync(process.env.NEWSDESK_METAFILE, JSON.stringify(result.metafile));
