import { isWhitespace } from '../library/markdown-text.js';
import type { AnalysisInput } from './types.js';

/** Whether every code unit of `s` is ASCII: such text has no accents to fold and no case beyond A–Z. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Where `text` ends before its trailing white space, or -1 when it has none. An end-anchored pattern
 * `…word\s+$` can match only with that word ending there, so looking at the word first spares the
 * regex, which would otherwise be tried from every position of the text.
 */
export function endBeforeTrailingSpace(text: string): number {
  let i = text.length;
  while (i > 0 && isWhitespace(text.charCodeAt(i - 1))) i--;
  return i === text.length ? -1 : i;
}

/** The paragraph separator in the analysis text: every Evidence offset counts it. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/** The article text every analysis offset refers to. */
export function analysisText(input: Pick<AnalysisInput, 'paragraphs'>): string {
  return input.paragraphs.join(PARAGRAPH_SEPARATOR);
}

/** A character range [start, end) in the analysis text, inside paragraph `paragraph`. */
export interface TextRange {
  paragraph: number;
  start: number;
  end: number;
}

/** Where each paragraph starts in the analysis text (the paragraphs joined by PARAGRAPH_SEPARATOR). */
export function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const paragraph of paragraphs) {
    starts.push(at);
    at += paragraph.length + PARAGRAPH_SEPARATOR.length;
  }
  return starts;
}

/** Where paragraph `index` starts in the analysis text. */
export function paragraphOffset(paragraphs: readonly string[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index && i < paragraphs.length; i++) offset += paragraphs[i].length + PARAGRAPH_SEPARATOR.length;
  return offset;
}

/**
 * Up to `count` words read one after another from `from`, each with where it ends. `word` is a sticky
 * regex whose first group is the word (what counts as one, and the space before it, differ by caller).
 */
export function nextWords(text: string, from: number, word: RegExp, count = 4): { word: string; end: number }[] {
  const re = new RegExp(word.source, word.flags.includes('y') ? word.flags : `${word.flags}y`);
  re.lastIndex = from;
  const words: { word: string; end: number }[] = [];
  for (let k = 0; k < count; k++) {
    const m = re.exec(text);
    if (!m) break;
    words.push({ word: m[1], end: re.lastIndex });
  }
  return words;
}
