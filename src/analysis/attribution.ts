import type { AnalysisInput, Person, Quote, Sentence, SentenceAttribution } from './types.js';
import { paragraphStarts } from './text.js';
import { NON_ASCII_LETTER, ROLE_NOUNS, findNames, looksDemonym, midSentenceCaps, sentenceWords, type NameMention } from './mentions.js';
import { findQuotations, maskQuotes, type Quotation } from './quote-spans.js';
import { findReportingEvents, isWordUnit, type ReportingEvent } from './reporting.js';
import { EntityChains, homeCountry, type Entity } from './entity-chains.js';

export { OPENING_QUOTE, balancedRange, quoteSpans } from './quote-spans.js';

/**
 * Who said what, sentence by sentence: the stage that joins the others. For each sentence in order
 * its narration (quotes masked) is read for names (mentions.ts), joined to the article's entities
 * (entity-chains.ts), and for reporting events (reporting.ts); the first event with content gives
 * the sentence its speaker (indirect speech). Then each quotation (quote-spans.ts), over however many
 * sentences and paragraphs it runs, takes the speaker of the sentence that frames it, and every
 * sentence it covers is that speaker's direct speech. A sentence with no speaker is narration.
 * Linear in the article: each sentence is read once, each quotation once.
 */

export interface AttributionDetail extends SentenceAttribution {
  entity: Entity | null;
}


const letterCounts = new WeakMap<Sentence, number>();

function letters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /\p{L}/u.test(text[i]))) n++;
  }
  return n;
}

/** The share of a sentence's letters inside a quotation. */
function quotedShare(s: Sentence, q: Quotation): number {
  let inside = 0;
  for (const part of q.parts) {
    const a = Math.max(part.start, s.start);
    const b = Math.min(part.end, s.end);
    if (b > a) inside += letters(s.text.slice(a - s.start, b - s.start));
  }
  let all = letterCounts.get(s);
  if (all === undefined) {
    all = letters(s.text);
    letterCounts.set(s, all);
  }
  return all === 0 ? 0 : inside / all;
}

