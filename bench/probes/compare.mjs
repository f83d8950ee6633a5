// Times compareArticles in-process over the first N articles of a folder (N from argv), with the
// library loaded first, so the comparison's own cost is seen apart from loading.
import { loadArticles } from '../../src/library/load.ts';
import { compareArticles, toAnalysisInput } from '../../src/analysis/index.ts';

const [dir, countText, topic = 'ceasefire'] = process.argv.slice(2);
const articles = loadArticles([dir], { cacheDir: false }).articles.slice(0, Number(countText) || undefined);
let started = performance.now();
const inputs = articles.map(toAnalysisInput);
const inputMs = performance.now() - started;
started = performance.now();
const comparison = compareArticles(inputs, topic);
const compareMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ articles: articles.length, inputMs, compareMs, statements: comparison.statements.length, json: JSON.stringify(comparison).length })}\n`);
