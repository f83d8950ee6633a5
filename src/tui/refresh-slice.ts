import type { LoadResult } from '../library/types.js';

/** The feeds' refresh as the reader's model keeps it (feed-refresh.ts changes it). */
export interface RefreshSlice {
  /** Bumped for each refresh asked for: App starts one when it changes. */
  id: number;
  running: boolean;
  /** What the status line says while it runs. */
  text: string;
  /** The library after the refresh, waiting for the list to be shown again. */
  pending: LoadResult | null;
  /** What found it: `r`, or the check of the files against the cache a warm start runs (start.ts). */
  pendingFrom: 'refresh' | 'files';
}

export const IDLE_REFRESH: RefreshSlice = { id: 0, running: false, text: '', pending: null, pendingFrom: 'refresh' };
