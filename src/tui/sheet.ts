import { CURSOR_MARKER, GUTTER, type Sheet } from '../render/sheet.js';
import { stripStyle } from '../render/text.js';
import { inverseVideo } from './status.js';
import { itemsContent, type Content } from './viewport.js';

/** A sheet (render/sheet.ts) in the reader: the viewport's content, and its cursor drawn. */


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
    return color && stripStyle(marked).trim() !== '' ? inverseVideo(marked) : marked;
  };
}
