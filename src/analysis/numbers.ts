import type { Qualifier } from './types.js';

/**
 * Counts as news prose writes them: digits ("1,200", "1.5 million"), words ("twelve",
 * "forty-four", "a hundred", "two dozen"), and vague plurals ("hundreds", "dozens") that
 * name an order of magnitude rather than a count. Every later fact (casualties,
 * quantities, dates) reads its numbers through here so they agree on what a number is.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
const SUFFIX_SCALES: Record<string, number> = { k: 1_000, m: 1_000_000, mn: 1_000_000, bn: 1_000_000_000, b: 1_000_000_000 };

/**
 * Vague plurals, read as their smallest sensible value: "hundreds" is at least two hundred.
 * Longest first so "hundreds of thousands" wins over "hundreds".
 */
const VAGUE: [RegExp, number][] = [
  [/^hundreds of thousands\b/i, 200_000],
  [/^tens of thousands\b/i, 20_000],
  [/^dozens of thousands\b/i, 24_000],
  [/^hundreds\b/i, 200],
  [/^thousands\b/i, 2_000],
  [/^millions\b/i, 2_000_000],
  [/^dozens\b/i, 24],
  [/^scores\b/i, 40],
];

export interface NumberMatch {
  /** The count; for a vague plural ("hundreds"), its smallest sensible value. */
  value: number;
  /** True for "hundreds", "dozens" and the like: an order of magnitude, not a count. */
  vague: boolean;
  /** Range [start, end) of the number words inside the searched string. */
  start: number;
  end: number;
  text: string;
  /** The word joined by a hyphen right after a digit count ("30-day" -> "day", "34-year-old" -> "year"). */
  compound: string | null;
}

export interface QualifiedNumber extends NumberMatch {
  qualifier: Qualifier;
  /** Start of the qualifier words ("more than") or of the number when there are none. */
  phraseStart: number;
  /** End of the number plus any trailing qualifier ("or more", "-plus"). */
  phraseEnd: number;
}

const WORD_TOKEN = /^[a-z]+(?:-[a-z]+)?/i;

function wordValue(word: string): number | null {
  const w = word.toLowerCase();
  if (w in UNITS) return UNITS[w];
  if (w in TENS) return TENS[w];
  const hyphen = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (hyphen && hyphen[1] in TENS && hyphen[2] in UNITS && UNITS[hyphen[2]] > 0 && UNITS[hyphen[2]] < 10) {
    return TENS[hyphen[1]] + UNITS[hyphen[2]];
  }
  return null;
}

/**
 * Read a run of number words starting at `from` ("forty-four", "a hundred and twenty",
 * "two dozen"). Returns the value and where the run ends, or null when no number starts there.
 */
function readWordNumber(text: string, from: number): { value: number; end: number } | null {
  let i = from;
  let total = 0;
  let current = 0;
  let seen = false;
  let end = from;
  let first = true;
  for (;;) {
    const m = WORD_TOKEN.exec(text.slice(i, i + 40));
    if (!m) break;
    const word = m[0].toLowerCase();
    const v = wordValue(word);
    if (v !== null) {
      // "twenty five" written without a hyphen still reads as one number; "five six" does not.
      if (seen && current % 10 !== 0) break;
      if (seen && current % 100 !== 0 && v >= 10) break;
      current += v;
      seen = true;
    } else if (word in SCALES && (seen || first)) {
      current = (seen ? current : 1) * SCALES[word];
      if (SCALES[word] >= 1_000) {
        total += current;
        current = 0;
      }
      seen = true;
    } else if (word === 'dozen' && (seen || first)) {
      current = (seen ? current : 1) * 12;
      seen = true;
    } else if (word === 'a' && first && i === from) {
      // "a hundred", "a dozen": only counts when a scale follows.
      const after = /^a\s+(hundred|thousand|million|billion|dozen)\b/i.exec(text.slice(i, i + 20));
      if (!after) break;
      i += 1;
      while (/\s/.test(text[i] ?? '')) i++;
      // Leave `first` set: the scale word that follows multiplies one.
      continue;
    } else if (word === 'and' && seen && current % 100 === 0 && current > 0) {
      // "a hundred and twenty": "and" joins only when a smaller number follows.
      const rest = /^and\s+([a-z]+(?:-[a-z]+)?)/i.exec(text.slice(i, i + 30));
      if (!rest || wordValue(rest[1]) === null) break;
      i += m[0].length;
      while (/\s/.test(text[i] ?? '')) i++;
      continue;
    } else {
      break;
    }
    i += m[0].length;
    end = i;
    first = false;
    if (/[a-z]/i.test(text[i] ?? '')) break;
    // Allow a single space between number words.
    let j = i;
    while (text[j] === ' ') j++;
    if (j === i) break;
    i = j;
  }
  if (!seen) return null;
  return { value: total + current, end };
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

/** Turn number words or digits into a number ("forty-four" -> 44, "1,200" -> 1200); null when it isn't one or is vague. */
export function wordsToNumber(text: string): number | null {
  const trimmed = text.trim();
  const found = findNumbers(trimmed);
  if (found.length !== 1 || found[0].start !== 0 || found[0].end !== trimmed.length || found[0].vague) return null;
  return found[0].value;
}

/** Words that can open a number ("forty", "a hundred", "hundreds"); anything else is skipped at once. */
const NUMBER_OPENERS = new Set([
  ...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), 'a', 'dozen',
  'hundreds', 'thousands', 'millions', 'dozens', 'scores', 'tens',
]);

