import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error the bench's corpus generator has no types
import { generateLibrary } from '../../bench/corpus.mjs';
import { clusterStories, compareArticles, compareInParallel, storyOfArticle, toAnalysisInput } from '../../src/analysis/index.js';
import { loadArticles } from '../../src/library/load.js';
import { comparisonToJson } from '../../src/print/compare.js';
import { runCli } from '../helpers/run-cli.js';

const temp = mkdtempSync(join(tmpdir(), 'newsdesk-parallel-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('compareInParallel', () => {
  it('gives what compareArticles gives, in the same order (bundled articles)', async () => {
    const { articles } = loadArticles([join(import.meta.dirname, '..', '..', 'articles')], { cacheDir: false });
    const inputs = articles.map(toAnalysisInput);
    const parallel = await compareInParallel(inputs.length, (index) => inputs[index], 'ceasefire');
    expect(parallel).toEqual(compareArticles(inputs, 'ceasefire'));
  });

  it('the built CLI on worker threads prints what one thread computes (300 articles)', async () => {
    // Over the worker threshold, so dist/compare-worker.js does batches while the main thread does others.
    const dir = join(temp, 'library');
    generateLibrary(dir, { count: 300 });
    const { articles } = loadArticles([dir], { cacheDir: false });
    // The CLI pairs disagreements within stories only, and lists the stories beside the comparison.
    const stories = clusterStories(articles.map((a) => ({ ...toAnalysisInput(a), source: a.source })));
    const storyOf = storyOfArticle(stories);
    const expected = comparisonToJson(compareArticles(articles.map(toAnalysisInput), 'ceasefire', { storyOf: (id) => storyOf.get(id) ?? id }));
    const { status, stdout, stderr } = runCli(['--dir', dir, 'compare', 'ceasefire', '--json'], { NEWSDESK_NO_CACHE: '1' }, 150_000);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const { stories: printedStories, ...printed } = JSON.parse(stdout);
    expect(printed).toEqual(JSON.parse(JSON.stringify(expected)));
    // The stories come from signatures read by the workers in the comparison's own pass: the same as clustering apart.
    expect(printedStories).toEqual(stories.map((s) => ({ id: s.id, title: s.title, articles: s.articles.map((a) => a.id), outlets: s.outlets })));
    expect((expected as { statements: unknown[] }).statements.length).toBeGreaterThan(100);
    // Generating, clustering and comparing 300 articles twice over takes tens of seconds on a busy machine.
  }, 240_000);
});
