/**
 * The analysis as one lazily loaded chunk: the CLI and the TUI `await import()` this file
 * only when a summary or a comparison is asked for, so listing articles never pays for it.
 */
export { summarize } from './summary.js';
export { combineStatements, compareArticles, mergeSpeakers } from './compare.js';
export { analyseInParallel, compareInParallel } from './parallel.js';
export { splitSentences } from './sentences.js';
export { topicTerms } from './topics.js';
export { toAnalysisInput } from './input.js';
export type * from './types.js';
export { clusterStories, clusterStoriesOf, storiesFromSignatures, storyOfArticle } from './stories.js';
export { storyReport } from './stories-report.js';
