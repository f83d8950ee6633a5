import { isWhitespace } from '../library/markdown-text.js';
import { ROLE_NOUNS, looksDemonym, type NameMention } from './mentions.js';
import { ACT, DOCUMENT, ENACT, PHRASES, SAY } from './reporting-verbs.js';

/**
 * Reporting events: where a sentence's narration says that someone said something, and who.
 * Reads the sentence with its quotes masked, so names inside quotes never speak. Handles the
 * subject before its verb with appositions and relative clauses set off by commas ("Sowande, who met
 * Achieng in the capital, Lumasa, on Monday, said"), the inverted verb after a quote or a comma
 * ("…,” said Pieter van der Marlowe, the envoy"), "according to X", "X said in a statement",
 * "X reported the army as saying" (the army speaks), "X was quoted as saying", "X's account is that",
 * colon constructions ("put it plainly: …"), continuations without a subject ("and said",
 * "but insisted", ", adding that"), and the agentless passive ("was announced"), which is narration.
 */

export type VerbClass = 'say' | 'act' | 'enact';

export type SubjectRef =
  | { kind: 'name'; mention: NameMention; apposition: string | null }
  | { kind: 'pronoun'; word: 'he' | 'she' | 'it' | 'they' | 'we' | 'i' }
  | { kind: 'description'; text: string; roleNoun: string; demonym: string | null; name: NameMention | null }
  | { kind: 'body'; text: string }
  | { kind: 'unnamed'; text: string };

export interface ReportingEvent {
  /** Sentence-relative range of the verb (or of "according to"). */
  start: number;
  end: number;
  verb: string;
  cls: VerbClass;
  subject: SubjectRef | null;
  /** Shares the subject of the event before it in the sentence ("and said", ", adding that"). */
  continues: boolean;
  /** The verb introduces content: a clause, an object, a colon, or content before it. */
  content: boolean;
  /** Introduces what follows a colon ("said:", "put it bluntly:"). */
  colon: boolean;
}

const CLASS = new Map<string, VerbClass>();
for (const v of SAY) CLASS.set(v, 'say');
for (const v of ACT) CLASS.set(v, 'act');
for (const v of ENACT) CLASS.set(v, 'enact');
for (const [p, c] of PHRASES) CLASS.set(p, c);

/**
 * Where a reporting verb or phrase stands in a narration, left to right: what
 * `\b(?:ruled\s+out|…|said|…)\b` (flags gi, the longest alternative first) matches, found by reading
 * each ASCII word once and looking it up. The alternation was tried at every position of every
 * sentence, the largest single cost of reading a sentence.
 */
export function findVerbs(frame: string): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  const n = frame.length;
  let i = 0;
  while (i < n) {
    if (!isWordUnit(frame.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && isWordUnit(frame.charCodeAt(end))) end++;
    const word = frame.slice(i, end).toLowerCase();
    let matched = -1;
    for (const phrase of PHRASES_BY_FIRST_WORD.get(word) ?? []) {
      const after = phraseEnd(frame, end, phrase.rest);
      if (after >= 0) {
        matched = after;
        break;
      }
    }
    if (matched < 0 && SINGLE_VERBS.has(word)) matched = end;
    if (matched >= 0) {
      out.push({ index: i, text: frame.slice(i, matched) });
      i = matched;
    } else i = end;
  }
  return out;
}

/** A code unit of \w (without the u flag): what \b tells apart. */
export function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

const SINGLE_VERBS = new Set<string>([...SAY, ...ACT, ...ENACT]);

/** The phrases by their first word, longest first as the alternation tried them; `rest` follows one or more spaces. */
const PHRASES_BY_FIRST_WORD = new Map<string, { rest: string }[]>();
for (const [phrase] of [...PHRASES].sort((a, b) => b[0].length - a[0].length)) {
  const space = phrase.indexOf(' ');
  const first = phrase.slice(0, space);
  const list = PHRASES_BY_FIRST_WORD.get(first) ?? [];
  // Only the first space stood for \s+; the rest are single spaces.
  list.push({ rest: phrase.slice(space + 1) });
  PHRASES_BY_FIRST_WORD.set(first, list);
}

