/**
 * The reader's analysis jobs on the built worker thread (dist/compare-worker.js): the same outcome as
 * on this thread, progress on the way, and cancel ends the worker at once (a job that would run for
 * seconds is stopped before it finishes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisJobRunner } from '../../src/analysis/job-runner.js';
import { runAnalysisJob, type JobArticle, type JobProgress } from '../../src/analysis/jobs.js';
import { toAnalysisInput } from '../../src/analysis/input.js';
import { loadArticles } from '../../src/library/load.js';
import { ensureBuilt, ROOT } from '../e2e/helpers/terminal.js';

const script = join(ROOT, 'dist', 'compare-worker.js');
const bundled: JobArticle[] = loadArticles([join(ROOT, 'articles')], { cacheDir: false }).articles.map((a) => ({ ...toAnalysisInput(a), source: a.source }));
let runner: AnalysisJobRunner | undefined;

/** This process's threads (Linux; elsewhere a constant, and the thread checks pass trivially). */
function threads(): number {
  try {
    return Number(/^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function until(check: () => boolean, timeout = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeout;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
}

beforeAll(() => ensureBuilt());
afterEach(() => {
  runner?.close();
  runner = undefined;
});

describe('the analysis job runner', () => {
  it('gives on its worker what this thread gives: a summary, then a comparison on the same worker', async () => {
    runner = new AnalysisJobRunner(script);
    const summary = await runner.run({ kind: 'summary', article: 1 }, bundled).outcome;
    expect(summary).toEqual(await runAnalysisJob({ kind: 'summary', article: 1 }, bundled));
    const progress: JobProgress[] = [];
    const job = { kind: 'compare', topic: 'ceasefire' } as const;
    const comparison = await runner.run(job, bundled, (p) => progress.push(p)).outcome;
    expect(comparison).toEqual(await runAnalysisJob(job, bundled));
    expect('comparison' in comparison && comparison.comparison.statements.length).toBeGreaterThan(0);
    expect(progress.map((p) => p.stage)).toContain('stories');
  }, 60_000);

  it('cancel stops a long job before it finishes', async () => {
    runner = new AnalysisJobRunner(script);
    // One very long article: its summary takes seconds.
    const paragraph = bundled.flatMap((a) => a.paragraphs).join(' ');
    const long: JobArticle = { ...bundled[0], paragraphs: Array.from({ length: 300 }, () => paragraph) };
    // The last test's workers are gone first.
    let before = threads();
    for (let still = 0; still < 10; before = threads()) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      still = threads() === before ? still + 1 : 0;
    }
    let started = false;
    const handle = runner.run({ kind: 'summary', article: 0 }, [long], () => (started = true));
    // The worker has started summarising (it said so) and is far from done.
    await until(() => started);
    expect(threads()).toBeGreaterThan(before);
    handle.cancel();
    const outcome = await handle.outcome;
    expect(outcome).toEqual({ job: { kind: 'summary', article: 0 }, error: 'cancelled' });
    // Its thread is gone: the work was stopped, not left to finish unseen.
    expect(await until(() => threads() <= before)).toBe(true);
    // The runner still works after a cancel: a fresh worker answers the next job.
    const next = await runner.run({ kind: 'summary', article: 0 }, bundled).outcome;
    expect('summary' in next).toBe(true);
  }, 60_000);

  it('runs on this thread when there is no built worker (the sources under test)', async () => {
    runner = new AnalysisJobRunner(null);
    const outcome = await runner.run({ kind: 'stories' }, bundled).outcome;
    expect('stories' in outcome && outcome.stories.length).toBeGreaterThan(0);
  });
});
