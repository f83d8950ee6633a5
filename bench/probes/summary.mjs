// Times summarize() on one article in-process, once the NLP is loaded (the first call loads it).
import { loadArticles } from '../../src/library/load.ts';
import { summarize } from '../../src/analysis/index.ts';
import { toAnalysisInput } from '../../src/analysis/input.ts';

const [dir, repsText] = process.argv.slice(2);
const reps = Number(repsText) || 30;
const article = loadArticles([dir]).articles.sort((a, b) => b.size - a.size)[0];
const input = toAnalysisInput(article);
let started = performance.now();
summarize(input);
const firstMs = performance.now() - started;
const times = [];
for (let i = 0; i < reps; i++) {
  started = performance.now();
  summarize(input);
  times.push(performance.now() - started);
}
process.stdout.write(`${JSON.stringify({ id: article.id, bytes: article.size, firstMs, times })}\n`);
