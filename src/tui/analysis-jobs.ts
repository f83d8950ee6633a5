import type { Comparison, Story, StoryReport, Summary } from '../analysis/types.js';
import type { Article } from '../library/types.js';

/**
 * Running the analysis for the reader. The analysis (and chrono-node with it) is a separate chunk
 * loaded the first time a summary or a comparison is asked for, never at start: the list must not wait
 * for it. This is the only module of the reader that touches it; the reducer gets plain results.
 */

export type AnalysisJob = { kind: 'summary'; article: number } | { kind: 'compare'; topic: string } | { kind: 'stories' };

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

type AnalysisModule = typeof import('../analysis/index.js');

let loading: Promise<AnalysisModule> | null = null;

/** The analysis chunk, imported once per session. */
export function loadAnalysis(): Promise<AnalysisModule> {
  loading ??= import('../analysis/index.js');
  return loading;
}

function sentenceRanges(analysis: AnalysisModule, article: Article): SentenceRange[] {
  return analysis.splitSentences({ paragraphs: article.paragraphs }).map(({ start, end }) => ({ start, end }));
}

/** Runs one job; never rejects (a failure comes back as an outcome with the reason). */
export async function runAnalysis(job: AnalysisJob, articles: readonly Article[]): Promise<AnalysisOutcome> {
  try {
    const analysis = await loadAnalysis();
    if (job.kind === 'summary') {
      const article = articles[job.article];
      if (!article) return { job, error: 'no such article' };
      const summary = analysis.summarize(analysis.toAnalysisInput(article));
      return { job, summary, sentences: { [job.article]: sentenceRanges(analysis, article) } };
    }
    if (job.kind === 'stories') {
      return { job, stories: analysis.clusterStories(articles.map((article) => ({ ...analysis.toAnalysisInput(article), source: article.source }))) };
    }
    const inputs = articles.map((article) => ({ ...analysis.toAnalysisInput(article), source: article.source }));
    // Disagreements are paired within one story, and each story told by several articles gets its report.
    const stories = analysis.clusterStories(inputs);
    const storyOf = analysis.storyOfArticle(stories);
    const comparison = analysis.compareArticles(inputs, job.topic, { storyOf: (id) => storyOf.get(id) ?? id });
    const sentences: Record<number, SentenceRange[]> = {};
    const wanted = new Set(comparison.statements.map((s) => s.article));
    const reports = stories
      .filter((story) => story.articles.length > 1 && story.articles.some((a) => wanted.has(a.id)))
      .map((story) => analysis.storyReport(story, inputs));
    for (const report of reports) for (const a of report.story.articles) wanted.add(a.id);
    articles.forEach((article, index) => {
      if (wanted.has(article.id)) sentences[index] = sentenceRanges(analysis, article);
    });
    return { job, comparison, reports, stories, sentences };
  } catch (error) {
    return { job, error: error instanceof Error ? error.message : String(error) };
  }
}
