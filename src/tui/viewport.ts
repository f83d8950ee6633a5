import { highlightRanges } from '../render/search.js';
import { stripStyle } from '../render/text.js';
import { Command } from './keymap.js';

/**
 * The one viewport model every scrolling screen uses (like bubbles' viewport): which line is at the
 * top, which item the cursor is on, and the marks (search matches, a highlighted sentence, a picked
 * link) drawn over the lines. `update(view, command, content, height)` is how movement keys change it;
 * the Viewport component draws it. Pure: no React, no terminal.
 */

/** A range of one line (UTF-16 offsets in its unstyled text) drawn in inverse video; `current` is underlined too. */
export interface Mark {
  line: number;
  start: number;
  end: number;
  current: boolean;
}

export interface Viewport {
  /** Index of the first line shown. */
  top: number;
  /** Index of the item under the cursor (0 when the content has no items). */
  cursor: number;
  /** Sorted by line. */
  marks: readonly Mark[];
}

/** An item the cursor stops on: its first line and one past its last. */
export interface Item {
  line: number;
  end: number;
}

/**
 * What a viewport moves over. `text`: lines only (an article, help), the keys scroll. `rows`: one item a
 * line, the cursor leads and the window follows it (the list). `items`: items of several lines among
 * other lines (a summary, a comparison); j/k step from item to item, pages scroll the window.
 */
export type Content =
  | { kind: 'text'; total: number }
  | { kind: 'rows'; total: number }
  | { kind: 'items'; lines: readonly string[]; items: readonly Item[] };

export const EMPTY_VIEWPORT: Viewport = { top: 0, cursor: 0, marks: [] };

export function textContent(total: number): Content {
  return { kind: 'text', total };
}

export function rowsContent(total: number): Content {
  return { kind: 'rows', total };
}

export function itemsContent(lines: readonly string[], items: readonly Item[]): Content {
  return { kind: 'items', lines, items };
}

function totalOf(content: Content): number {
  return content.kind === 'items' ? content.lines.length : content.total;
}

export function maxTop(total: number, height: number): number {
  return Math.max(0, total - Math.max(1, height));
}

export function clampTop(top: number, total: number, height: number): number {
  return Math.min(Math.max(0, top), maxTop(total, height));
}

/** The new top after a movement command, or null when the command is not a movement. */
export function scrollTop(top: number, command: Command, total: number, height: number): number | null {
  const page = Math.max(1, height);
  const half = Math.max(1, Math.ceil(page / 2));
  switch (command) {
    case Command.LineDown:
      return clampTop(top + 1, total, height);
    case Command.LineUp:
      return clampTop(top - 1, total, height);
    case Command.PageDown:
      return clampTop(top + page, total, height);
    case Command.PageUp:
      return clampTop(top - page, total, height);
    case Command.HalfPageDown:
      return clampTop(top + half, total, height);
    case Command.HalfPageUp:
      return clampTop(top - half, total, height);
    case Command.Top:
      return 0;
    case Command.Bottom:
      return maxTop(total, height);
    default:
      return null;
  }
}

/** A top that shows `line`, moving as little as possible; a line far off is put a little below the top. */
export function revealLine(top: number, line: number, total: number, height: number): number {
  if (line >= top && line < top + height) return top;
  const context = height > 6 ? 2 : 0;
  return clampTop(line - context, total, height);
}

/** How far through the text the bottom of the window is, as a whole percentage (100 when all fits). */
export function percentThrough(top: number, total: number, height: number): number {
  if (total <= height) return 100;
  return Math.min(100, Math.floor((Math.min(total, top + height) * 100) / total));
}

/** The cursor moved by a movement command over `count` rows (a page moves it by a screenful), or null. */
function moveRowCursor(cursor: number, command: Command, count: number, height: number): number | null {
  const last = Math.max(0, count - 1);
  const clamp = (n: number): number => Math.min(Math.max(0, n), last);
  const half = Math.max(1, Math.ceil(height / 2));
  switch (command) {
    case Command.LineDown:
      return clamp(cursor + 1);
    case Command.LineUp:
      return clamp(cursor - 1);
    case Command.PageDown:
      return clamp(cursor + height);
    case Command.PageUp:
      return clamp(cursor - height);
    case Command.HalfPageDown:
      return clamp(cursor + half);
    case Command.HalfPageUp:
      return clamp(cursor - half);
    case Command.Top:
      return 0;
    case Command.Bottom:
      return last;
    default:
      return null;
  }
}

/** Lines before an item that stay in view when moving up to it, so its heading shows with it. */
function headroom(lines: readonly string[], items: readonly Item[], cursor: number): number {
  const item = items[cursor];
  let from = cursor > 0 ? items[cursor - 1].end : 0;
  while (from < item.line && stripStyle(lines[from]).trim() === '') from += 1;
  return Math.max(0, item.line - from);
}

