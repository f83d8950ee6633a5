// What `compare --json` costs warm once cli.ts caches its output with cachedComparison: a warm
// library load, then the stored output (of the size a 10,000-article comparison prints) read back.
import { writeSync } from 'node:fs';
import { cachedComparisonOutput } from '../../src/library/cache.ts';
import { loadArticles } from '../../src/library/load.ts';

const [dir, cacheDir, megabytes = '60'] = process.argv.slice(2);
const started = performance.now();
const { articles } = loadArticles([dir], { cacheDir });
const loadedAt = performance.now();
const output = cachedComparisonOutput(articles, 'ceasefire', 'probe|json', () => `${'{"statement": "x"},\n'.repeat((Number(megabytes) * 1e6) / 20)}`, cacheDir);
const cachedAt = performance.now();
writeSync(1, output);
const done = performance.now();
process.stderr.write(`${JSON.stringify({ loadMs: loadedAt - started, cacheMs: cachedAt - loadedAt, writeMs: done - cachedAt, totalMs: done - started })}\n`);