/** Every number in `text`, in order, with its range. */
export function findNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  // Walk word by word: a number starts a word, so words glued to letters ("F16") never match.
  const token = /[\p{L}\p{N}]+/gu;
  let t: RegExpExecArray | null;
  while ((t = token.exec(text))) {
    const i = t.index;
    if (/\d/.test(text[i])) {
      const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/.exec(text.slice(i, i + 30)) as RegExpExecArray;
      let value = Number(m[0].replace(/,/g, ''));
      let end = i + m[0].length;
      // A digit run glued to letters ("448th", "5G") is a name or an ordinal, not a count.
      const tail = /^([a-z]+)\b/i.exec(text.slice(end, end + 4));
      if (tail && tail[1].toLowerCase() in SUFFIX_SCALES) {
        value *= SUFFIX_SCALES[tail[1].toLowerCase()];
        end += tail[0].length;
      } else if (isWordChar(text[end])) {
        continue;
      } else {
        const scale = /^\s+(hundred|thousand|million|billion)\b/i.exec(text.slice(end, end + 12));
        if (scale) {
          value *= SCALES[scale[1].toLowerCase()];
          end += scale[0].length;
        }
      }
      const compound = /^-([a-z]+)/i.exec(text.slice(end, end + 20));
      out.push({
        value: Math.round(value * 1000) / 1000,
        vague: false,
        start: i,
        end,
        text: text.slice(i, end),
        compound: compound ? compound[1].toLowerCase() : null,
      });
      token.lastIndex = Math.max(token.lastIndex, end);
      continue;
    }
    if (!NUMBER_OPENERS.has(t[0].toLowerCase())) continue;
    const slice = text.slice(i, i + 30);
    const vague = VAGUE.find(([re]) => re.test(slice));
    if (vague) {
      const len = (vague[0].exec(slice) as RegExpExecArray)[0].length;
      out.push({ value: vague[1], vague: true, start: i, end: i + len, text: text.slice(i, i + len), compound: null });
      token.lastIndex = i + len;
      continue;
    }
    const word = readWordNumber(text, i);
    if (!word) continue;
    const raw = text.slice(i, word.end);
    // "no one", "anyone": a pronoun, not a count.
    const pronoun = /^one$/i.test(raw) && /\b(no|any|every|some|each|which|the|this|that)\s+$/i.test(text.slice(Math.max(0, i - 8), i));
    if (!pronoun) out.push({ value: word.value, vague: false, start: i, end: word.end, text: raw, compound: null });
    token.lastIndex = Math.max(token.lastIndex, word.end);
  }
  return out;
}

/** Qualifier words, longest first, as they appear right before a number. */
const BEFORE: [RegExp, Qualifier][] = [
  [/\b(?:no fewer than|no less than|not less than|a minimum of|at the very least|at least)\s+$/i, 'at least'],
  [/\b(?:more than|over|upwards of|in excess of|above|exceeding|greater than|well over|just over)\s+$/i, 'over'],
  [/\b(?:just under|just below|close to|nearly|almost|approaching|just shy of)\s+$/i, 'nearly'],
  [/\b(?:fewer than|less than|under|below)\s+$/i, 'under'],
  [/\b(?:up to|as many as|at most|no more than|a maximum of)\s+$/i, 'up to'],
  [/\b(?:about|around|roughly|some|approximately|approx\.|an estimated|estimated|some estimated|circa|nearly about)\s+$/i, 'about'],
];

/** The qualifier written right before `index` in `text`, and where its words start. */
export function qualifierBefore(text: string, index: number): { qualifier: Qualifier; start: number } {
  const before = text.slice(Math.max(0, index - 40), index);
  for (const [re, qualifier] of BEFORE) {
    const m = re.exec(before);
    if (m) return { qualifier, start: index - (before.length - m.index) };
  }
  return { qualifier: 'exact', start: index };
}

/** A qualifier written after the number ("40 or more", "40-plus", "100+"). */
function qualifierAfter(text: string, end: number): { qualifier: Qualifier; end: number } | null {
  const m = /^(?:\s+or\s+more\b|-plus\b|\+)/i.exec(text.slice(end, end + 12));
  return m ? { qualifier: 'over', end: end + m[0].length } : null;
}

/** Every number in `text` with the qualifier that bounds it ("more than seventy" -> 70, over). */
export function findQualifiedNumbers(text: string): QualifiedNumber[] {
  return findNumbers(text).map((n) => {
    const before = qualifierBefore(text, n.start);
    const after = qualifierAfter(text, n.end);
    let qualifier = before.qualifier;
    if (qualifier === 'exact' && after) qualifier = after.qualifier;
    if (qualifier === 'exact' && n.vague) qualifier = 'at least';
    return { ...n, qualifier, phraseStart: before.start, phraseEnd: after ? after.end : n.end };
  });
}

/** A year written as digits ("2022"), which reads as a count only by accident. */
export function looksLikeYear(n: NumberMatch): boolean {
  return !n.vague && /^\d{4}$/.test(n.text) && n.value >= 1800 && n.value <= 2100;
}
