import type { Evidence } from '../analysis/types.js';
import { stripStyle } from '../render/text.js';
import { itemsContent, type Content } from './viewport.js';

/**
 * A sheet: lines laid out once per width, some of which are items a cursor can stop on (a fact, a
 * statement), each pointing at the sentence it came from. The summary and the comparison are sheets;
 * the one viewport draws them and moves their cursor.
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

const INVERSE_ON = '\x1b[7m';
const INVERSE_OFF = '\x1b[27m';

/** A sheet as the viewport's content: its lines, and its items the cursor stops on. */
export function sheetContent(sheet: Sheet): Content {
  return itemsContent(sheet.lines, sheet.anchors);
}

/** The cursor on the item with `key` in a re-laid-out sheet, or on the first item. */
export function cursorForKey(sheet: Sheet, key: string | undefined): number {
  const found = key === undefined ? -1 : sheet.anchors.findIndex((anchor) => anchor.key === key);
  return Math.max(0, found);
}

/**
 * A visible line as drawn: the selected item's first line gets the marker in its gutter, and with colour
 * its lines are in inverse video too (the marker alone says it without colour).
 */
export function decorateSheetLine(sheet: Sheet, cursor: number, color: boolean): (line: string, index: number) => string {
  const anchor = sheet.anchors[cursor];
  return (line, index) => {
    if (!anchor || index < anchor.line || index >= anchor.end) return line;
    const marked = index === anchor.line && line.startsWith(GUTTER) ? CURSOR_MARKER + line.slice(GUTTER.length) : line;
    return color && stripStyle(marked).trim() !== '' ? `${INVERSE_ON}${marked}${INVERSE_OFF}` : marked;
  };
}
