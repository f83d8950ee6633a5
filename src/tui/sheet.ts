import type { Evidence } from '../analysis/types.js';
import { stripStyle } from '../render/text.js';
import { Command } from './keymap.js';
import { clampTop, scrollTop } from './pager.js';

/**
 * A sheet: lines laid out once per width, some of which are items a cursor can stop on (a fact, a
 * statement), each pointing at the sentence it came from. The summary and the comparison are sheets;
 * the one viewport draws them, and this module is how their cursor moves.
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

export interface SheetPosition {
  /** Index into the sheet's anchors. */
  cursor: number;
  /** First line shown. */
  top: number;
}

/** Every line starts with this gutter; the selected item's first line shows the marker in it. */
export const GUTTER = '  ';
export const CURSOR_MARKER = '› ';

const INVERSE_ON = '\x1b[7m';
const INVERSE_OFF = '\x1b[27m';

/** Lines before an item that stay in view when moving up to it, so its heading shows with it. */
function headroom(sheet: Sheet, cursor: number): number {
  const anchor = sheet.anchors[cursor];
  let from = cursor > 0 ? sheet.anchors[cursor - 1].end : 0;
  while (from < anchor.line && stripStyle(sheet.lines[from]).trim() === '') from += 1;
  return Math.max(0, anchor.line - from);
}

/** A top that shows the whole item under the cursor (its start when it is taller than the window). */
export function revealCursor(sheet: Sheet, position: SheetPosition, height: number): SheetPosition {
  const total = sheet.lines.length;
  const anchor = sheet.anchors[position.cursor];
  if (!anchor) return { cursor: 0, top: clampTop(position.top, total, height) };
  let top = position.top;
  const start = anchor.line - Math.min(headroom(sheet, position.cursor), Math.max(0, height - (anchor.end - anchor.line)));
  if (start < top) top = start;
  if (anchor.end > top + height) top = Math.min(anchor.line, anchor.end - height);
  return { cursor: position.cursor, top: clampTop(top, total, height) };
}

/** The first item that starts in the window, or the nearest one above it. */
function anchorInView(sheet: Sheet, top: number, height: number): number {
  const inView = sheet.anchors.findIndex((anchor) => anchor.line >= top && anchor.line < top + height);
  if (inView >= 0) return inView;
  let above = 0;
  sheet.anchors.forEach((anchor, i) => {
    if (anchor.line < top) above = i;
  });
  return above;
}

/**
 * The position after a movement key: j/k step from item to item; pages scroll the window and take the
 * cursor along to an item on screen; g/G go to the first and last. Null when the command is not a movement.
 */
export function moveInSheet(sheet: Sheet, position: SheetPosition, command: Command, height: number): SheetPosition | null {
  const count = sheet.anchors.length;
  const total = sheet.lines.length;
  if (count === 0) {
    const top = scrollTop(position.top, command, total, height);
    return top === null ? null : { cursor: 0, top };
  }
  switch (command) {
    case Command.LineDown:
    case Command.LineUp: {
      const step = command === Command.LineDown ? 1 : -1;
      const cursor = Math.min(count - 1, Math.max(0, position.cursor + step));
      // Past the first or last item there may be more text (headings, the disagreements): scroll to it.
      if (cursor === position.cursor) return { cursor, top: scrollTop(position.top, command, total, height) ?? position.top };
      return revealCursor(sheet, { cursor, top: position.top }, height);
    }
    case Command.Top:
      return revealCursor(sheet, { cursor: 0, top: 0 }, height);
    case Command.Bottom: {
      // The end of the sheet, with the cursor on the last item; the item is revealed only when the end
      // of the sheet would hide it.
      const end = clampTop(total, total, height);
      const last = sheet.anchors[count - 1];
      if (last.line >= end) return { cursor: count - 1, top: end };
      return revealCursor(sheet, { cursor: count - 1, top: end }, height);
    }
    default: {
      const top = scrollTop(position.top, command, total, height);
      if (top === null) return null;
      const current = sheet.anchors[position.cursor];
      const stillShown = current && current.line >= top && current.line < top + height;
      return { cursor: stillShown ? position.cursor : anchorInView(sheet, top, height), top };
    }
  }
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
