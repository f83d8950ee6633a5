import { Command } from './keymap.js';

/**
 * Scrolling a window of `height` lines over `total` lines: the pure part of the one viewport every screen
 * uses (list, article, help; summary and comparison later). Positions are the index of the top line.
 */

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
