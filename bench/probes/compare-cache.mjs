// What `compare --json` costs warm once cli.ts caches its output: a warm library load, then the
// stored output (of the size a 10,000-article comparison prints) read back.
import { writeSync } from 'node:fs';
import { comparisonOutputFromCache, storeComparisonOutput } from '../../src/print/output-cache.ts';
import { loadArticles } from '../../src/library/load.ts';

const [dir, cacheDir, megabytes = '60'] = process.argv.slice(2);
const started = performance.now();
const { articles } = loadArticles([dir], { cacheDir });
const loadedAt = performance.now();
let output = comparisonOutputFromCache(articles, 'ceasefire', 'probe|json', cacheDir);
if (!output) {
  output = `${'{"statement": "x"},\n'.repeat((Number(megabytes) * 1e6) / 20)}`;
  storeComparisonOutput(articles, 'ceasefire', 'probe|json', output, cacheDir);
}
const cachedAt = performance.now();
writeSync(1, output);
const done = performance.now();
process.stderr.write(`${JSON.stringify({ loadMs: loadedAt - started, cacheMs: cachedAt - loadedAt, writeMs: done - cachedAt, totalMs: done - started })}\n`);
