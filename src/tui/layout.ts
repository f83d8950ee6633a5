import { MAX_MEASURE } from '../render/limits.js';

/** Smallest terminal the reader draws in; below it, it says "terminal too small" instead. */
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 6;

export interface Size {
  cols: number;
  rows: number;
  /** A narrower measure asked for (`--width`), kept across resizes. */
  measure?: number;
}

export function isTooSmall(size: Size): boolean {
  return size.cols < MIN_COLUMNS || size.rows < MIN_ROWS;
}

/**
 * Lines a frame may take: one fewer than the terminal has. A frame as tall as the terminal makes Ink
 * clear the whole screen on every update (flicker) and a taller one scrolls the top away.
 */
export function frameHeight(size: Size): number {
  return Math.max(1, size.rows - 1);
}

/** Rows for a screen with a title line and a status line: the list, help, a summary, a comparison. */
export function pagedHeight(size: Size): number {
  return Math.max(1, frameHeight(size) - 2);
}

/** Rows for the article text: the frame less the status line and the picked link's lines. */
export function articleHeight(size: Size, linkPanelLines: number): number {
  return Math.max(1, frameHeight(size) - 1 - linkPanelLines);
}

/** At most this many lines show a picked link's address, so the text keeps some room. */
export function maxLinkPanelLines(size: Size): number {
  return Math.max(1, frameHeight(size) - 3);
}

/** The width an article is laid out at: the terminal's, capped at a readable measure. */
export function measureFor(size: Size): number {
  return Math.min(size.cols, size.measure ?? MAX_MEASURE, MAX_MEASURE);
}
