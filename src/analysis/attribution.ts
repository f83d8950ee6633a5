import type { AnalysisInput, Person, Quote, Sentence, SentenceAttribution } from './types.js';
import { findMentions, type Mention } from './entities.js';
import { paragraphStarts } from './text.js';
import { BODY_NOUNS, REPORTING_VERBS, ROLE_NOUNS, ROLE_WORDS, VERB_FILLERS, samePerson } from './names.js';

/**
 * Who said what, sentence by sentence. The one attribution module behind both the
 * summary's quotes and the comparison's statements.
 *
 * 1. Quote spans are found per paragraph from the marks' context, not their glyphs,
 *    so mismatched marks (“ceasefire“) and nested quotes (“… “no NATO” …”) still pair up.
 * 2. Each sentence's own speaker is the subject of its first reporting verb, read
 *    outside the quotes: "X said", "X, his envoy, said", "..., who argued", "said X",
 *    "according to X", a pronoun ("he said") resolved to the most prominent recent person.
 * 3. A quote takes the speaker of the sentence that closes or opens it; a later
 *    unattributed quote in the same paragraph, or a paragraph that is all quote right
 *    after an attributed one, continues the previous speaker.
 */

interface Span {
  /** Paragraph-relative range of the quote including its marks. */
  open: number;
  close: number;
}

