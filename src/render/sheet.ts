import type { Evidence } from '../analysis/types.js';

/**
 * A sheet: lines laid out once per width, some of which are items a cursor can stop on (a fact, a
 * statement), each pointing at the sentence it came from. The summary and the comparison are sheets;
 * the reader's viewport moves a cursor over their items, and print joins their lines.
 */

/** Where an item came from: an article (by its index among the loaded ones) and the words in it. */
export interface JumpTarget {
  article: number;
  evidence: Evidence;
}

export interface Anchor {
  /** Stable across widths and orderings (e.g. "statement:4"), so a cursor survives a re-layout. */
  key: string;
  /** First line of the item, and one past its last. */
  line: number;
  end: number;
  target: JumpTarget | null;
}

export interface Sheet {
  lines: string[];
  anchors: Anchor[];
}

/** Every line starts with this gutter; the selected item's first line shows the marker in it. */
export const GUTTER = '  ';
export const CURSOR_MARKER = '› ';

