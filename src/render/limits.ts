/** Documented limits of the renderer (README "Safety"): past them text is cut with a visible marker. */

/**
 * Longest source line, in UTF-16 code units, that is laid out in full. A longer line (a 1 MB single-line
 * "article") is cut here with a marker saying how much was left out, so wrapping stays fast and bounded.
 */
export const MAX_RENDERED_LINE_CHARS = 10_000;

/** Widest measure an article is laid out at: long lines are hard to read. */
export const MAX_MEASURE = 100;

/** Narrowest width the renderer lays out at; narrower requests are treated as this. */
export const MIN_RENDER_WIDTH = 10;