/** A paragraph that opens with a quote mark: it may continue the previous paragraph's quote. */
export const OPENING_QUOTE = /^\s*["“”„«»]/;

const DOUBLE_MARKS = new Set(['"', '“', '”', '„', '«', '»']);
const OPENERS = new Set(['“', '„', '«']);
const CLOSERS = new Set(['”', '»']);

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
  for (const mark of paragraph.matchAll(/["“”„«»]/g)) {
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

/**
 * A sentence cut from a multi-sentence quote keeps only one of its marks (`It is why ... war.”`
 * or `“Forty-four days ago, ...`): drop a closing mark that closes nothing at the end, and an
 * opening mark at the start that nothing closes, so the text reads balanced. Returns the range to keep.
 */
export function balancedRange(text: string): [number, number] {
  let depth = 0;
  let firstOpen = -1;
  let strayClose = -1;
  for (const mark of text.matchAll(/["“”„«»]/g)) {
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
  // Only an opener left unclosed at the very start; nested quotes inside are left as written.
  if (depth === 1 && firstOpen >= 0 && text.slice(0, firstOpen).trim() === '') start = firstOpen + 1;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

const PRONOUN = /^(?:he|she)$/i;
// ASCII-only patterns, compiled once, without the 'u' flag: these run on every sentence of a corpus.
const FILLER_WORDS = `(?:\\s+(?:${[...VERB_FILLERS].join('|')}|[a-z]+ly))*`;
const SUBJECT_LINKS = [
  // "X said", "X has repeatedly said"
  new RegExp(`^${FILLER_WORDS}\\s*$`, 'i'),
  // "X, his close associate, said"
  new RegExp(`^\\s*,[^,;:]{1,120},(?:[^,;:]{1,120},)?${FILLER_WORDS}\\s*$`, 'i'),
  // "X, who argued"
  new RegExp(`^\\s*,\\s*(?:who|which)${FILLER_WORDS}\\s*$`, 'i'),
];
// "Pellin's prime minister, Johan Strand, said": the comma closes an appositive opened before the name.
const CLOSES_APPOSITIVE = new RegExp(`^\\s*,${FILLER_WORDS}\\s*$`, 'i');
const PRONOUN_BEFORE = new RegExp(`\\b(he|she)${FILLER_WORDS}\\s*$`, 'i');
const VERB_RE = new RegExp(`\\b(?:${[...REPORTING_VERBS].join('|')})\\b`, 'gi');
const SUBORDINATE_BEFORE = /\b(?:after|because|since|when|while|before|until|although|though|if|unless|once|whereas)\s+(?:the\s+)?$/i;
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be)\s+$/i;
const PREPOSITION_BEFORE = /\b(?:in|of|from|at|near|on|for|with|by|to|about|against)\s+(?:the\s+)?$/i;
/** Body nouns match capitalised at a sentence start too ("Officials said"), but modifiers must be proper ("Ukrainian"). */
/** Adjectives a speaking body may carry ("foreign ministry", "senior officials"); a closed list so "what officials" stays out. */
const BODY_ADJECTIVES =
  '(?:foreign|defence|defense|interior|health|military|local|regional|state|federal|senior|top|western|government|city|emergency|security|intelligence|border|national|provincial|municipal|labou?r|justice|finance|economy|education|transport|agriculture|energy|environment|trade|culture|presidential|militant|rebel|armed|opposition|ruling|police|court|union|company|hospital|school|rescue|aid|un|eu|us|u\\.s\\.)';
const BODY_ALT = [...BODY_NOUNS].map((n) => `[${n[0]}${n[0].toUpperCase()}]${n.slice(1)}`).join('|');
const BODY_RE = new RegExp(
  `((?:\\p{Lu}[\\p{L}-]+(?:['’]s)?\\s+)?(?:${BODY_ADJECTIVES}\\s+)?(?:${BODY_ALT})(?:\\s+(?:in|of|from)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}-]+)?)(?:\\s*,[^,;:]{1,60},)?${FILLER_WORDS}\\s*$`,
  'u',
);

type Subject =
  | { kind: 'mention'; mention: Mention }
  | { kind: 'pronoun' }
  | { kind: 'body'; name: string }
  | { kind: 'role'; noun: string; owned?: string; phrase?: string };

/** "the prime minister said": a role standing in for a person named earlier (or, failing one, the role itself). */
const ROLE_BEFORE = new RegExp(`\\b([Tt]he\\s+(?:[a-z-]+\\s+){0,2}(${[...ROLE_NOUNS].join('|')}))${FILLER_WORDS}\\s*$`);
/** "Israel’s prime minister said": a role owned by a named country or body; its words name the speaker when nobody else does. */
const OWNED_ROLE_BEFORE = new RegExp(
  `((?:\\p{Lu}[\\p{L}-]*\\s+)?\\p{Lu}[\\p{L}-]*['’]s\\s+(?:[a-z-]+\\s+){0,2}(${[...ROLE_NOUNS].join('|')}))${FILLER_WORDS}\\s*$`,
  'u',
);

/** "a spokesperson for the Harbour Authority said": the body the spokesperson speaks for is the speaker. */
const SPOKESPERSON_FOR = new RegExp(
  `\\bspokes(?:man|woman|person)\\s+for\\s+(?:the\\s+)?((?:[\\p{L}'’&.-]+\\s+){0,5}?[\\p{L}'’&.-]+)(?:\\s*,[^,]{1,80},)?${FILLER_WORDS}\\s*$`,
  'iu',
);

/** Words allowed between an inverted verb and its speaker: "..., said regional civil protection commander Ana Ferreira". */
const INVERTED_ROLE = /^\s+(?:the\s+)?(?:(?:\p{Ll}[\p{Ll}-]*|\p{Lu}[\p{L}.-]*)\s+){0,6}$/u;

/** Verbs that tell how someone spoke, not what: "responded to the attack on social media" reports nothing. */
const MANNER_VERBS = new Set(['responded', 'responds', 'replied', 'replies', 'commented', 'answered', 'posted', 'tweeted', 'reported', 'asked', 'asks']);
/** Verbs that label rather than report: "what the government called a reform", "described the talks as ...". */
const NAMING_VERBS = new Set(['called', 'described', 'describes']);
/** Words that open an adjunct, not a content clause, after a verb: "said on Friday.", "spoke to reporters.". */
const ADJUNCT_WORDS = new Set(
  'on in at to about during after before with from via through over for by into later earlier again briefly online yesterday today'.split(' '),
);
/** A content clause within a few words of the verb: "said on Sunday that", "asked whether", or a colon. */
const CLAUSE_AFTER = /^(?:\s*:|(?:\s+[\p{L}\d'’.,-]+){0,4}?\s+(?:that|whether|how|why)\b)/iu;
/** A sentence-opening phrase that sets the scene, not content: "After the strike, X responded". */
const ADVERBIAL_OPENING = /^\s*(?:after|before|when|while|during|following|despite|in|on|at|later|earlier|meanwhile|as|since|amid|with|without|upon|from|by|once|until|within|over|under|speaking|asked)\b/i;
/** Verbs whose infinitive is the claim itself: "claimed to have reached a deal", "vowed to keep fighting". */
const INFINITIVE_VERBS = new Set(['claimed', 'claims', 'claim', 'vowed', 'vows', 'promised', 'pledged', 'offered', 'proposed', 'proposes', 'demanded', 'threatened']);
/** A participle clause that carries the content: "..., suggesting that talks were easier". */
const PARTICIPLE_CLAUSE = /\b(?:saying|suggesting|arguing|insisting|warning|adding|noting|claiming|stressing|indicating|explaining)\s+(?:that\b|[:“"])/i;

/**
 * Does the sentence report what was said, from its reporting verb at `from` on? A reporting verb
 * alone is not indirect speech: it needs a content clause ("that ...", "whether ...", a colon),
 * an object or clause after a verb of saying ("said the port would reopen", "condemned the
 * strike"), or an "according to". Manner verbs ("responded", "posted") and labelling verbs
 * ("called", "described ... as") report content only with a clause.
 */
export function reportsContent(masked: string, from: number): boolean {
  if (from < 0) return false;
  const rest = masked.slice(from);
  if (/^according to/i.test(rest)) return true;
  // "The truce holds, the union said": the content comes before a subject set off by a comma.
  const before = masked.slice(0, from);
  const comma = before.lastIndexOf(',');
  const head = comma >= 0 ? before.slice(0, comma) : '';
  if (/\p{L}/u.test(before.slice(comma + 1)) && (head.match(/\p{L}+/gu) ?? []).length >= 3 && !ADVERBIAL_OPENING.test(head)) return true;
  for (const v of rest.matchAll(VERB_RE)) {
    const verb = v[0].toLowerCase();
    const after = rest.slice((v.index ?? 0) + v[0].length);
    if (CLAUSE_AFTER.test(after)) return true;
    // "called for a truce", "called on both sides to stop": an appeal is content.
    if (verb === 'called' && /^\s+(?:for|on)\b/i.test(after)) return true;
    if (INFINITIVE_VERBS.has(verb) && /^\s+to\s+\p{L}/u.test(after)) return true;
    if (PARTICIPLE_CLAUSE.test(after)) return true;
    if (MANNER_VERBS.has(verb) || NAMING_VERBS.has(verb) || verb === 'pointed') continue;
    const words = after.match(/[\p{L}\d][\p{L}\d'’.-]*/gu) ?? [];
    // "said in a statement." is an adjunct alone; "offered on Tuesday a truce to ..." goes on to its object.
    const adjunct = ADJUNCT_WORDS.has((words[0] ?? '').toLowerCase());
    if (words.length >= (adjunct ? 5 : 2)) return true;
  }
  return false;
}

/**
 * A scare quote: one to three words quoted inside narration (what the ministry called a “pause”),
 * not standing as speech of its own. A quote that opens its sentence or follows a colon or comma
 * (“Never,” she said / he said: “No.”) is speech, however short.
 */
export function isScareQuote(paragraph: string, span: Span, sentenceStart: number): boolean {
  const inner = paragraph.slice(span.open + 1, span.close).replace(/[\s"“”„«»,.!?;:]+$/u, '').trim();
  if (inner.split(/\s+/).length > 3) return false;
  const before = paragraph.slice(Math.max(0, sentenceStart), span.open);
  return before.trim() !== '' && !/[:,]\s*$/.test(before);
}

/** The subject of the reporting verb at `v` (sentence-relative), if the text has one. */
function subjectOf(masked: string, v: number, verbEnd: number, mentions: Mention[], base: number): Subject | null {
  const before = masked.slice(0, v);
  // "residents were told": a passive reporting verb has no speaker as its subject.
  if (PASSIVE_BEFORE.test(before)) return null;
  const spokes = /spokes/i.test(before) ? SPOKESPERSON_FOR.exec(before) : null;
  if (spokes) {
    const at = before.length - spokes[0].length + spokes[0].indexOf(spokes[1]);
    const named = mentions.find((m) => m.start - base === at);
    return named ? { kind: 'mention', mention: named } : { kind: 'body', name: spokes[1] };
  }
  const prior = mentions.filter((m) => m.end - base <= v).reverse();
  for (const m of prior) {
    const between = masked.slice(m.end - base, v);
    // A possessive or an object of a preposition ("officials in Lorsk said") is not the subject.
    const lead = masked.slice(Math.max(0, m.start - base - 20), m.start - base);
    if (m.possessive || PREPOSITION_BEFORE.test(lead)) continue;
    // "remains on hold after Russia demanded ...": a verb in a subordinate clause doesn't make the sentence X's.
    if (SUBORDINATE_BEFORE.test(lead)) return null;
    if (SUBJECT_LINKS.some((re) => re.test(between))) return { kind: 'mention', mention: m };
    if (CLOSES_APPOSITIVE.test(between) && /,\s*$/.test(masked.slice(0, m.start - base))) return { kind: 'mention', mention: m };
  }
  const pronoun = PRONOUN_BEFORE.exec(before);
  if (pronoun && PRONOUN.test(pronoun[1])) return { kind: 'pronoun' };
  const role = ROLE_BEFORE.exec(before);
  if (role) return { kind: 'role', noun: role[2], phrase: role[1].replace(/^The\b/, 'the') };
  const owned = /['’]s\s/.test(before) ? OWNED_ROLE_BEFORE.exec(before) : null;
  if (owned) return { kind: 'role', noun: owned[2], owned: owned[1] };
  const body = BODY_RE.exec(before);
  if (body) return { kind: 'body', name: body[1].replace(/^the\s+/i, '') };
  // "..., said Johan Strand" / "”, said the Kremlin": inverted after a quote or comma.
  if (/[,”"’]\s*$/.test(before)) {
    const after = masked.slice(verbEnd);
    const next = mentions.find((m) => {
      const gap = after.slice(0, m.start - base - verbEnd);
      if (m.start - base < verbEnd) return false;
      if (/^\s+(?:the\s+)?$/i.test(gap)) return true;
      // A role between verb and name is all lower case or title words ("regional civil protection commander").
      return m.kind === 'person' && INVERTED_ROLE.test(gap) && gap.trim().split(/\s+/).every((w) => /^\p{Ll}/u.test(w) || ROLE_WORDS.has(w));
    });
    if (next) return { kind: 'mention', mention: next };
    if (/^\s+(?:he|she)\b/i.test(after)) return { kind: 'pronoun' };
  }
  return null;
}

/** "according to X": the source named after the phrase. */
function accordingTo(masked: string, mentions: Mention[], base: number): Subject | null {
  const m = /\baccording to\s+(?:the\s+)?/i.exec(masked);
  if (!m) return null;
  const at = m.index + m[0].length;
  const mention = mentions.find((x) => x.start - base === at);
  if (mention) return { kind: 'mention', mention };
  // "according to the emergency services", "according to local health officials": up to the body noun.
  const words = /^(?:[\p{L}’'-]+\s+){0,3}[\p{L}’'-]+/u.exec(masked.slice(at))?.[0].split(/\s+/) ?? [];
  const head = words.findIndex((w) => BODY_NOUNS.has(w.toLowerCase()));
  if (head >= 0) return { kind: 'body', name: words.slice(0, head + 1).join(' ').replace(/^(?:a|an)\s+/i, '') };
  return null;
}

/**
 * The person a role refers to ("the prime minister" -> the person whose role ends in
 * "minister"; with `phrase`, whose role holds those words): the one named most recently before `before`, or null.
 */
function personByRole(noun: string, people: Person[], before: number, phrase?: string): string | null {
  let best: { name: string; at: number } | null = null;
  for (const p of people) {
    if (!p.role || !p.role.toLowerCase().split(/\s+/).includes(noun)) continue;
    if (phrase && !p.role.toLowerCase().includes(phrase)) continue;
    const at = Math.max(-1, ...p.evidence.filter((e) => e.start < before).map((e) => e.start));
    if (at >= 0 && (!best || at > best.at)) best = { name: p.name, at };
  }
  return best?.name ?? null;
}

function canonicalPerson(name: string, people: Person[]): string {
  for (const p of people) if (p.name === name || p.aliases.includes(name)) return p.name;
  for (const p of people) if (samePerson(name, p.name)) return p.name;
  return name;
}

interface Work {
  sentence: Sentence;
  masked: string;
  mentions: Mention[];
  /** The speaker the sentence's own words give (before quote continuation), and where its verb is. */
  own: string | null;
  verbAt: number;
  /** The person the sentence is about, for resolving a later "he said". */
  topicPerson: string | null;
}

const cache = new WeakMap<Sentence[], { spans: Span[][] }>();

function spansFor(input: AnalysisInput, sentences: Sentence[]): Span[][] {
  const hit = cache.get(sentences);
  if (hit) return hit.spans;
  const spans = input.paragraphs.map(quoteSpans);
  cache.set(sentences, { spans });
  return spans;
}

/**
 * Who speaks in each sentence, indexed by sentence index. `sentences` may be a subset of the
 * article's (the comparison passes only the paragraphs around its statements): the result
 * then holds entries for those sentences only, and context outside them is not consulted.
 */
export function attributeSentences(input: AnalysisInput, sentences: Sentence[], people: Person[]): SentenceAttribution[] {
  const allMentions = findMentions(input, sentences);
  const spans = spansFor(input, sentences);
  const starts = paragraphStarts(input.paragraphs);
  const bySentence = new Map<number, Mention[]>();
  for (const m of allMentions) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  const nameOf = (m: Mention): string => (m.kind === 'person' ? canonicalPerson(m.text, people) : m.text);
  const work: Work[] = [];

  const prominent = (index: number): string | null => {
    for (let k = index - 1; k >= Math.max(0, index - 4); k--) {
      const w = work[k];
      if (w?.topicPerson) return w.topicPerson;
    }
    return null;
  };

  for (const s of sentences) {
    const pSpans = spans[s.paragraph];
    const pStart = starts[s.paragraph];
    // Quote contents blanked out: the reporting frame is read outside the quotes only.
    let masked = s.text;
    for (const sp of pSpans) {
      const a = Math.max(sp.open + 1, s.start - pStart) - (s.start - pStart);
      const b = Math.min(sp.close - 1, s.end - pStart) - (s.start - pStart);
      if (b > a) masked = masked.slice(0, a) + ' '.repeat(b - a) + masked.slice(b);
    }
    const mentions = (bySentence.get(s.index) ?? []).filter((m) => masked.slice(m.start - s.start, m.end - s.start).trim() !== '');
    // "according to X" names the source of the whole sentence; otherwise the first verb with a subject.
    let subject: Subject | null = accordingTo(masked, mentions, s.start);
    let verbAt = subject ? masked.search(/according to/i) : -1;
    for (const v of subject ? [] : masked.matchAll(VERB_RE)) {
      const at = v.index ?? 0;
      if (v[0].toLowerCase() === 'pointed' && !/^\s+out\b/.test(masked.slice(at + v[0].length))) continue;
      const found = subjectOf(masked, at, at + v[0].length, mentions, s.start);
      // A pronoun with nobody to refer to is no speaker; keep looking.
      if (!found || (found.kind === 'pronoun' && !prominent(s.index))) continue;
      if (found.kind === 'role' && found.owned) {
        // "Israel’s prime minister" is the person whose role says "prime minister", else those words.
        const phrase = found.owned.replace(/^.*['’]s\s+/u, '').toLowerCase();
        const person = personByRole(found.noun, people, s.start, phrase);
        subject = person ? { kind: 'role', noun: found.noun, owned: phrase } : { kind: 'body', name: found.owned };
      } else if (found.kind === 'role' && !personByRole(found.noun, people, s.start)) {
        // "..., the chair said" with no chair named: the role is the best name the text gives the speaker.
        if (!found.phrase) continue;
        subject = { kind: 'body', name: found.phrase };
      } else subject = found;
      verbAt = at;
      break;
    }
    let own: string | null = null;
    if (subject?.kind === 'mention') own = nameOf(subject.mention);
    else if (subject?.kind === 'body') own = subject.name;
    else if (subject?.kind === 'role') own = personByRole(subject.noun, people, s.start, subject.owned);
    else if (subject?.kind === 'pronoun') own = prominent(s.index);
    const personMentions = mentions.filter((m) => m.kind === 'person');
    const subjectPerson = subject?.kind === 'mention' && subject.mention.kind === 'person' ? own : null;
    const firstPerson = personMentions.find((m) => !m.possessive) ?? personMentions[0];
    const topicPerson = subjectPerson ?? (subject?.kind === 'pronoun' || subject?.kind === 'role' ? own : null) ?? (firstPerson ? nameOf(firstPerson) : null);
    work[s.index] = { sentence: s, masked, mentions, own, verbAt, topicPerson };
  }

  // Quote spans take the speaker of the sentence that frames them.
  const result: SentenceAttribution[] = [];
  const byParagraph = new Map<number, Work[]>();
  for (const w of work) {
    if (!w) continue;
    // The own speaker still frames quotes ("Kellogg responded: “...”"), but without content the sentence is narration.
    const reported = w.own !== null && reportsContent(w.masked, w.verbAt);
    result[w.sentence.index] = { sentence: w.sentence.index, speaker: reported ? w.own : null, kind: reported ? 'indirect' : 'narration', quotes: [] };
    const list = byParagraph.get(w.sentence.paragraph) ?? [];
    list.push(w);
    byParagraph.set(w.sentence.paragraph, list);
  }
  let lastQuoteSpeaker: string | null = null;
  let lastQuoteParagraph = -2;
  input.paragraphs.forEach((_, p) => {
    const pStart = starts[p];
    const inParagraph = byParagraph.get(p) ?? [];
    let paragraphSpeaker: string | null = null;
    for (const sp of spans[p]) {
      const a = pStart + sp.open;
      const b = pStart + sp.close;
      const covering = inParagraph.filter((w) => w.sentence.start < b && w.sentence.end > a);
      if (covering.length === 0) continue;
      // A scare quote makes nobody's sentence direct speech; the sentence keeps its own reading.
      if (isScareQuote(input.paragraphs[p], sp, covering[0].sentence.start - pStart)) {
        const quoted = input.paragraphs[p].slice(sp.open + 1, sp.close - 1).trim();
        if (quoted && covering.length === 1) result[covering[0].sentence.index].quotes.push(quoted);
        continue;
      }
      const first = covering[0];
      const last = covering[covering.length - 1];
      let speaker: string | null;
      if (last.own && last.sentence.start + last.verbAt >= b - 1) speaker = last.own;
      else if (first.own && first.sentence.start + first.verbAt <= a) speaker = first.own;
      else speaker = covering.find((w) => w.own)?.own ?? null;
      const wholeParagraph = sp.open === 0 && !speaker;
      if (!speaker && paragraphSpeaker) speaker = paragraphSpeaker;
      if (!speaker && wholeParagraph && lastQuoteParagraph === p - 1) speaker = lastQuoteSpeaker;
      for (const w of covering) {
        const r = result[w.sentence.index];
        const from = Math.max(a + 1, w.sentence.start);
        const to = Math.min(b - (sp.close === input.paragraphs[p].length && !DOUBLE_MARKS.has(input.paragraphs[p][sp.close - 1]) ? 0 : 1), w.sentence.end);
        const quoted = input.paragraphs[p].slice(from - pStart, to - pStart).replace(/[\s"“”„«»]+$/u, '').trim();
        if (quoted) r.quotes.push(quoted);
        if (speaker && r.kind !== 'direct') {
          r.speaker = speaker;
          r.kind = 'direct';
        }
      }
      if (speaker) {
        paragraphSpeaker = speaker;
        lastQuoteSpeaker = speaker;
        lastQuoteParagraph = p;
      }
    }
  });
  return result;
}

/**
 * Quotes with their speakers: every direct quote with a speaker (or of four words or more),
 * one entry per quote span, plus every sentence of attributed indirect speech.
 */
export function extractQuotes(input: AnalysisInput, sentences: Sentence[], attributions: SentenceAttribution[]): Quote[] {
  const spans = spansFor(input, sentences);
  const starts = paragraphStarts(input.paragraphs);
  const quotes: Quote[] = [];
  const seen = new Set<number>();
  for (const s of sentences) {
    const att = attributions[s.index];
    if (!att) continue;
    const pStart = starts[s.paragraph];
    for (const sp of spans[s.paragraph]) {
      const a = pStart + sp.open;
      const b = pStart + sp.close;
      if (seen.has(a) || !(s.start < b && s.end > a)) continue;
      seen.add(a);
      if (isScareQuote(input.paragraphs[s.paragraph], sp, s.start - pStart)) continue;
      const text = input.paragraphs[s.paragraph].slice(sp.open + 1, sp.close).replace(/[\s"“”„«»,]+$/u, '').trim();
      if (!att.speaker && text.split(/\s+/).length < 4) continue;
      quotes.push({
        speaker: att.kind === 'direct' ? att.speaker : null,
        text,
        kind: 'direct',
        evidence: { sentence: s.index, paragraph: s.paragraph, start: a, end: b },
      });
    }
    if (att.kind === 'indirect' && att.speaker) {
      quotes.push({
        speaker: att.speaker,
        text: s.text,
        kind: 'indirect',
        evidence: { sentence: s.index, paragraph: s.paragraph, start: s.start, end: s.end },
      });
    }
  }
  return quotes;
}