/** Where the phrase's rest ends when it follows `at` after whitespace and ends a word; else -1. */
function phraseEnd(frame: string, at: number, rest: string): number {
  let k = at;
  while (k < frame.length && /\s/.test(frame[k])) k++;
  if (k === at) return -1;
  if (k + rest.length > frame.length) return -1;
  // ASCII case only, as /i without u compares: no other letter folds to an ASCII one there.
  for (let j = 0; j < rest.length; j++) {
    const c = frame.charCodeAt(k + j);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== rest.charCodeAt(j)) return -1;
  }
  const end = k + rest.length;
  return end < frame.length && isWordUnit(frame.charCodeAt(end)) ? -1 : end;
}

/** Words that may stand between a subject and its verb ("has repeatedly said", "later declared"). */
const FILLERS = new Set(
  (
    'has have had would will could did does do also later first then still again further now once twice repeatedly personally ' +
    'publicly privately earlier immediately quickly separately subsequently yesterday today never not only just even himself herself ' +
    'itself themselves in turn however swiftly flatly firmly openly angrily calmly bluntly plainly'
  ).split(' '),
);
const PARTICIPLES = /^(?:saying|adding|insisting|warning|calling|ruling|accusing|urging|arguing|claiming|noting|stressing|vowing|denying|blaming|describing|rejecting|dismissing|telling)$/i;
/** A Map, not an object: a noun phrase such as "constructor" must not find Object's own properties. */
const PRONOUNS = new Map<string, SubjectRef & { kind: 'pronoun' }>(
  (['he', 'she', 'it', 'they', 'we', 'i'] as const).map((word) => [word, { kind: 'pronoun', word }]),
);
const ADVERBIAL = /^(?:in|on|at|by|for|from|with|without|after|before|when|while|since|as|if|during|despite|although|though|until|once|under|over|across|amid|asked|speaking|later|earlier|late|early|meanwhile|back|instead|for|through|throughout|within|to|like|unlike|standing|two|three|hours|days|weeks|yesterday|today|now|then|still|but|and|yet|so|also)\b/i;
const SUBORDINATE = /\b(?:after|because|since|when|while|before|until|although|though|if|unless|once|whereas|as|that|whether)\s+[^,]*$/i;
const INDEFINITE = /^(?:a|an|one|two|three|four|several|some|many|other|another|senior|unnamed|anonymous)\b/i;
/** Nouns that speak for a body ("the army", "state media", "the defence ministry", "the rebels' political wing"). */
export const BODY_HEADS = new Set(
  (
    'army military navy government ministry media wing office mission monitors agency authorities officials sources union company ' +
    'council committee police forces rebels guerrillas militants insurgents separatists fighters brigades group movement ' +
    'organisation organization coalition alliance junta regime cabinet presidency embassy delegation parliament court campaign ' +
    'chiefs commanders administration command staff service services spokesman spokeswoman spokesperson team observers negotiators ' +
    'mediators governments hospital prosecutors department'
  ).split(' '),
);

function verbClass(v: string): VerbClass {
  return CLASS.get(v.toLowerCase().replace(/\s+/g, ' ')) ?? 'say';
}

/** Split text at commas that are not inside brackets: the segments of a clause. */
function segments(text: string, base: number): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      out.push({ text: text.slice(from, i), start: base + from });
      from = i + 1;
    }
  }
  out.push({ text: text.slice(from), start: base + from });
  return out;
}

/** Strip the fillers right before a verb: "Foreign Minister Samir Khoury has repeatedly" -> "Foreign Minister Samir Khoury". */
function stripFillers(text: string): string {
  let t = text.replace(/\s+$/, '');
  for (;;) {
    const m = /(?:^|\s)([\p{L}]+)$/u.exec(t);
    if (!m) return t;
    const w = m[1].toLowerCase();
    if (!FILLERS.has(w) && !(w.endsWith('ly') && w.length > 4 && !/^(?:family|ally|italy|assembly|rally)$/.test(w))) return t;
    t = t.slice(0, t.length - m[0].length).replace(/\s+$/, '');
  }
}

