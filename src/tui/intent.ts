import type { TextRange } from '../analysis/text.js';

/**
 * What a screen's update asks of the reducer besides its own new slice: only the top-level reducer
 * (reduce.ts) acts on these, so it alone moves between screens and keeps the one back stack.
 */
export type Intent =
  /** Open an article; with `show`, at that text range, highlighted. */
  | { kind: 'open-article'; index: number; show?: { range: TextRange; from: 'summary' | 'compare' } }
  /** Leave this screen for the one under it on the back stack. */
  | { kind: 'back' }
  | { kind: 'help' }
  | { kind: 'summary'; article: number }
  | { kind: 'compare'; story?: string; topic?: string }
  /** Group the list by story, or stop grouping it. */
  | { kind: 'stories' }
  /** The topic chooser. */
  | { kind: 'topics' }
  /** The details of the warnings. */
  | { kind: 'details' }
  /** Start typing a filter (on the list) or a search (in an article). */
  | { kind: 'prompt' }
  | { kind: 'open-url'; url: string }
  /** A one-line message for the status line. */
  | { kind: 'say'; text: string };

/** A screen's update: its new slice, and what it asks for, if anything. */
export interface Step<S> {
  slice: S;
  intent?: Intent;
}

export function stay<S>(slice: S, intent?: Intent): Step<S> {
  return intent ? { slice, intent } : { slice };
}
