import { compareInParallel } from './parallel.js';
import { splitSentences } from './sentences.js';
import { clusterStories, storyOfArticle } from './stories.js';
import { storyReport } from './stories-report.js';
import { summarize } from './summary.js';
import type { Comparison, Story, StoryInput, StoryReport, Summary } from './types.js';

/**
 * The analyses the reader asks for, as one function from a job and the articles to its outcome: what
 * a worker thread runs (compare-worker.ts), or this thread when there is no built worker (tests from
 * the sources). Plain data in, plain data out, so both cross a thread boundary as they are.
 */

export type AnalysisJob = { kind: 'summary'; article: number } | { kind: 'compare'; topic: string } | { kind: 'stories' };

/** What a job reads of an article: the analysis input and the outlet (stories group by it). */
export type JobArticle = StoryInput;

/** A sentence's character range in the article's paragraphs joined by "\n\n", by sentence index. */
export interface SentenceRange {
  start: number;
  end: number;
}

export type AnalysisOutcome =
  | { job: AnalysisJob; summary: Summary; sentences: Record<number, SentenceRange[]> }
  | { job: AnalysisJob; comparison: Comparison; reports: StoryReport[]; stories: Story[]; sentences: Record<number, SentenceRange[]> }
  | { job: AnalysisJob; stories: Story[] }
  | { job: AnalysisJob; error: string };

/** How far a job got: the stage it is in and, where it counts articles, how many of how many. */
export interface JobProgress {
  stage: 'summary' | 'stories' | 'statements' | 'reports';
  done?: number;
  total?: number;
}

function sentenceRanges(article: JobArticle): SentenceRange[] {
  return splitSentences({ paragraphs: article.paragraphs }).map(({ start, end }) => ({ start, end }));
}

/** Runs one job; never rejects (a failure comes back as an outcome with the reason). */
export async function runAnalysisJob(job: AnalysisJob, articles: readonly JobArticle[], report: (progress: JobProgress) => void = () => {}): Promise<AnalysisOutcome> {
  try {
    if (job.kind === 'summary') {
      const article = articles[job.article];
      if (!article) return { job, error: 'no such article' };
      report({ stage: 'summary' });
      return { job, summary: summarize(article), sentences: { [job.article]: sentenceRanges(article) } };
    }
    const inputs = [...articles];
    report({ stage: 'stories', total: inputs.length });
    const stories = clusterStories(inputs);
    if (job.kind === 'stories') return { job, stories };
    // Disagreements are paired within one story, and each story told by several articles gets its report.
    const storyOf = storyOfArticle(stories);
    const comparison = await compareInParallel(inputs.length, (index) => inputs[index], job.topic, {
      storyOf: (id) => storyOf.get(id) ?? id,
      onProgress: (done, total) => report({ stage: 'statements', done, total }),
    });
    const wanted = new Set(comparison.statements.map((s) => s.article));
    const told = stories.filter((story) => story.articles.length > 1 && story.articles.some((a) => wanted.has(a.id)));
    const reports = told.map((story, done) => {
      report({ stage: 'reports', done, total: told.length });
      return storyReport(story, inputs);
    });
    for (const storyReported of reports) for (const a of storyReported.story.articles) wanted.add(a.id);
    const sentences: Record<number, SentenceRange[]> = {};
    inputs.forEach((article, index) => {
      if (wanted.has(article.id)) sentences[index] = sentenceRanges(article);
    });
    return { job, comparison, reports, stories, sentences };
  } catch (error) {
    return { job, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The reader's analysis worker, as started (see job-runner.ts): the articles come once, jobs one by one. */
export interface JobWorkerData {
  kind: 'newsdesk-jobs';
  articles: JobArticle[];
}

export type JobRequest = { id: number; job: AnalysisJob };
export type JobMessage = { id: number; progress: JobProgress } | { id: number; outcome: AnalysisOutcome };
