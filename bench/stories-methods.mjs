// Measures the story clustering methods on the dev set and on a generated library with known
// stories: purity, completeness and time per method and threshold. `node bench/stories-methods.mjs
// [--count N]`. The figures behind README's "Stories" section come from this script.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateStoryLibrary } from './story-corpus.mjs';
import { clusteringScores } from '../scripts/eval/stories.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const countArg = process.argv.indexOf('--count');
const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 2000;

const work = mkdtempSync(join(tmpdir(), 'newsdesk-stories-'));
const entry = join(work, 'entry.ts');
writeFileSync(
  entry,
  `export { clusterSignatures, METHOD_THRESHOLDS } from ${JSON.stringify(join(root, 'src/analysis/stories.ts'))};
export { storySignature } from ${JSON.stringify(join(root, 'src/analysis/stories-signature.ts'))};
export { loadArticles } from ${JSON.stringify(join(root, 'src/library/load.ts'))};`,
);
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(work, 'stories.mjs'), logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
const lib = await import(pathToFileURL(join(work, 'stories.mjs')).href);
rmSync(work, { recursive: true, force: true });

const devDir = join(root, 'test/fixtures/gold/dev');
const gold = JSON.parse(readFileSync(join(devDir, 'gold.json'), 'utf8'));
const devInputs = lib
  .loadArticles([join(devDir, 'articles')])
  .articles.map((a) => ({ id: a.id, title: a.title, date: a.date, source: a.source, paragraphs: a.paragraphs }));
const devGold = new Map(gold.stories.flatMap((s) => s.articles.map((id) => [id, s.id])));
const generated = generateStoryLibrary({ count });
const generatedGold = new Map(generated.map((a) => [a.id, a.event]));

const sets = [
  { name: 'dev', inputs: devInputs, gold: devGold },
  { name: `generated ${count}`, inputs: generated, gold: generatedGold },
];
const methods = ['tfidf-average', 'tfidf-single', 'minhash-single'];
const thresholds = [0.1, 0.15, 0.2, 0.25, 0.3, 0.4];
console.log('| set | method | threshold | purity | completeness | ms |');
console.log('|---|---|---|---|---|---|');
for (const set of sets) {
  const signatures = set.inputs.map(lib.storySignature);
  for (const method of methods) {
    for (const threshold of thresholds) {
      const started = performance.now();
      const groups = lib.clusterSignatures(signatures, { method, threshold });
      const ms = performance.now() - started;
      const { purity, completeness } = clusteringScores(groups.map((g) => g.map((i) => set.inputs[i].id)), set.gold);
      const mark = threshold === lib.METHOD_THRESHOLDS[method] ? ' (default)' : '';
      console.log(`| ${set.name} | ${method} | ${threshold}${mark} | ${purity.toFixed(3)} | ${completeness.toFixed(3)} | ${ms.toFixed(0)} |`);
    }
  }
}
if (process.argv.includes('--show')) {
  const set = sets[1];
  const signatures = set.inputs.map(lib.storySignature);
  const groups = lib.clusterSignatures(signatures, {});
  let shown = 0;
  for (const g of groups) {
    const events = new Set(g.map((i) => set.inputs[i].event));
    if (events.size < 2 || shown++ > 3) continue;
    for (const i of g) console.log(set.inputs[i].event, set.inputs[i].date, set.inputs[i].title);
    console.log('--');
  }
}
