import type { AnalysisInput, Sentence } from './types.js';
import { PARAGRAPH_SEPARATOR } from './text.js';

/**
 * Sentence splitting for news prose. Rule-based on purpose: it is the first step
 * of every analysis, runs on every article of a corpus, and the cases that matter
 * in reporting (dotted abbreviations, initials, "Sept. 7", quotes closing after the
 * full stop) are easier to get right with explicit rules than with a tokenizer.
 */

/** Titles always precede a name, so a full stop after them never ends a sentence. */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt',
  'adm', 'cmdr', 'brig', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'supt', 'insp', 'fr', 'sr', 'jr',
]);

/**
 * Abbreviations that usually sit mid-sentence ("Sept. 7", "St. Petersburg", "approx. 40")
 * but can end one; they end a sentence only when a typical sentence opener follows.
 */
const ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'st', 'mt', 'ft', 'vs', 'approx', 'est', 'dept', 'univ', 'no', 'nos', 'fig', 'vol', 'op', 'ave', 'blvd',
]);

/** Words that commonly open a sentence: after an ambiguous abbreviation they signal a boundary. */
const OPENERS = new Set([
  'the', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'or',
  'however', 'in', 'on', 'at', 'a', 'an', 'there', 'his', 'her', 'their', 'our', 'its', 'according', 'after',
  'before', 'meanwhile', 'when', 'while', 'if', 'as', 'so', 'yet', 'then', 'since', 'also', 'earlier', 'later',
  'some', 'many', 'most', 'no', 'not', 'one', 'two', 'officials', 'both', 'during', 'for', 'with', 'what', 'who',
]);

const TERMINATORS = '.!?…؟।';
/** Full stops of scripts written without spaces (Chinese, Japanese): a sentence ends there, space or not. */
const WIDE_TERMINATORS = '。！？';
const WIDE_CLOSERS = '」』）】”’';
const CLOSERS = '"\'”’)]»';
const OPENING = '"\'“‘([«';

function isUpper(ch: string): boolean {
  return ch.toLowerCase() !== ch && ch.toUpperCase() === ch;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
}

/** A letter or a dot; ASCII by code, the rest by the unicode class (this runs per character). */
function isWordOrDot(code: number, ch: string): boolean {
  if (code < 128) return code === 46 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}.]/u.test(ch);
}

/** The word that ends right before `dot` (letters and inner dots), e.g. "U.S" or "Sept". */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && isWordOrDot(text.charCodeAt(i - 1), text[i - 1])) i--;
  return text.slice(i, dot).replace(/^\.+/, '');
}

/** The next word (letters only) starting at `from`, skipping opening quotes. */
function wordAt(text: string, from: number): string {
  let i = from;
  while (i < text.length && OPENING.includes(text[i])) i++;
  const m = /^[\p{L}']+/u.exec(text.slice(i, i + 40));
  return m ? m[0] : '';
}

/** Can a new sentence start at `i` (the first non-space character after a candidate stop)? */
function startsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined) return true;
  if (isUpper(ch) || isDigit(ch) || OPENING.includes(ch)) return true;
  // "Kyiv. ... History shows": an ellipsis that opens the next sentence.
  if (ch === '.' || ch === '…') {
    let j = i;
    while (j < text.length && (text[j] === '.' || text[j] === '…')) j++;
    while (j < text.length && isSpace(text[j])) j++;
    return j < text.length && isUpper(text[j]);
  }
  return false;
}

/** Decide whether the stop whose punctuation run is text[runStart, runEnd) ends a sentence. */
function endsSentence(text: string, runStart: number, runEnd: number, next: number): boolean {
  const run = text.slice(runStart, runEnd);
  if (!startsSentence(text, next)) return false;
  const isEllipsis = run.includes('…') || run.includes('..');
  if (isEllipsis) {
    // An ellipsis mid-quote ("... History shows") keeps the sentence going unless the quote closes.
    return runEnd > runStart && CLOSERS.includes(text[runEnd] ?? '');
  }
  if (run !== '.') return true; // "?" "!" "?!"
  const word = wordBefore(text, runStart);
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return false;
  const opener = OPENERS.has(wordAt(text, next).toLowerCase());
  if (ABBREVIATIONS.has(lower)) {
    if (lower === 'no' || lower === 'nos') return !isDigit(text[next]);
    return opener;
  }
  // Initials ("J. R. R. Tolkien") and dotted acronyms ("U.S.", "U.N."): boundary only before an opener.
  if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return opener;
  return true;
}

