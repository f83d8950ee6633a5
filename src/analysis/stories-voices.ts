import type { Evidence, VoiceShare } from './types.js';
import type { StoryMember } from './stories-quotes.js';
import { splitSentences } from './sentences.js';

/**
 * Voice share within one story: for each outlet, which of the story's speakers it quotes directly,
 * reports only indirectly, or leaves out; and the sentences that rest on unnamed sources.
 */

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'da', 'di', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn']);

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Two forms name one speaker when their last words agree and their first names don't differ. */
function sameSpeaker(a: string, b: string): boolean {
  const [wa, wb] = [a.split(/\s+/).map(fold), b.split(/\s+/).map(fold)];
  if (wa.join(' ') === wb.join(' ')) return true;
  if (wa[wa.length - 1] !== wb[wb.length - 1]) return false;
  const first = (w: string[]): string | null => (w.length > 1 && !PARTICLES.has(w[0]) ? w[0] : null);
  const [fa, fb] = [first(wa), first(wb)];
  return fa === null || fb === null || fa === fb;
}

/** A named speaker (a person or a body named with a capital), not "officials" or "the envoy". */
function named(speaker: string | null): speaker is string {
  return speaker !== null && /^\p{Lu}/u.test(speaker);
}

export function voiceShare(members: StoryMember[]): VoiceShare[] {
  const speakers: string[] = [];
  const canonical = (name: string): string => {
    const i = speakers.findIndex((s) => sameSpeaker(s, name));
    if (i < 0) {
      speakers.push(name);
      return name;
    }
    if (name.length > speakers[i].length) speakers[i] = name;
    return speakers[i];
  };
  const outlets = new Map<string, { articles: string[]; direct: Set<number>; indirect: Set<number> }>();
  for (const m of members) {
    const outlet = m.input.source ?? m.input.id;
    const row = outlets.get(outlet) ?? { articles: [], direct: new Set<number>(), indirect: new Set<number>() };
    row.articles.push(m.input.id);
    for (const q of m.summary.quotes) {
      if (!named(q.speaker)) continue;
      canonical(q.speaker);
      const index = speakers.findIndex((s) => sameSpeaker(s, q.speaker!));
      (q.kind === 'direct' ? row.direct : row.indirect).add(index);
    }
    outlets.set(outlet, row);
  }
  return [...outlets].map(([outlet, row]) => {
    const direct = [...row.direct].sort((a, b) => a - b);
    const indirect = [...row.indirect].filter((i) => !row.direct.has(i)).sort((a, b) => a - b);
    const absent = speakers.map((_, i) => i).filter((i) => !row.direct.has(i) && !row.indirect.has(i));
    return { outlet, articles: row.articles, direct: direct.map((i) => speakers[i]), indirect: indirect.map((i) => speakers[i]), absent: absent.map((i) => speakers[i]) };
  });
}

/**
 * Sentences whose claim rests on someone the text does not name: anonymity granted, "officials
 * said", "sources close to", "according to people familiar with".
 */
const UNNAMED =
  /\b(?:on (?:the )?condition of anonymity|speaking anonymously|(?:asked|declined) not to be (?:named|identified)|not authori[sz]ed to (?:speak|brief|comment)|(?:officials|sources|diplomats|officers|residents|witnesses|aides|insiders)\s+(?:said|say|says|told|claimed|reported)\b|(?:a|an|one|two|three|several|some)\s+(?:senior\s+|western\s+|local\s+|military\s+|security\s+|government\s+)?(?:official|source|diplomat|officer|aide|insider)\s+(?:said|told|says)\b|sources\s+(?:close\s+to|familiar\s+with)|according\s+to\s+(?:sources|officials|a\s+source|an\s+official|people\s+familiar)|people\s+familiar\s+with)/i;

export function unnamedSources(members: StoryMember[]): { article: string; text: string; evidence: Evidence }[] {
  const out: { article: string; text: string; evidence: Evidence }[] = [];
  for (const m of members) {
    for (const s of splitSentences(m.input)) {
      if (UNNAMED.test(s.text)) out.push({ article: m.input.id, text: s.text, evidence: { sentence: s.index, paragraph: s.paragraph, start: s.start, end: s.end } });
    }
  }
  return out;
}