/** Appositions that give a person a role: "X, the Aldorian envoy," / "the rebel commander, X,". */
function readAppositions(frame: string, names: NameMention[], entities: (Entity | null)[], chains: EntityChains): void {
  names.forEach((m, i) => {
    const e = entities[i];
    if (!e || e.kind !== 'person') return;
    const after = /^,\s+((?:the|a|an|his|her|its|their|[\p{Lu}][\p{L}-]*['’]s)\s+[^,;.]{2,80}?)(?=,|\s+who\b|\s+which\b|$|\.)/u.exec(frame.slice(m.end, m.end + 120));
    if (after && /\p{Ll}/u.test(after[1]) && !/\b(?:said|says|told|added|and)\b/.test(after[1])) chains.addRole(e, after[1]);
    const who = /^,\s+who\s+(commands|leads|heads|chairs|runs|directs)\b/.exec(frame.slice(m.end, m.end + 40));
    if (who) chains.addRole(e, { commands: 'commander', chairs: 'chair', directs: 'director' }[who[1]] ?? 'leader');
    const before = /((?:the|a|an|his|her|its|their|[\p{Lu}][\p{L}-]*['’]s)\s+[^,;.]{2,80}?),\s+$/u.exec(frame.slice(Math.max(0, m.start - 120), m.start));
    if (before && /\p{Ll}/u.test(before[1]) && !/\b(?:said|says|told|and|in|on|at)\b/.test(before[1])) chains.addRole(e, before[1]);
  });
}

const LEADING_ROLE = new RegExp(`^\\s*(?:[^,]{0,40},\\s+)?(?:the|his|her)\\s+((?:[\\p{L}-]+\\s+){0,3}?)(${[...ROLE_NOUNS].join('|')})\\b`, 'iu');

/** "The president had struck a similar note": a sentence about a person named by role, for "he said" next. */
function leadingDescription(frame: string, chains: EntityChains, sentence: number): Entity | null {
  const m = LEADING_ROLE.exec(frame);
  if (!m) return null;
  const demonym = m[1].split(/\s+/).find((w) => looksDemonym(w)) ?? null;
  return chains.resolveDescription(m[2].toLowerCase(), demonym, sentence);
}

/** The place a body in this sentence belongs to: "In Vinsk, state media reported" -> Vinsk. */
function sentencePlace(frame: string, names: NameMention[]): string | null {
  const m = names.find((n) => n.governed && (n.kind === 'place' || n.kind === 'word') && /\b(?:in|from)\s+$/i.test(frame.slice(Math.max(0, n.start - 6), n.start)));
  return m ? m.name : null;
}

/** [\p{L}-] in ASCII text. */
function isTail(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45;
}

/**
 * What /\b\p{Lu}\p{Ll}[\p{L}-]+/gu matches in a text, in order. Text with no letter beyond ASCII is read
 * by hand (there \p{Lu} is A-Z and \p{Ll} a-z); the rest is left to the regex.
 */
export function capitalisedWords(text: string): string[] {
  if (NON_ASCII_LETTER.test(text)) return Array.from(text.matchAll(/\b\p{Lu}\p{Ll}[\p{L}-]+/gu), (m) => m[0]);
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (c >= 65 && c <= 90 && d >= 97 && d <= 122 && (i === 0 || !isWordUnit(text.charCodeAt(i - 1))) && i + 2 < n && isTail(text.charCodeAt(i + 2))) {
      let j = i + 3;
      while (j < n && isTail(text.charCodeAt(j))) j++;
      out.push(text.slice(i, j));
      i = j;
    } else i++;
  }
  return out;
}

/**
 * The speaker and kind of every sentence (indexed by sentence index). `people` is accepted for
 * the summary's call and not needed: the entity chains are built here.
 */
export function attributeDetailed(input: AnalysisInput, sentences: Sentence[]): AttributionDetail[] {
  const starts = paragraphStarts(input.paragraphs);
  const quotations = findQuotations(input.paragraphs, starts);
  const texts = sentences.map((s) => s.text);
  const wordLists = sentenceWords(texts);
  const caps = midSentenceCaps(texts, wordLists);
  const capsCount = new Map<string, number>();
  for (const t of texts) for (const word of capitalisedWords(t)) capsCount.set(word, (capsCount.get(word) ?? 0) + 1);
  const chains = new EntityChains(homeCountry(input.paragraphs, capsCount));
  const result: AttributionDetail[] = [];
  const frameEvents: { events: ReportingEvent[]; speakers: (Entity | null)[] }[] = [];

  // Quotations in text order: each sentence masks only those that reach it (a moving window, not all of them).
  const quotationEnd = (q: Quotation): number => q.parts[q.parts.length - 1].end;
  let firstOpen = 0;
  for (const [position, s] of sentences.entries()) {
    while (firstOpen < quotations.length && quotationEnd(quotations[firstOpen]) <= s.start) firstOpen++;
    const near: Quotation[] = [];
    for (let k = firstOpen; k < quotations.length && quotations[k].parts[0].start < s.end; k++) near.push(quotations[k]);
    const frame = maskQuotes(s.text, s.start, near);
    // A sentence with nothing masked has the words already read for caps.
    const names = findNames(frame, caps, frame === s.text ? wordLists[position] : undefined);
    const entities = names.map((m) => (m.kind === 'place' ? null : chains.resolveName(m, s.index)));
    readAppositions(frame, names, entities, chains);
    const events = findReportingEvents(frame, names);
    const place = sentencePlace(frame, names);
    const speakers: (Entity | null)[] = [];
    let previous: Entity | null = null;
    for (const ev of events) {
      let who: Entity | null = null;
      if (ev.subject) {
        const earlier: Entity[] = [];
        if (ev.subject.kind === 'pronoun') names.forEach((m, i) => {
          const e = entities[i];
          if (e && e.kind === 'person' && m.end <= ev.start && m.end >= ev.start - 300) earlier.push(e);
        });
        who = chains.resolveSubject(ev.subject, s.index, earlier, place);
      } else if (ev.continues) who = previous;
      speakers.push(who);
      if (who) previous = who;
    }
    frameEvents[s.index] = { events, speakers };
    const main = events.findIndex((ev, i) => speakers[i] && ev.content);
    const speaker = main >= 0 ? speakers[main] : null;
    if (speaker && /\b(?:statement|communiqu[eé])\b/i.test(frame)) chains.statementMaker = { entity: speaker, sentence: s.index };
    if (speaker && speaker.kind === 'person' && !speaker.gender) {
      // "denied that his fighters ...", "who said her staff ...": the speaker's own possessive.
      const own = /^\s+(?:[\p{L},]+\s+){0,4}?(his|her)\b/iu.exec(frame.slice(events[main].end));
      if (own) speaker.weakGender = own[1].toLowerCase() === 'his' ? 'm' : 'f';
    }
    const others = entities.filter((e): e is Entity => e !== null && e.kind === 'person');
    const first = names.findIndex((m, i) => !m.governed && !m.possessive && entities[i] && m.start < 40);
    chains.noteSentence(s.index, speaker ?? leadingDescription(frame, chains, s.index) ?? (first >= 0 ? entities[first] : null), others);
    result[s.index] = {
      sentence: s.index,
      speaker: speaker ? speaker.name : null,
      kind: speaker ? 'indirect' : 'narration',
      quotes: [],
      entity: speaker,
      unnamed: speaker?.kind === 'unnamed',
      role: speaker?.role ?? null,
    };
  }

  // Quotations take the speaker of the sentence that frames them; every sentence they cover is direct speech.
  const bySentenceStart = new Map<number, Sentence>();
  for (const s of sentences) bySentenceStart.set(s.start, s);
  const covering = (q: Quotation): Sentence[] => {
    const out: Sentence[] = [];
    for (const part of q.parts) for (const s of sentences.slice(firstIndex(sentences, part.start), lastIndex(sentences, part.end) + 1)) if (s.start < part.end && s.end > part.start) out.push(s);
    return out;
  };
  let lastSpeaker: { entity: Entity; paragraph: number } | null = null;
  for (const q of quotations) {
    if (q.scare) {
      // A scare quote stays in its sentence's quotes, making nobody's sentence direct speech.
      const s = sentences[firstIndex(sentences, q.parts[0].start)];
      const part = q.parts[0];
      const inner = input.paragraphs[part.paragraph].slice(part.open + 1, part.close - 1).replace(/[\s,.;:!?]+$/u, '').trim();
      if (s && inner && result[s.index]) result[s.index].quotes.push(inner);
      continue;
    }
    const covered = covering(q);
    if (covered.length === 0) continue;
    const firstPart = q.parts[0];
    const lastPart = q.parts[q.parts.length - 1];
    let speaker: Entity | null = null;
    let framing: Sentence | null = null;
    const frameOf = (s: Sentence) => frameEvents[s.index];
    const lastS = covered[covered.length - 1];
    const firstS = covered[0];
    const after = frameOf(lastS)?.events.findIndex((ev, i) => frameOf(lastS).speakers[i] && lastS.start + ev.start >= lastPart.end - 1) ?? -1;
    if (after >= 0) {
      speaker = frameOf(lastS).speakers[after];
      framing = lastS;
    }
    if (!speaker) {
      const fe = frameOf(firstS);
      // The nearest report before the quote: "According to the radio, the envoy said, “…”" is the envoy's.
      let before = -1;
      if (fe) fe.events.forEach((ev, i) => {
        if (fe.speakers[i] && firstS.start + ev.end <= firstPart.start + 1) before = i;
      });
      if (before >= 0) {
        speaker = fe.speakers[before];
        framing = firstS;
      }
    }
    if (!speaker) for (const s of covered) speaker ??= frameOf(s)?.speakers.find((x) => x) ?? null;
    if (!speaker) {
      // A quote that opens its sentence right after a sentence with a speaker, or a paragraph that
      // continues the previous paragraph's speaker, or a quote block signed on the next line ("— Name").
      const prev = sentences[firstS.index - 1];
      const next = input.paragraphs[lastPart.paragraph + 1];
      const sign = next ? /^\s*[—–-]\s*(.+)$/.exec(next) : null;
      if (sign) {
        const names = findNames(sign[1], caps);
        if (names[0]) speaker = chains.resolveName(names[0], firstS.index);
      }
      if (!speaker && prev && prev.paragraph === firstS.paragraph && result[prev.index]?.entity) speaker = result[prev.index].entity;
      if (!speaker && lastSpeaker && lastSpeaker.paragraph === firstPart.paragraph - 1 && firstPart.open === 0) speaker = lastSpeaker.entity;
      if (!speaker && prev && prev.paragraph === firstS.paragraph) {
        const subject = chains.resolvePronoun('he', firstS.index, []) ?? null;
        void subject;
      }
    }
    for (const s of covered) {
      const r = result[s.index];
      const part = q.parts.find((p) => p.start < s.end && p.end > s.start)!;
      const from = Math.max(part.start + 1, s.start) - s.start;
      const to = Math.min(part.end, s.end) - s.start;
      const quoted = s.text.slice(from, to).replace(/[\s"“”„«»]+$/u, '').trim();
      if (quoted) r.quotes.push(quoted);
      if (speaker && (quotedShare(s, q) >= 0.4 || r.kind === 'narration' || s === framing)) {
        r.speaker = speaker.name;
        r.kind = 'direct';
        r.entity = speaker;
        r.unnamed = speaker.kind === 'unnamed';
        r.role = speaker.role;
      }
    }
    if (speaker) lastSpeaker = { entity: speaker, paragraph: lastPart.paragraph };
  }
  // Final names: an entity may have grown a fuller name after an early mention.
  for (const r of result) if (r && r.entity) {
    r.speaker = r.entity.name;
    r.role = r.entity.role;
  }
  return result;
}

function firstIndex(sentences: Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastIndex(sentences: Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start < at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The speaker and kind of every sentence (indexed by sentence index). */
export function attributeSentences(input: AnalysisInput, sentences: Sentence[], _people?: Person[]): SentenceAttribution[] {
  return attributeDetailed(input, sentences).map((r) => {
    if (!r) return r;
    const { entity: _entity, ...rest } = r;
    return rest;
  });
}

/**
 * Quotes with their speakers: every direct quotation (once, at its first sentence) with a speaker
 * or of four words or more, and every sentence of attributed indirect speech.
 */
export function extractQuotes(input: AnalysisInput, sentences: Sentence[], attributions: SentenceAttribution[]): Quote[] {
  const starts = paragraphStarts(input.paragraphs);
  const quotations = findQuotations(input.paragraphs, starts);
  const quotes: Quote[] = [];
  const firstOf = new Map<number, Quotation>();
  for (const q of quotations) {
    if (q.scare) continue;
    const s = sentences[firstIndex(sentences, q.parts[0].start)];
    if (s && !firstOf.has(s.index)) firstOf.set(s.index, q);
  }
  for (const s of sentences) {
    const att = attributions[s.index];
    if (!att) continue;
    const q = firstOf.get(s.index);
    if (q) {
      const text = q.parts.map((p) => input.paragraphs[p.paragraph].slice(p.open + 1, p.close).replace(/[\s"“”„«»,]+$/u, '').trim()).join(' ');
      if (att.speaker || text.split(/\s+/).length >= 4) {
        const last = q.parts[q.parts.length - 1];
        quotes.push({
          speaker: att.kind === 'direct' ? att.speaker : null,
          text,
          kind: 'direct',
          evidence: { sentence: s.index, paragraph: s.paragraph, start: q.parts[0].start, end: last.end },
          ...(att.kind === 'direct' && att.unnamed ? { unnamed: true } : {}),
        });
      }
    }
    if (att.kind === 'indirect' && att.speaker) {
      quotes.push({
        speaker: att.speaker,
        text: s.text,
        kind: 'indirect',
        evidence: { sentence: s.index, paragraph: s.paragraph, start: s.start, end: s.end },
        ...(att.unnamed ? { unnamed: true } : {}),
      });
    }
  }
  return quotes;
}