/**
 * The longest sentence the analysis reads as one. Real sentences stay far below it; text without
 * full stops (a transcript, a list, a scraped page) would otherwise be one sentence, and every
 * per-sentence step that looks around a word would make the article's cost grow with its square.
 */
export const MAX_SENTENCE_CHARS = 2_000;

/** Cut a range longer than MAX_SENTENCE_CHARS at the last space before the limit (or at the limit). */
function capLength(text: string, start: number, end: number): [number, number][] {
  if (end - start <= MAX_SENTENCE_CHARS) return [[start, end]];
  const out: [number, number][] = [];
  let s = start;
  while (end - s > MAX_SENTENCE_CHARS) {
    const limit = s + MAX_SENTENCE_CHARS;
    const space = text.lastIndexOf(' ', limit);
    let cut = space > s + MAX_SENTENCE_CHARS / 2 ? space : limit;
    // Never between the halves of a surrogate pair.
    if (cut === limit && /[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut--;
    out.push([s, cut]);
    s = cut;
  }
  out.push([s, end]);
  return out;
}

function splitParagraph(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  let i = 0;
  const nextStop = /[.!?…؟।。！？]/g;
  while (i < text.length) {
    // Jump to the next candidate stop instead of testing every character.
    nextStop.lastIndex = i;
    const hit = nextStop.exec(text);
    if (!hit) break;
    i = hit.index;
    if (WIDE_TERMINATORS.includes(text[i])) {
      while (i < text.length && WIDE_TERMINATORS.includes(text[i])) i++;
      while (i < text.length && WIDE_CLOSERS.includes(text[i])) i++;
      let next = i;
      while (next < text.length && isSpace(text[next])) next++;
      if (next >= text.length) break;
      ranges.push([start, i]);
      start = next;
      i = next;
      continue;
    }
    const runStart = i;
    while (i < text.length && TERMINATORS.includes(text[i])) i++;
    const runEnd = i;
    // A quote or bracket closing right after the stop belongs to this sentence ('."', '.”').
    let end = runEnd;
    while (end < text.length && CLOSERS.includes(text[end])) end++;
    if (end < text.length && !isSpace(text[end])) continue;
    let next = end;
    while (next < text.length && isSpace(text[next])) next++;
    if (next >= text.length) break;
    if (endsSentence(text, runStart, runEnd, next)) {
      ranges.push([start, end]);
      start = next;
    }
    i = end;
  }
  ranges.push([start, text.length]);
  return ranges
    .flatMap(([s, e]) => capLength(text, s, e))
    .map(([s, e]): [number, number] => {
      while (s < e && isSpace(text[s])) s++;
      while (e > s && isSpace(text[e - 1])) e--;
      return [s, e];
    })
    .filter(([s, e]) => e > s);
}

/**
 * Split the article into sentences. Sentences never cross paragraphs; offsets are
 * into `analysisText(input)`, the paragraphs joined by "\n\n".
 */
export function splitSentences(input: Pick<AnalysisInput, 'paragraphs'>): Sentence[] {
  const sentences: Sentence[] = [];
  let base = 0;
  input.paragraphs.forEach((paragraph, p) => {
    for (const [s, e] of splitParagraph(paragraph)) {
      sentences.push({
        index: sentences.length,
        paragraph: p,
        start: base + s,
        end: base + e,
        text: paragraph.slice(s, e),
      });
    }
    base += paragraph.length + PARAGRAPH_SEPARATOR.length;
  });
  return sentences;
}
