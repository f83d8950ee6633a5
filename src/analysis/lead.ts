import type { Sentence } from './types.js';

/**
 * The lead: the opening sentences of the story. News is written inverted-pyramid, so the
 * first sentences that are real prose are a strong summary; we keep that baseline and only
 * skip what a reader would not call a sentence of the story (datelines, bylines, credits).
 */

/** "By Jane Doe", "By Jane Doe and John Roe, Reuters". */
const BYLINE = /^[Bb]y\s+\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}(?:\s*(?:,|and)\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})*\s*[.,]?$/u;
/** "KYIV, Ukraine (AP) —", "LONDON —", "Updated: 12 May 2025". */
const DATELINE = /^(?:\p{Lu}[\p{Lu} .'-]+(?:,\s*[\p{L} .]+)?\s*(?:\([^)]*\))?\s*[—–-]+\s*$|(?:updated|published|posted|last updated)\b.{0,40}$)/iu;
const CREDIT = /^(?:image|photo|photograph|video|source|read also|read more|see also|related)\s*:/i;

/** Letters of scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/** Words in a sentence, for the length rules; in unspaced scripts about two characters make a word. */
function wordCount(text: string): number {
  const spaced = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  return unspaced === 0 ? spaced : spaced + Math.floor(unspaced / 2);
}

/** A sentence's closing mark in any script: . ! ? … and the Arabic, Devanagari and CJK stops, before closing quotes. */
const SENTENCE_END = /[.!?…؟।。！？]["”’)」』）]*$/u;

/** True for a sentence that is a dateline, byline, credit or headline fragment rather than prose. */
export function isNotProse(text: string, title = ''): boolean {
  const t = text.trim();
  if (!t) return true;
  if (BYLINE.test(t) || DATELINE.test(t) || CREDIT.test(t)) return true;
  if (title && t.replace(/\W+/g, ' ').trim().toLowerCase() === title.replace(/\W+/g, ' ').trim().toLowerCase()) return true;
  // A short line without a full stop is a heading or a label, not a sentence of the story.
  if (wordCount(t) < 6 && !SENTENCE_END.test(t)) return true;
  return false;
}

/**
 * The two or three sentences that open the story: the first prose sentences, a third only
 * when the first two are short (under 35 words together), so the lead reads as a paragraph.
 */
export function pickLead(sentences: Sentence[], title = ''): Sentence[] {
  const lead: Sentence[] = [];
  let words = 0;
  for (const s of sentences) {
    if (isNotProse(s.text, title)) continue;
    lead.push(s);
    words += wordCount(s.text);
    if (lead.length >= 3 || (lead.length >= 2 && words >= 35)) break;
  }
  return lead;
}
