import { paragraphOffset, type TextRange } from '../analysis/text.js';
import { stripStyle } from './text.js';
import type { Match, RenderedArticle } from './types.js';

/**
 * Finds a piece of the article's plain text (what the analysis read) among the lines the reader shows,
 * so a fact or a statement can be shown in place. The paragraph is found by position: the renderer
 * records the lines each of the loader's paragraphs starts on (RenderedArticle.paragraphLines). Within
 * it the two texts differ only in what survives no rendering: wrapping, styling, typography, link
 * numbers ("[2]"). Their letters and digits, lower-cased, are the same, so the range is found by
 * counting them. Only where the renderer shows other letters than the loader read (a table's cells
 * wrapped in columns, an image's address, footnote marks and notes moved to the end) is the range
 * searched for by its letters.
 */

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Link numbers the renderer adds after a link's text; they are not in the analysed text. */
const LINK_NUMBER = /\[\d+\]/g;

interface Fingerprint {
  /** Letters and digits, lower-cased. */
  text: string;
  /** For each UTF-16 unit of `text`, the line and column (UTF-16, unstyled) it came from. */
  at: { line: number; column: number }[];
}

function lowered(ch: string): string {
  const lower = ch.toLowerCase();
  // Kept as is when lower-casing changes its length, so the offsets below stay one to one.
  return lower.length === ch.length ? lower : ch;
}

function fingerprintOf(text: string): string {
  let out = '';
  for (const ch of text) if (WORD_CHAR.test(ch)) out += lowered(ch);
  return out;
}

function fingerprintLines(lines: readonly string[], from: number, to: number): Fingerprint {
  let text = '';
  const at: Fingerprint['at'] = [];
  for (let line = from; line < to; line++) {
    const plain = stripStyle(lines[line]).replace(LINK_NUMBER, (marker) => ' '.repeat(marker.length));
    let column = 0;
    for (const ch of plain) {
      if (WORD_CHAR.test(ch)) {
        const unit = lowered(ch);
        text += unit;
        for (let k = 0; k < unit.length; k++) at.push({ line, column: column + k });
      }
      column += ch.length;
    }
  }
  return { text, at };
}

/** The occurrence of `needle` in `haystack` nearest to `expected`, or -1. */
function nearestOccurrence(haystack: string, needle: string, expected: number): number {
  let best = -1;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (best < 0 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
    if (at > expected) break;
  }
  return best;
}

/** Lines [from, to) that show paragraph `p`: from its first line to the next paragraph's. */
function paragraphSpan(doc: RenderedArticle, p: number): { from: number; to: number } {
  const from = doc.paragraphLines[p] ?? 0;
  let to = doc.lines.length;
  for (let next = p + 1; next < doc.paragraphLines.length; next++) {
    if (doc.paragraphLines[next] > from) {
      to = doc.paragraphLines[next];
      break;
    }
  }
  return { from, to };
}

/** Closing punctuation after the last letter belongs to the sentence ("war." and "war,\u201d"). */
function extendOverPunctuation(line: string, column: number): number {
  let end = column;
  while (end < line.length && /[.,;:!?…"'”’»)\]]/.test(line[end])) end += 1;
  return end;
}

/** Opening punctuation before the first letter belongs to the sentence too (“The and (The). */
function extendBackOverPunctuation(line: string, column: number): number {
  let start = column;
  while (start > 0 && /["'“‘«([]/.test(line[start - 1])) start -= 1;
  return start;
}

/** One highlight range per line, from the start position to the end position (inclusive of its unit). */
function rangesBetween(lines: readonly string[], start: { line: number; column: number }, last: { line: number; column: number }): Match[] {
  const ranges: Match[] = [];
  for (let line = start.line; line <= last.line; line++) {
    const plain = stripStyle(lines[line]);
    const from = line === start.line ? extendBackOverPunctuation(plain, start.column) : plain.length - plain.trimStart().length;
    const to = line === last.line ? extendOverPunctuation(plain, last.column + 1) : plain.trimEnd().length;
    if (to > from) ranges.push({ line, start: from, end: to });
  }
  return ranges;
}

/** How many letters of a sentence must match when the whole of it is not found (its opening words). */
const OPENING_LETTERS = 24;

/**
 * The rendered lines, and the columns in each, that show `range` of the article's plain text: one
 * Match per line, in line order. When the words cannot be found exactly (the renderer changed them),
 * the range's opening letters are looked for, then its position in the paragraph is used, so the
 * result always points somewhere in the right paragraph. Empty only for an empty article.
 */
export function locateRange(doc: RenderedArticle, paragraphs: readonly string[], range: TextRange): Match[] {
  if (doc.lines.length === 0) return [];
  const p = Math.min(Math.max(0, range.paragraph), Math.max(0, paragraphs.length - 1));
  const text = paragraphs[p] ?? '';
  const base = paragraphOffset(paragraphs, p);
  const localStart = Math.min(Math.max(0, range.start - base), text.length);
  const localEnd = Math.min(Math.max(localStart, range.end - base), text.length);
  const needle = fingerprintOf(text.slice(localStart, localEnd));
  const expected = fingerprintOf(text.slice(0, localStart)).length;

  const span = paragraphSpan(doc, p);
  const region = fingerprintLines(doc.lines, span.from, span.to);
  // The paragraph shown with the letters it was read with: the range is where counting puts it.
  if (needle !== '' && region.text.startsWith(fingerprintOf(text))) {
    return rangesBetween(doc.lines, region.at[expected], region.at[expected + needle.length - 1]);
  }
  const whole = () => fingerprintLines(doc.lines, 0, doc.lines.length);
  if (needle !== '') {
    for (const print of [region, whole()]) {
      const at = nearestOccurrence(print.text, needle, print === region ? expected : 0);
      if (at >= 0) return rangesBetween(doc.lines, print.at[at], print.at[at + needle.length - 1]);
    }
    const opening = needle.slice(0, OPENING_LETTERS);
    const at = nearestOccurrence(region.text, opening, expected);
    if (at >= 0 && region.at.length > 0) {
      const last = Math.min(region.at.length - 1, at + needle.length - 1);
      return rangesBetween(doc.lines, region.at[at], region.at[last]);
    }
  }
  if (region.at.length === 0) return [{ line: Math.min(span.from, doc.lines.length - 1), start: 0, end: 0 }];
  const first = Math.min(expected, region.at.length - 1);
  const last = Math.min(region.at.length - 1, first + Math.max(0, needle.length - 1));
  return rangesBetween(doc.lines, region.at[first], region.at[last]);
}
