/**
 * Quotations as spans, not sentences. Marks are paired from their context (a mark after a space
 * opens, a mark before a space or punctuation closes), so mismatched glyphs (“ceasefire“) and nested
 * quotes still pair. A quote left open at the end of its paragraph continues when the next paragraph
 * opens with a mark (the newspaper convention), and the whole run is one quotation, one speaker.
 */

/** A quote inside one paragraph: paragraph-relative range including its marks. */
export interface Span {
  open: number;
  close: number;
}

/** One quotation, possibly over several paragraphs: absolute ranges, one per paragraph, in order. */
export interface Quotation {
  id: number;
  parts: { paragraph: number; start: number; end: number; open: number; close: number }[];
  /** One to three words inside narration (what the ministry called a “pause”): not speech. */
  scare: boolean;
}

/** A paragraph that opens with a quote mark: it may continue the previous paragraph's quote. */
export const OPENING_QUOTE = /^\s*["“”„«»]/;

const OPENERS = new Set(['“', '„', '«']);
const CLOSERS = new Set(['”', '»']);
const MARKS = /["“”„«»]/g;

function isBlank(ch: string | undefined): boolean {
  return ch === undefined || /[\s([{—–-]/u.test(ch);
}

function isTrailing(ch: string | undefined): boolean {
  return ch === undefined || /[\s.,;:!?)\]}—–-]/u.test(ch);
}

/** Does the quote mark at `i` open a quote? Read from its neighbours first, its glyph second. */
function opensQuote(text: string, i: number, depth: number): boolean {
  const ch = text[i];
  const before = text[i - 1];
  const after = text[i + 1];
  if (isBlank(before) && !isTrailing(after)) return true;
  if (!isBlank(before) && isTrailing(after)) return false;
  if (OPENERS.has(ch)) return true;
  if (CLOSERS.has(ch)) return false;
  return depth === 0;
}

/** Outermost quote spans in a paragraph; an unclosed quote runs to the paragraph's end. */
export function quoteSpans(paragraph: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let open = -1;
  for (const mark of paragraph.matchAll(MARKS)) {
    const i = mark.index ?? 0;
    if (opensQuote(paragraph, i, depth)) {
      if (depth === 0) open = i;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) spans.push({ open, close: i + 1 });
    }
  }
  if (depth > 0) spans.push({ open, close: paragraph.length });
  return spans;
}

/** Was the span left open (no closing mark at the paragraph's end)? */
function leftOpen(paragraph: string, span: Span): boolean {
  if (span.close !== paragraph.length) return false;
  const last = paragraph.trimEnd();
  const ch = last[last.length - 1];
  if (!ch || !/["”»]/.test(ch)) return true;
  // A closing mark at the very end closes the quote unless it is the span's own opening mark.
  return last.length - 1 === span.open;
}

/** Is the span one to three words set inside running prose (a scare quote or a nickname)? */
function isScare(paragraph: string, span: Span): boolean {
  const inner = paragraph.slice(span.open + 1, span.close).replace(/[\s"“”„«»,.!?;:]+$/u, '').trim();
  if (inner.split(/\s+/).length > 3) return false;
  const before = paragraph.slice(0, span.open);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const lead = before.slice(sentenceStart + 1);
  return lead.trim() !== '' && !/[:,—–-]\s*$/.test(lead);
}

/**
 * Every quotation of an article. `starts` are the paragraphs' absolute offsets. Linear: one pass
 * over the marks of each paragraph.
 */
export function findQuotations(paragraphs: readonly string[], starts: readonly number[]): Quotation[] {
  const out: Quotation[] = [];
  let carry: Quotation | null = null;
  paragraphs.forEach((paragraph, p) => {
    const spans = quoteSpans(paragraph);
    spans.forEach((span, k) => {
      const part = { paragraph: p, start: starts[p] + span.open, end: starts[p] + span.close, open: span.open, close: span.close };
      if (carry && k === 0 && span.open === paragraph.length - paragraph.trimStart().length) {
        carry.parts.push(part);
      } else {
        carry = null;
        out.push({ id: out.length, parts: [part], scare: isScare(paragraph, span) });
      }
      const current = out[out.length - 1];
      carry = k === spans.length - 1 && leftOpen(paragraph, span) ? current : null;
    });
    if (spans.length === 0) carry = null;
  });
  return out;
}

/**
 * The text with every speech quotation's words replaced by spaces (marks kept, length kept), so
 * the reporting grammar reads only the narration around the quotes.
 */
export function maskQuotes(text: string, from: number, quotations: readonly Quotation[]): string {
  const to = from + text.length;
  // The ranges to blank, sentence-relative; most sentences have none or one, and the string is only
  // rebuilt around them (splitting every sentence into characters cost more than the rest of this).
  const ranges: [number, number][] = [];
  for (const q of quotations) {
    if (q.scare) continue;
    for (const part of q.parts) {
      if (part.end <= from || part.start >= to) continue;
      const a = Math.max(part.start + 1, from) - from;
      const b = Math.min(part.end - 1, to) - from;
      if (b > a) ranges.push([a, b]);
    }
  }
  if (ranges.length === 0) return text;
  ranges.sort((x, y) => x[0] - y[0]);
  let out = '';
  let at = 0;
  for (const [a, b] of ranges) {
    if (b <= at) continue;
    const start = Math.max(a, at);
    out += text.slice(at, start) + text.slice(start, b).replace(/[^\n]/g, ' ');
    at = b;
  }
  return out + text.slice(at);
}

/**
 * A sentence cut from a multi-sentence quote keeps only one of its marks (`It is why ... war.”`
 * or `“Forty-four days ago, ...`): drop a closing mark that closes nothing at the end, and an
 * opening mark at the start that nothing closes, so the text reads balanced. Returns the range to keep.
 */
export function balancedRange(text: string): [number, number] {
  let depth = 0;
  let firstOpen = -1;
  let strayClose = -1;
  for (const mark of text.matchAll(MARKS)) {
    const i = mark.index ?? 0;
    if (opensQuote(text, i, depth)) {
      if (depth === 0) firstOpen = i;
      depth++;
    } else if (depth > 0) depth--;
    else strayClose = i;
  }
  let start = 0;
  let end = text.length;
  if (strayClose >= 0 && text.slice(strayClose + 1).trim() === '') end = strayClose;
  if (depth === 1 && firstOpen >= 0 && text.slice(0, firstOpen).trim() === '') start = firstOpen + 1;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}