/** Marks and spaces a noun phrase may open with, and close with: /^[\s"“”'‘’(—–-]+|[\s"“”'‘’)]+$/gu. */
const PHRASE_OPENERS = new Set('"“”\'‘’(—–-');
const PHRASE_CLOSERS = new Set('"“”\'‘’)');

/** The phrase without the marks and spaces around it, as that pattern's replace leaves it, read from both ends. */
export function trimPhrase(text: string): string {
  let from = 0;
  while (from < text.length && (PHRASE_OPENERS.has(text[from]) || isWhitespace(text.charCodeAt(from)))) from++;
  let to = text.length;
  while (to > from && (PHRASE_CLOSERS.has(text[to - 1]) || isWhitespace(text.charCodeAt(to - 1)))) to--;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

/** What a noun phrase names, read from its words and the name mentions inside it. */
export function readNounPhrase(text: string, start: number, names: readonly NameMention[], next: { text: string; start: number } | null): SubjectRef | null {
  const bare = trimPhrase(text)
    .replace(/^(?:but|and|yet|so|or)\s+/i, '')
    // A dateline before the subject: "CAIRO/ADEN (REUTERS) - Houthi fighters".
    .replace(/^\p{Lu}[\p{Lu}/ ,.'’-]*(?:\s*\(\p{Lu}[\p{Lu} ]+\))?\s+[-–—]+\s+/u, '')
    // "a Saudi defence ministry statement", "the army's statement": the body behind the document speaks.
    .replace(/^(?:a|an|the|its|their)\s+((?:[\p{L}-]+\s+){1,4}?)(?:statement|communiqu[eé]|release)$/iu, (x, body: string) => (/['’]s?\s*$/.test(body) ? body.replace(/['’]s?\s*$/, '') : body.trim()));
  // "the Arab coalition led by Saudi Arabia": the coalition speaks; who leads it only describes it.
  // Tried only where " by " is (no other letter folds to b or y under /iu).
  const np = /\sby\s/i.test(bare) ? bare.replace(/^((?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}?[\p{Ll}-]+)\s+(?:led|backed|headed|supported|run|controlled|funded|chaired)\s+by\s+.*$/iu, '$1') : bare;
  if (!np) return null;
  // "which both sides had described as ...": a relative clause, not the sentence's report.
  if (/^(?:which|that|what|whom|whose|where|when)\b/i.test(np)) return null;
  const offset = start + text.indexOf(np);
  const lower = np.toLowerCase();
  const pronoun = PRONOUNS.get(lower);
  if (pronoun) return pronoun;
  const inside = names.filter((m) => m.start >= offset - 1 && m.end <= offset + np.length + 1);
  // "Iranian-allied Houthi fighters in Yemen", "Hamas officials": a name before a body noun qualifies the body.
  const core = np.replace(/\s+(?:in|of|from|at|across|near)\s+.*$/iu, '');
  const coreHead = (/([\p{L}-]+)$/u.exec(core)?.[1] ?? '').toLowerCase();
  const qualifier = inside.find((m) => m.end - offset <= core.length - coreHead.length && /^\s+$/.test(core.slice(m.end - offset, core.length - coreHead.length)));
  if (qualifier && BODY_HEADS.has(coreHead) && !qualifier.possessive && !/^spokes/.test(coreHead)) return { kind: 'body', text: core };
  // A name at the head: nothing but a post-modifier after it ("Fatou Sowande of the ...", "X, 58").
  for (const m of inside) {
    const after = np.slice(m.end - offset).trim();
    const beforeName = np.slice(0, Math.max(0, m.start - offset)).trim();
    if (m.possessive) continue;
    // "the Egyptian and Qatari governments": a demonym that modifies what follows is not the speaker.
    if (after && looksDemonym(m.name)) continue;
    // "Egypt's state-linked Al Qahera News TV": an owner and an adjective before the name are part of the phrase.
    const ownedName = /^(?:the\s+)?\S+['’]s?(?:\s+[\p{Ll}-]+){1,2}$/u.test(beforeName);
    if (beforeName && !/^(?:the|a|an)$/i.test(beforeName) && !ownedName && m.kind !== 'person') continue;
    if (after === '' || /^(?:(?:of|from|for|in|at|and|who|which)\b|[(\d])/i.test(after)) return { kind: 'name', mention: m, apposition: null };
  }
  const appositive = next
    ? (names.find((m) => m.start >= next.start && m.end <= next.start + next.text.length && next.text.slice(0, m.start - next.start).trim() === '' && m.kind !== 'place' && !m.governed) ?? null)
    : null;
  // "A spokesperson for Nordhavn Terminals said": the body speaks.
  const forBody = /^(?:a|an|the)\s+spokes(?:man|woman|person)\s+for\s+(?:the\s+)?(.+)$/iu.exec(np);
  if (forBody) {
    const at = offset + np.length - forBody[1].length;
    const body = names.find((m) => m.start >= at - 1 && !m.possessive && m.kind !== 'place');
    if (body && body.kind !== 'person') return { kind: 'name', mention: body, apposition: null };
    if (!body) return { kind: 'body', text: forBody[1] };
  }
  // "A statement from the Velmar Council said", "a letter signed by X": the document's author speaks.
  const document = /^(?:a|an|the|its|their|his|her)\s+(?:\p{L}+\s+)?(?:statement|communiqu[eé]|letter|post|message|notice|release|bulletin)\s+(?:from|by|issued by|signed by)\s+(.+)$/iu.exec(np);
  if (document) return readNounPhrase(document[1], offset + np.length - document[1].length, names, null) ?? { kind: 'body', text: document[1] };
  if (DOCUMENT.test(np)) return { kind: 'body', text: np };
  // "the deputy head of the DPR militia", "the presidents of Ukraine and Russia": a role held in a body or place.
  const roleOf = /^(?:the|a|an|his|her|its|their)\s+((?:[\p{L}-]+\s+){0,2}?)([\p{L}-]+?)(s)?\s+(?:of|for|at|in)\s+\S/iu.exec(np);
  if (roleOf && ROLE_NOUNS.has(roleOf[2].toLowerCase()) && !roleOf[1].split(/\s+/).some((w) => /^\p{Lu}/u.test(w) && !looksDemonym(w))) {
    if (roleOf[3] || INDEFINITE.test(np)) return { kind: 'unnamed', text: np };
    return { kind: 'description', text: np, roleNoun: roleOf[2].toLowerCase(), demonym: np.split(/\s+/).find((w) => looksDemonym(w)) ?? null, name: appositive && appositive.kind === 'person' ? appositive : null };
  }
  // "Two other ceasefires agreed earlier": a thing is never a speaker.
  if (/^(?:the\s+|two\s+|other\s+|\p{L}+\s+)*(?:ceasefires?|truces?|deals?|agreements?|accords?|talks|plans?|proposals?|offers?|attacks?|strikes?|weapons|guns)$/iu.test(np)) return null;
  const words = np.split(/\s+/);
  const head = words[words.length - 1].toLowerCase().replace(/['’]s?$/, '');
  const det = words[0].toLowerCase();
  // "the Aldorian diplomat", "His spokeswoman", "the rebel commander" (with an appositive name, that name).
  if (ROLE_NOUNS.has(head) || /^(?:chief of staff|head of state)$/.test(words.slice(-3).join(' ').toLowerCase())) {
    if (INDEFINITE.test(det) && !appositive) return { kind: 'unnamed', text: np };
    const demonym = words.find((w) => looksDemonym(w)) ?? null;
    return { kind: 'description', text: np, roleNoun: head === 'staff' ? 'chief of staff' : head, demonym, name: appositive && appositive.kind === 'person' ? appositive : null };
  }
  // "The rebel groups left in Syria's Eastern Ghouta", "Residents of Port Vell": a plural common noun heads the
  // phrase and the names after its preposition only say where or whose; the group speaks, not the name.
  const firstName = inside.find((m) => !m.possessive) ?? inside[0];
  if (firstName) {
    const lead = np.slice(0, Math.max(0, firstName.start - offset));
    const headed = /^((?:the\s+)?(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+s)\s+(?:(?:left|based|living|stationed|fighting|gathered)\s+)?(?:in|of|from|at|across|near|inside|around)\s/iu.exec(lead);
    if (headed && !ROLE_NOUNS.has(headed[1].split(/\s+/).pop()!.toLowerCase().replace(/s$/, ''))) return { kind: 'body', text: headed[1] };
  }
  if (inside.some((m) => m.kind === 'person' && !m.possessive)) {
    const m = inside.find((x) => x.kind === 'person' && !x.possessive)!;
    return { kind: 'name', mention: m, apposition: null };
  }
  if (INDEFINITE.test(det)) return { kind: 'unnamed', text: np };
  if (BODY_HEADS.has(head) || /\bstate media$/i.test(lower)) return { kind: 'body', text: np };
  // "Army chiefs", "Government sources", "diplomats involved": a plural source without a name.
  if (/^(?:the\s+)?(?:[\p{L}-]+\s+){0,3}[\p{L}-]+s(?:\s+involved)?$/iu.test(np) && words.length <= 4 && !/^(?:the)$/i.test(det)) return { kind: 'unnamed', text: np };
  const named = inside.find((m) => !m.possessive && m.kind !== 'place');
  if (named && np.slice(named.end - offset).trim() === '') return { kind: 'name', mention: named, apposition: null };
  return null;
}

/** Does frame[from, to) hold a character every clause-start mark of subjectBefore needs (; : — ” " »)? */
function hasClauseMark(frame: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = frame.charCodeAt(i);
    if (c === 59 || c === 58 || c === 0x2014 || c === 0x201d || c === 34 || c === 0xbb) return true;
  }
  return false;
}

/** The subject of a verb at `v`, read back to the clause's start. */
/** How far back a subject is looked for: a clause longer than this is read from here (linear time on run-on text). */
const CLAUSE_REACH = 300;

function subjectBefore(frame: string, v: number, names: readonly NameMention[]): { subject: SubjectRef | null; continues: boolean } {
  const from = Math.max(0, v - CLAUSE_REACH);
  let c = from;
  // Clause starts: a semicolon, a colon, a dash, or the close of a speech quote (masked: spaces before its mark).
  // Only a window with one of those marks is scanned (most clauses have none).
  if (hasClauseMark(frame, from, v)) for (const m of frame.slice(from, v).matchAll(/[;:]|\s[”"»]\s*,?\s|—/g)) c = from + (m.index ?? 0) + m[0].length;
  const clause = frame.slice(c, v);
  const stripped = stripFillers(clause);
  // "and said", "but insisted": a continuation of the clause before.
  if (/(?:^|[\s,])(?:and|but|yet|or)$/i.test(stripped) || (stripped.trim() === '' && c > 0 && /,\s*$/.test(frame.slice(Math.max(0, c - 4), c)))) return { subject: null, continues: true };
  // "..., who said": the antecedent is before the comma.
  if (/,\s*who$/i.test(stripped)) {
    const prior = stripped.replace(/,\s*who$/i, '');
    const segs = segments(prior, c);
    const last = segs[segs.length - 1];
    return { subject: readNounPhrase(last.text, last.start, names, null), continues: false };
  }
  if (/^\s*$/.test(stripped)) return { subject: null, continues: false };
  // Passive: "was announced", "were told" — no speaker unless "by X" follows (read by the caller).
  if (/\b(?:was|were|been|being|is|are|be)$/i.test(stripped)) return { subject: null, continues: false };
  const segs = segments(stripped, c);
  const endsWithComma = /,\s*$/.test(clause.replace(/\s+$/, '')) || /,$/.test(stripped);
  let pick: number;
  if (endsWithComma || (segs.length > 1 && segs[segs.length - 1].text.trim() === '')) {
    // "X, the envoy, said" / "Sowande, who met ..., said": the first segment that is not an adverbial.
    pick = segs.findIndex((s) => s.text.trim() !== '' && !ADVERBIAL.test(s.text.trim()));
    if (pick < 0) return { subject: null, continues: false };
  } else pick = segs.length - 1;
  const seg = segs[pick];
  const trimmed = seg.text.trim();
  // "Asked whether her government had promised ...": a verb inside an opening adverbial has no subject here.
  if (pick === segs.length - 1 && segs.length > 0 && /^(?:asked|speaking|after|before|when|while|if|although|though|because|since|once|whether)\b/i.test(trimmed)) return { subject: null, continues: false };
  if (pick === segs.length - 1 && SUBORDINATE.test(` ${trimmed}`) && !/^(?:that|whether)\b/i.test(trimmed)) {
    // "after the NRM declared ..." — the verb sits in a subordinate clause.
    const m = /\b(?:after|because|since|when|while|before|until|although|though|if|unless|once|whereas|as)\s+(.*)$/i.exec(trimmed);
    if (m && m[1] && !/^(?:the\s+)?(?:[\p{Ll}-]+)$/u.test(m[1])) return { subject: null, continues: false };
  }
  // A clause with its own verb before ours ("The raid came two days after X declared") has no subject here.
  const lastWords = trimmed.split(/\s+/);
  if (lastWords.length > 9 && pick === segs.length - 1) {
    const tail = lastWords.slice(-6).join(' ');
    const ref = readNounPhrase(tail, seg.start + seg.text.lastIndexOf(tail), names, segs[pick + 1] ?? null);
    return { subject: ref && ref.kind !== 'unnamed' ? ref : null, continues: false };
  }
  return { subject: readNounPhrase(seg.text, seg.start, names, segs[pick + 1] ?? null), continues: false };
}

/** The subject after an inverted verb: "said Pieter van der Marlowe, the envoy", "said the town's mayor, Bohdan Kravets". */
function subjectAfter(frame: string, end: number, names: readonly NameMention[]): SubjectRef | null {
  const rest = frame.slice(end);
  const m = /^\s+((?:the\s+)?[^,.;:!?()]{1,80})/iu.exec(rest);
  if (!m) return null;
  let np = m[1];
  // Stop at an adjunct: "said Kravets on Wednesday", "said X in a statement".
  const cut = /\s(?:on|in|at|during|after|before|by|from|to|via|while|when)\s/i.exec(np);
  if (cut) np = np.slice(0, cut.index);
  const startAt = end + m[0].indexOf(m[1]);
  const after = frame.slice(startAt + np.length);
  // The apposition may follow the cut adjunct: "said the leader of the movement in the Gaza Strip, Khalil al-Haya".
  const next = /^(?:\s+(?:on|in|at|during|from)\s[^,.;]{1,60})?,\s*([^,.;]{1,80})/.exec(after);
  return readNounPhrase(np, startAt, names, next ? { text: next[1], start: startAt + np.length + next[0].indexOf(next[1]) } : null);
}

/** Does the verb introduce content, reading what follows it and what precedes its subject? */
function hasContent(frame: string, verbEnd: number, cls: VerbClass, verb: string, contentBefore: boolean): boolean {
  const after = frame.slice(verbEnd, verbEnd + 300);
  if (/^\s*:/.test(after) || /^[^.;]{0,60}?:\s*\S/.test(after) && /^put|^puts/i.test(verb)) return true;
  if (/^(?:\s+[\p{L}\d'’.,-]+){0,5}?\s+(?:that|whether|how|why|if)\b/iu.test(after)) return true;
  if (cls === 'enact') return false;
  if (contentBefore) return true;
  const words = after.match(/[\p{L}\d][\p{L}\d'’.-]*/gu) ?? [];
  if (words.length === 0) return false;
  const first = (words[0] ?? '').toLowerCase();
  if (/^(?:on|in|at|during|after|before|with|from|via|through|over|by|later|earlier|again|briefly|online|yesterday|today)$/.test(first)) {
    const clause = after.split(/[,.;]/)[0];
    return (clause.match(/[\p{L}\d]+/gu) ?? []).length >= 6;
  }
  if (/^(?:reporters|journalists|the press|lawmakers|parliament|the\s+\p{Lu})/iu.test(after.trim()) && !/\bthat\b/.test(after)) return /^(?:\s*\S+){1,4}\s+(?:to|the|a|an)\s/u.test(after) || words.length >= 3;
  return words.length >= 2;
}

/**
 * What every "X's account is that" holds, in a test without /u that is cheaper still: "is/was that", the long s
 * (ſ, which /iu folds to s) spelled out.
 */
const ACCOUNT_VERB = /(?:i|wa)[sſ]\s+that/i;

/** What every "X's account is that" holds: a cheap test before the full pattern (same flags, so never narrower). */
const ACCOUNT_NOUN = /\b(?:account|view|position|version|argument|claim|assessment|line|case)\s+(?:is|was)\s+that\b/iu;

/** What every "according to X" holds. */
const ACCORDING_TO = /according to/i;

/** What every "reported/quoted/cited X as saying/telling" holds. */
const AS_SAYING = /\sas\s+(?:saying|telling)\b/i;

/** What every "X was quoted as saying" holds (same flags as the full pattern, so never narrower). */
const QUOTED_AS_SAYING = /quoted\s+as\s+saying/i;

/** Every reporting event in one sentence's narration (quotes masked), left to right. */
export function findReportingEvents(frame: string, names: readonly NameMention[]): ReportingEvent[] {
  const events: ReportingEvent[] = [];
  // "according to X": the source named after the phrase.
  // Each scan below first asks, in one cheap test, for a literal every match holds (same flags, so never narrower).
  if (ACCORDING_TO.test(frame)) for (const m of frame.matchAll(/\baccording to\s+/gi)) {
    const start = m.index ?? 0;
    const from = start + m[0].length;
    const np = /^[^,.;:!?]{1,100}/.exec(frame.slice(from))?.[0] ?? '';
    // Stop at a time adjunct: "according to Al Qahera News TV on Monday".
    const cut = np.replace(/\s+(?:who|which|that)\s.*$/i, (x) => (/^\s+(?:who|which)/i.test(x) ? '' : x)).replace(/\s+(?:on|late|early|last|this)\s+(?:\p{Lu}\p{Ll}+day|night|week|month|morning|evening)\b.*$/u, '');
    const subject = readNounPhrase(cut, from, names, null) ?? (cut.trim() ? { kind: 'unnamed' as const, text: cut.trim() } : null);
    events.push({ start, end: from, verb: 'according to', cls: 'say', subject, continues: false, content: true, colon: false });
  }
  // "X's account/view/position is that ...". The lazy run before it is costly, so only where the noun phrase is.
  if (ACCOUNT_VERB.test(frame) && ACCOUNT_NOUN.test(frame)) for (const m of frame.matchAll(/\b((?:the\s+)?[\p{L}\s-]{1,40}?)['’]s?\s+(?:account|view|position|version|argument|claim|assessment|line|case)\s+(?:is|was)\s+that\b/giu)) {
    const subject = readNounPhrase(m[1], m.index ?? 0, names, null);
    if (subject) events.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, verb: 'account', cls: 'say', subject, continues: false, content: true, colon: false });
  }
  // "X reported the army as saying", "quoted the minister as saying": the one quoted speaks.
  if (AS_SAYING.test(frame)) for (const m of frame.matchAll(/\b(?:reported|quoted|cited)\s+((?:the\s+)?[^,.;]{1,60}?)\s+as\s+(?:saying|telling)\b/gi)) {
    const at = (m.index ?? 0) + m[0].indexOf(m[1]);
    const subject = readNounPhrase(m[1], at, names, null);
    if (subject) events.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, verb: 'quoted as saying', cls: 'say', subject, continues: false, content: true, colon: false });
  }
  // The lazy run from the start is tried at every position: only where the words are.
  const passiveQuoted = QUOTED_AS_SAYING.test(frame) ? /^(.*?)\s+(?:was|were)\s+quoted\s+as\s+saying\b/i.exec(frame) : null;
  if (passiveQuoted) {
    const subject = subjectBefore(frame, passiveQuoted[1].length + 1, names).subject;
    if (subject) events.push({ start: passiveQuoted[1].length + 1, end: passiveQuoted[0].length, verb: 'quoted as saying', cls: 'say', subject, continues: false, content: true, colon: false });
  }
  let reported = false;
  for (const m of findVerbs(frame)) {
    const start = m.index;
    const end = start + m.text.length;
    const verb = m.text.toLowerCase().replace(/\s+/g, ' ');
    if (events.some((e) => start >= e.start && start < e.end)) continue;
    const cls = verbClass(verb);
    // The words before the verb, in a bounded window (run-on text must stay linear).
    const before = frame.slice(Math.max(0, start - 200), start);
    // "put it": only with a colon after ("put it bluntly: ...").
    if (/^puts? it$/.test(verb) && !/^[^.;]{0,50}:/.test(frame.slice(end))) continue;
    if (verb === 'went further' && !/^[^.;]*?,\s*\p{L}+ing\b/u.test(frame.slice(end))) continue;
    // "states" is a verb only in lower case and before its content ("the ministry states that"), never "United States" or "member states".
    if (verb === 'states' && (m.text !== 'states' || !/^\s*(?:that\b|:|[“"])/.test(frame.slice(end)))) continue;
    // Nouns and adjectives that share a verb's spelling: "a senior official's claim", "the offer", "the order".
    if (/(?<!\p{L})(?:the|a|an|this|that|its|his|her|their|our|any|no|every|such|rebel|truce|ceasefire|peace)\s+$/iu.test(before) && !/ing$/.test(verb)) continue;
    if (/^(?:offer|order|claim|report|promise|pledge|demand|request|note|decree|broker|sign)$/.test(verb) && !/(?<!\p{L})(?:to|will|would|can|could|must|may|might|did|do|does|not|they|we|i|you)\s+$/iu.test(before)) continue;
    const space = verb.indexOf(' ');
    const participle = PARTICIPLES.test(space < 0 ? verb : verb.slice(0, space));
    if (participle) {
      // ", adding that", ", ruling out any talks": the participle shares the clause's subject.
      if (/,\s*$/.test(before) || /\b(?:and|while)\s+$/i.test(before)) events.push({ start, end, verb, cls, subject: null, continues: true, content: hasContent(frame, end, cls, verb, false), colon: /^\s*:/.test(frame.slice(end)) });
      continue;
    }
    // Passive: "the ceasefire was announced on television", "residents were told" — narration.
    if (/(?<!\p{L})(?:was|were|been|being|is|are|be|get|got)\s+(?:\p{L}+ly\s+)?$/iu.test(before)) {
      const by = /^\s+by\s+((?:the\s+)?[^,.;]{1,60})/i.exec(frame.slice(end));
      if (by && cls !== 'enact') {
        const subject = readNounPhrase(by[1], end + by[0].indexOf(by[1]), names, null);
        if (subject) events.push({ start, end, verb, cls, subject, continues: false, content: true, colon: false });
      }
      continue;
    }
    // "to say", "to sign": an infinitive is not a report.
    if (/(?<!\p{L})to\s+$/iu.test(before)) continue;
    const inverted = /(?:[,”"»]|[,”"»]\s*\p{L}+ly)\s*$/u.test(before) && !/\b(?:and|but)\s*,?\s*$/i.test(before);
    // A verb inside the content of a report already read ("said that Y promised ...") is not a report of its own.
    const found = subjectBefore(frame, start, names);
    if (!found.continues && reported) continue;
    let subject: SubjectRef | null = found.subject;
    if (!subject && inverted) subject = subjectAfter(frame, end, names);
    const continues = !subject && found.continues && events.length > 0;
    if (!subject && !continues) continue;
    // The sentence's opening (bounded) decides whether what comes before the last comma is content or an adverbial.
    const opening = frame.slice(0, Math.min(start, 200));
    const contentBefore = inverted || /\w.*,\s*(?:[^,]{0,120})$/.test(before) && !ADVERBIAL.test(opening.trim()) && opening.split(',')[0].trim().split(/\s+/).length >= 3;
    const colon = /^[^.;"“]{0,60}:\s*\S/.test(frame.slice(end)) || /^\s*:/.test(frame.slice(end));
    const content = colon || hasContent(frame, end, cls, verb, contentBefore);
    if (content) reported = true;
    events.push({ start, end, verb, cls, subject, continues, content, colon });
  }
  // "According to Al Qahera, the head of the information service said, ...": the one who said it speaks; the outlet only relays.
  const according = events.filter((e) => e.verb === 'according to');
  for (const a of according) {
    if (events.some((e) => e !== a && e.start > a.end && e.subject && e.content && e.verb !== 'according to')) a.content = false;
  }
  return events.sort((a, b) => a.start - b.start);
}
