import type { Article } from '../library/types.js';
import type { ReadState } from '../state/types.js';
import type { AnalysisCache } from './analysis-jobs.js';
import type { ThemeOverrides } from '../render/style.js';
import type { Binding } from './keymap.js';
import type { Size } from './layout.js';

/** What every screen's update may read and none may change: the terminal, the articles, results so far. */
export interface ScreenContext {
  size: Size;
  color: boolean;
  /** Only ASCII for the marks the renderer adds (a locale without UTF-8). */
  ascii: boolean;
  screenReader: boolean;
  /** The config file's theme and colours for the article text. */
  theme?: { name: 'dark' | 'light'; colors: ThemeOverrides };
  /** The key map in force: the defaults with the config file's remapping. */
  bindings: readonly Binding[];
  articles: readonly Article[];
  readState: ReadState;
  /** Summaries and comparisons worked out this session. */
  analysis: AnalysisCache;
}
