import type { Story, StoryReport, Summary, Comparison } from '../analysis/types.js';
import { AnalysisJobRunner, type JobHandle } from '../analysis/job-runner.js';
import type { AnalysisJob, AnalysisOutcome, JobArticle, JobProgress, SentenceRange } from '../analysis/jobs.js';
import type { Article } from '../library/types.js';

/**
 * Running the analysis for the reader. Every summary, comparison and grouping by story runs on a worker
 * thread (src/analysis/job-runner.ts), so keys are answered and the screen redraws while it works, and
 * Esc can stop it; the analysis code is loaded by that worker, never by the reader at start. This is
 * the only module of the reader that starts one; the reducer gets plain results.
 */

export type { AnalysisJob, AnalysisOutcome, JobProgress, SentenceRange } from '../analysis/jobs.js';

/** Results kept for the session, so a second look costs nothing. Keys are article indexes and topics. */
export interface AnalysisCache {
  summaries: Record<number, Summary>;
  comparisons: Record<string, Comparison>;
  /** Per topic, what the articles of each story told by several say differently (stories-report.ts). */
  reports: Record<string, StoryReport[]>;
  /** The loaded articles' stories (stories.ts), once a comparison or the list's grouping asked for them. */
  stories: Story[] | null;
  sentences: Record<number, SentenceRange[]>;
}

export function emptyAnalysisCache(): AnalysisCache {
  return { summaries: {}, comparisons: {}, reports: {}, stories: null, sentences: {} };
}

/** The cache with an analysis's results added. */
export function withOutcome(cache: AnalysisCache, outcome: AnalysisOutcome): AnalysisCache {
  const { job } = outcome;
  return {
    summaries: 'summary' in outcome && job.kind === 'summary' ? { ...cache.summaries, [job.article]: outcome.summary } : cache.summaries,
    comparisons: 'comparison' in outcome && job.kind === 'compare' ? { ...cache.comparisons, [job.topic]: outcome.comparison } : cache.comparisons,
    reports: 'reports' in outcome && job.kind === 'compare' ? { ...cache.reports, [job.topic]: outcome.reports } : cache.reports,
    stories: 'stories' in outcome ? outcome.stories : cache.stories,
    sentences: 'sentences' in outcome ? { ...cache.sentences, ...outcome.sentences } : cache.sentences,
  };
}

export function sameJob(a: AnalysisJob | null, b: AnalysisJob): boolean {
  if (a === null || a.kind !== b.kind) return false;
  if (a.kind === 'stories') return true;
  return a.kind === 'summary' && b.kind === 'summary' ? a.article === b.article : a.kind === 'compare' && b.kind === 'compare' && a.topic === b.topic;
}

let runner: AnalysisJobRunner | null = null;
/** Each library's articles as the analysis reads them, made once: the worker keeps the same array. */
const jobArticles = new WeakMap<readonly Article[], JobArticle[]>();

function articlesForJobs(articles: readonly Article[]): JobArticle[] {
  let inputs = jobArticles.get(articles);
  if (!inputs) {
    inputs = articles.map((article) => ({ id: article.id, title: article.title, date: article.date, paragraphs: article.paragraphs, source: article.source }));
    jobArticles.set(articles, inputs);
  }
  return inputs;
}

/** Starts one job on a worker thread; `cancel` stops it at once. The outcome never rejects. */
export function startAnalysis(job: AnalysisJob, articles: readonly Article[], onProgress: (progress: JobProgress) => void): JobHandle {
  runner ??= new AnalysisJobRunner();
  return runner.run(job, articlesForJobs(articles), onProgress);
}

/** Stops every analysis (the reader is closing). */
export function stopAnalyses(): void {
  runner?.close();
  runner = null;
}

/** What the screen waiting for a job says: the stage, articles done of how many, seconds so far. */
export function progressText(job: AnalysisJob, progress: JobProgress | null, elapsedMs: number): string {
  const seconds = Math.floor(elapsedMs / 1000);
  const time = seconds > 0 ? ` · ${seconds} s` : '';
  const count = (done: number | undefined, total: number | undefined, noun: string): string =>
    total === undefined ? '' : ` ${(done ?? 0).toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${noun}${total === 1 ? '' : 's'}`;
  if (!progress) return `${job.kind === 'summary' ? 'Summarising' : 'Analysing'}…${time}`;
  switch (progress.stage) {
    case 'summary':
      return `Summarising…${time}`;
    case 'stories':
      return `Grouping ${progress.total === undefined ? 'the' : progress.total.toLocaleString('en-US')} articles by story…${time}`;
    case 'statements':
      return `Finding statements:${count(progress.done, progress.total, 'article')}…${time}`;
    case 'reports':
      return `Comparing stories:${count(progress.done, progress.total, 'story')}…${time}`;
  }
}