/**
 * The viewport with the cursor's item in view: for rows, the window moved as little as possible; for
 * items, the whole item shown (its start when it is taller than the window), with its heading when it fits.
 */
export function revealCursor(view: Viewport, content: Content, height: number): Viewport {
  const total = totalOf(content);
  if (content.kind === 'text') return { ...view, top: clampTop(view.top, total, height) };
  if (content.kind === 'rows') {
    const cursor = Math.min(Math.max(0, view.cursor), Math.max(0, total - 1));
    let top = view.top;
    if (cursor < top) top = cursor;
    if (cursor >= top + height) top = cursor - height + 1;
    return { ...view, cursor, top: clampTop(top, total, height) };
  }
  const { lines, items } = content;
  const item = items[view.cursor];
  if (!item) return { ...view, cursor: 0, top: clampTop(view.top, total, height) };
  let top = view.top;
  const start = item.line - Math.min(headroom(lines, items, view.cursor), Math.max(0, height - (item.end - item.line)));
  if (start < top) top = start;
  if (item.end > top + height) top = Math.min(item.line, item.end - height);
  return { ...view, top: clampTop(top, total, height) };
}

/** The first item that starts in the window, or the nearest one above it. */
function itemInView(items: readonly Item[], top: number, height: number): number {
  const inView = items.findIndex((item) => item.line >= top && item.line < top + height);
  if (inView >= 0) return inView;
  let above = 0;
  items.forEach((item, i) => {
    if (item.line < top) above = i;
  });
  return above;
}

function updateItems(view: Viewport, command: Command, lines: readonly string[], items: readonly Item[], height: number): Viewport | null {
  const count = items.length;
  const total = lines.length;
  const content = itemsContent(lines, items);
  if (count === 0) {
    const top = scrollTop(view.top, command, total, height);
    return top === null ? null : { ...view, cursor: 0, top };
  }
  switch (command) {
    case Command.LineDown:
    case Command.LineUp: {
      const step = command === Command.LineDown ? 1 : -1;
      const cursor = Math.min(count - 1, Math.max(0, view.cursor + step));
      // Past the first or last item there may be more text (headings, the disagreements): scroll to it.
      if (cursor === view.cursor) return { ...view, cursor, top: scrollTop(view.top, command, total, height) ?? view.top };
      return revealCursor({ ...view, cursor }, content, height);
    }
    case Command.Top:
      return revealCursor({ ...view, cursor: 0, top: 0 }, content, height);
    case Command.Bottom: {
      // The end of the sheet, with the cursor on the last item; the item is revealed only when the end
      // of the sheet would hide it.
      const end = clampTop(total, total, height);
      const last = items[count - 1];
      if (last.line >= end) return { ...view, cursor: count - 1, top: end };
      return revealCursor({ ...view, cursor: count - 1, top: end }, content, height);
    }
    default: {
      const top = scrollTop(view.top, command, total, height);
      if (top === null) return null;
      const current = items[view.cursor];
      const stillShown = current && current.line >= top && current.line < top + height;
      return { ...view, cursor: stillShown ? view.cursor : itemInView(items, top, height), top };
    }
  }
}

/** The viewport after a movement command in a window of `height` lines, or null when the command is not a movement. */
export function update(view: Viewport, command: Command, content: Content, height: number): Viewport | null {
  switch (content.kind) {
    case 'text': {
      const top = scrollTop(view.top, command, content.total, height);
      return top === null ? null : { ...view, top };
    }
    case 'rows': {
      const cursor = moveRowCursor(view.cursor, command, content.total, height);
      return cursor === null ? null : revealCursor({ ...view, cursor }, content, height);
    }
    case 'items':
      return updateItems(view, command, content.lines, content.items, height);
  }
}

/** The first mark on or after `line` (marks are sorted by line), found by bisection. */
export function firstMarkFrom(marks: readonly Mark[], line: number): number {
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (marks[mid].line < line) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A line with the marks that fall on it. */
function markLine(line: string, index: number, marks: readonly Mark[]): string {
  const ranges: Mark[] = [];
  for (let m = firstMarkFrom(marks, index); m < marks.length && marks[m].line === index; m++) ranges.push(marks[m]);
  return ranges.length === 0 ? line : highlightRanges(line, ranges);
}

/**
 * The `height` rows a viewport shows from `top`, each as drawn: with its marks, changed by `decorate`,
 * a blank row below the end of the lines.
 */
export function visibleLines(lines: readonly string[], top: number, height: number, marks?: readonly Mark[], decorate?: (line: string, index: number) => string): string[] {
  const rows: string[] = [];
  for (let row = 0; row < height; row++) {
    const index = top + row;
    let shown = index < lines.length ? lines[index] : '';
    if (index < lines.length) {
      if (marks && marks.length > 0) shown = markLine(shown, index, marks);
      if (decorate) shown = decorate(shown, index);
    }
    rows.push(shown);
  }
  return rows;
}
