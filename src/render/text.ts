import stringWidth from 'string-width';
import { CONTROLS_AND_BIDI, CONTROLS_BUT_SGR } from '../library/controls.js';
import { MAX_RENDERED_LINE_CHARS } from './limits.js';
import { graphemeSegmenter, textWidth, wrapStyled } from './wrap.js';

/** The only escape sequences our own output carries: SGR (colours and text styles). */
const SGR = /\x1b\[[0-9;]*m/g;
/** Tabs have no fixed width on screen; laid-out text uses spaces. */
const TAB = /\t/g;
export const TAB_SPACES = '    ';

/** Text without its SGR styling: what a person sees, for measuring and searching. */
export function stripStyle(text: string): string {
  return text.includes('\x1b') ? text.replace(SGR, '') : text;
}

/**
 * Removes control characters from text about to be laid out. The loader sanitises every article at load;
 * this second guard keeps the renderer safe on its own (it is also handed text by tests and other callers).
 */
export function removeControls(text: string): string {
  return text.replace(CONTROLS_BUT_SGR, '').replace(TAB, TAB_SPACES);
}

/** Input text with every control character removed, so any escape in our output is one we made. */
export function removeInputControls(text: string): string {
  return text.replace(CONTROLS_AND_BIDI, '');
}

/** A one-line field (title, source, tag, link text) made safe: no controls, tabs and breaks as spaces. */
export function oneLine(text: string): string {
  return removeInputControls(text).replace(/[\t\n]/g, ' ');
}

/** Columns a piece of text takes on screen (CJK and emoji count two), styling ignored. */
export function displayWidth(text: string): number {
  return text.includes('\x1b') ? stringWidth(text) : textWidth(text);
}

/** Plain text cut to at most `width` columns, with "…" when something was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width && displayWidth(text) <= width) return text;
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemeSegmenter().segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Plain text padded with spaces (or cut) to exactly `width` columns. */
export function fitToWidth(text: string, width: number): string {
  const cut = truncateToWidth(text, width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/**
 * A source line cut at MAX_RENDERED_LINE_CHARS with a marker saying how much is not shown.
 * Wrapping a megabyte-long line would take seconds and fill thousands of screens.
 */
const CUT_MARKER = / … \[line cut: \d+ more characters not shown\]$/;

export function capLineLength(line: string, max = MAX_RENDERED_LINE_CHARS): string {
  if (line.length <= max) return line;
  // Already cut (lines pass here once per layout step): cutting again would count the marker itself.
  const marker = CUT_MARKER.exec(line);
  if (marker && line.length - marker[0].length <= max) return line;
  let end = max;
  const code = line.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // never split a surrogate pair
  return `${line.slice(0, end)} … [line cut: ${line.length - end} more characters not shown]`;
}

/** Quote bars, list bullets and indentation that continuation lines keep (bullets become spaces). */
const LINE_PREFIX = /^(?:[ ]*(?:│|>) )*[ ]*(?:(?:[*•☐☑-]|\[[ x]\]|\d{1,9}\.) )?/;
const BULLET_AT_END = /(?:[*•☐☑-]|\[[ x]\]|\d{1,9}\.) $/;
/** Below this many columns for the text itself, a hanging indent costs more than it helps. */
const MIN_HANGING_TEXT = 12;

/**
 * One rendered line wrapped to `width` display columns (measured with string-width, so CJK and emoji
 * count two). List items and quotes get a hanging indent so continuation lines stay aligned.
 */
export function wrapLine(line: string, width: number): string[] {
  const plain = stripStyle(line);
  if (plain.length <= width && displayWidth(plain) <= width) return [line];
  const prefix = LINE_PREFIX.exec(plain)?.[0] ?? '';
  const indent = displayWidth(prefix);
  if (prefix !== '' && line.startsWith(prefix) && width - indent >= MIN_HANGING_TEXT) {
    const continuation = prefix.replace(BULLET_AT_END, (bullet) => ' '.repeat(bullet.length));
    const rows = wrapStyled(line.slice(prefix.length), width - indent);
    return rows.map((row, i) => (i === 0 ? prefix : continuation) + row);
  }
  return wrapStyled(line, width);
}
