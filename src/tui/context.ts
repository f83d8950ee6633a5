import type { Article } from '../library/types.js';
import type { ReadState } from '../state/types.js';
import type { AnalysisCache } from './analysis-jobs.js';
import type { Size } from './layout.js';

/** What every screen's update may read and none may change: the terminal, the articles, results so far. */
export interface ScreenContext {
  size: Size;
  color: boolean;
  screenReader: boolean;
  articles: readonly Article[];
  readState: ReadState;
  /** Summaries and comparisons worked out this session. */
  analysis: AnalysisCache;
}
