import type { AnalysisInput, Evidence, NamedEntity, Person, Sentence } from './types.js';
import { editDistance } from '../library/find.js';
import {
  BODY_NOUNS, DEMONYMS, KNOWN_PLACES, MEDIA, MONTHS, ORG_LEADS, ORG_WORDS, PERSON_VERBS, PLACE_ALIASES, PLACE_CUES, PLACE_NOUNS_AFTER, PLACE_PREFIXES,
  PLACE_WORDS, PROPER_ORG_WORDS, PersonIndex, REPORTING_VERBS, ROLE_NOUNS, ROLE_WORDS, STOP_CAPS, TIME_WORDS, VERB_FILLERS,
  WEEKDAYS, cleanName, foldAccents, looksDemonym, samePerson,
} from './names.js';

/**
 * People, places and organisations from capitalisation and context, without a gazetteer
 * of names and without an NLP model's named-entity recogniser: hidden test articles
 * are about conflicts nobody listed. A capitalised run is classified by the words inside
 * it (titles, "Ministry", "Sea"), the words around it ("in X", "X said", "city of X"),
 * and what the rest of the article says about the same word.
 */

export type MentionKind = 'person' | 'place' | 'org';

export interface Mention {
  kind: MentionKind;
  /** The name as written, cleaned (no role, no possessive). */
  text: string;
  role: string | null;
  /** Absolute character range of the name in the article text. */
  start: number;
  end: number;
  sentence: number;
  paragraph: number;
  possessive: boolean;
  /** The fuller name this form stands for when it is a nickname ("El Gato" for Teodoro Quesada). */
  refersTo?: string;
  /** A nickname written inside this name (Rodrigo "El Flaco" Marin). */
  nickname?: string;
  /** Read from a dateline in capitals ("PORT ALMA —"): shown in another mention's spelling when there is one. */
  dateline?: boolean;
}

interface Token {
  text: string;
  start: number;
  end: number;
  possessive: boolean;
  cap: boolean;
  initial: boolean;
  /** Second half of a split hyphenated pair ("Putin" in "Trump-Putin"): starts a new run. */
  split?: boolean;
  /** A quoted nickname sits right before this token inside one name (Rodrigo "El Flaco" Marin). */
  afterNickname?: string;
}

interface Run {
  tokens: Token[];
  sentence: Sentence;
}

/**
 * Only the words that can be part of a name are tokens: capitalised words (with dotted
 * acronyms, title abbreviations and initials), and the lower-case connectors that may sit
 * inside one ("of", "von", "al"). Lower-case prose is skipped; runs break on the gaps.
 */
const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|(?:St|Mt|Ft|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Sgt|Capt|Maj|Adm|Gov|Sen|Rep|Prof|Rev|Brig|Jr|Sr)\.|\p{Lu}\.(?=\s)|(?<![\p{L}\p{M}'’-])(?:(?:al|el|bin|ibn|abu)-)?\p{Lu}(?:[\p{L}\p{M}'’-]*[\p{L}\p{M}])?|(?<![\p{L}\p{M}'’-])(?:of|for|von|van|der|den|de|del|della|da|bin|ibn|al|la|le|du|dos|das|di)(?![\p{L}\p{M}'’-])/gu;
/**
 * TOKEN_RE for text whose letters are all ASCII, without the 'u' flag: the same tokens, several
 * times faster (V8's unicode-mode lookbehinds and classes are slow), and most English copy qualifies.
 */
const ASCII_TOKEN_RE =
  /(?:[A-Z]\.){2,}|(?:St|Mt|Ft|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Sgt|Capt|Maj|Adm|Gov|Sen|Rep|Prof|Rev|Brig|Jr|Sr)\.|[A-Z]\.(?=\s)|(?<![A-Za-z'’-])(?:(?:al|el|bin|ibn|abu)-)?[A-Z](?:[A-Za-z'’-]*[A-Za-z])?|(?<![A-Za-z'’-])(?:of|for|von|van|der|den|de|del|della|da|bin|ibn|al|la|le|du|dos|das|di)(?![A-Za-z'’-])/g;
/** Any character that could be a letter or mark outside ASCII (punctuation like “ ” ’ — … is fine). */
const NON_ASCII_LETTER = /[^\x00-\x7f\u00a0\u2010-\u2027\u2030-\u205e]/;
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'da', 'bin', 'ibn', 'al', 'la', 'le', 'du', 'dos', 'das', 'di']);

function isUpperChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Capitalised, or an Arabic name with its article ("al-Burhan"). Plain char tests: this runs per token. */
function isCapWord(w: string): boolean {
  if (isUpperChar(w[0])) return true;
  const dash = w.indexOf('-');
  return dash > 0 && dash <= 3 && /^(?:al|el|bin|ibn|abu)-/.test(w) && isUpperChar(w[dash + 1]);
}

function isAcronym(w: string): boolean {
  return /^\p{Lu}[\p{Lu}\d&]+$/u.test(w) && w.length <= 6;
}

/** Split "Trump-Putin" when both halves stand alone elsewhere; keep "Jean-Luc" and "al-Assad". */
function splitHyphen(word: string, standalone: Set<string>): string[] {
  if (!word.includes('-')) return [word];
  const parts = word.split('-');
  if (/^(?:al|el|bin|ibn|abu)$/i.test(parts[0])) return [word];
  if (parts.every((p) => isCapWord(p) && standalone.has(p))) return parts;
  // "Shahed-type", "Russian-occupied": only the capitalised head can be a name.
  if (isCapWord(parts[0]) && !isCapWord(parts[parts.length - 1])) return [parts[0]];
  if (!isCapWord(parts[0])) return [];
  return [word];
}

interface RawToken {
  word: string;
  start: number;
  possessive: boolean;
  initial: boolean;
}

/** Name-like words of a sentence, before hyphenated pairs are split. */
function rawTokens(sentence: Sentence): RawToken[] {
  const out: RawToken[] = [];
  const text = sentence.text;
  let first = true;
  for (const m of text.matchAll(NON_ASCII_LETTER.test(text) ? TOKEN_RE : ASCII_TOKEN_RE)) {
    const index = m.index ?? 0;
    // Sentence-initial: nothing but marks before it ("“Russia appears", "... History shows").
    const initial = first && !/[\p{L}\d]/u.test(text.slice(0, index));
    first = false;
    let word = m[0];
    let possessive = false;
    if (word.length > 2 && (word.endsWith("'s") || word.endsWith('’s'))) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (word.endsWith("'") || word.endsWith('’')) {
      word = word.slice(0, -1);
    }
    out.push({ word, start: sentence.start + index, possessive, initial });
  }
  return out;
}

function tokenize(raw: RawToken[], standalone: Set<string>): Token[] {
  const tokens: Token[] = [];
  for (const r of raw) {
    const parts = splitHyphen(r.word, standalone);
    let offset = 0;
    parts.forEach((part, i) => {
      const at = r.word.indexOf(part, offset);
      offset = at + part.length;
      tokens.push({
        text: part,
        start: r.start + at,
        end: r.start + at + part.length,
        possessive: r.possessive && i === parts.length - 1,
        cap: isCapWord(part),
        initial: r.initial && i === 0,
        split: i > 0,
      });
    });
  }
  return tokens;
}

function joinable(run: Token[]): boolean {
  return run.some((t) => ORG_WORDS.has(t.text) || PLACE_WORDS.has(t.text));
}

/** Is the text between two tokens a plain space, so they can belong to one name? */
function adjacent(text: string, base: number, a: Token, b: Token): boolean {
  const gap = b.start - a.end;
  if (gap < 1 || gap > 2) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text[i - base];
    if (c !== ' ' && c !== '\u00a0' && c !== '\n') return false;
  }
  return true;
}

/** A quoted nickname between two parts of one name: ` "El Flaco" ` in Rodrigo "El Flaco" Marin. */
const NICKNAME_AHEAD = /^ ["“]((?:\p{Lu}[\p{L}\p{M}'’.-]*)(?: \p{Lu}[\p{L}\p{M}'’.-]*){0,2})["”] (?=\p{Lu})/u;

/**
 * Consecutive capitalised words, joined over name particles (one or more: "van der", "de la"),
 * over a quoted nickname inside a name, and, inside organisation names, over "of"/"for".
 */
function buildRuns(sentence: Sentence, tokens: Token[]): Run[] {
  const runs: Run[] = [];
  const text = sentence.text;
  const base = sentence.start;
  let cur: Token[] = [];
  const flush = (): void => {
    if (cur.length > 0) runs.push({ tokens: cur, sentence });
    cur = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i];
    const prev = cur[cur.length - 1];
    if (prev?.cap && !prev.possessive && text.charCodeAt(prev.end - base) === 32) {
      const nickname = NICKNAME_AHEAD.exec(text.slice(prev.end - base, prev.end - base + 50));
      if (nickname) {
        // Skip the nickname's own tokens; the name goes on after it.
        const resume = prev.end + nickname[0].length;
        let k = i;
        while (k < tokens.length && tokens[k].start < resume) k++;
        if (tokens[k]?.start === resume && tokens[k].cap) {
          i = k;
          t = { ...tokens[k], afterNickname: nickname[1] };
          cur.push(t);
          if (t.possessive) flush();
          continue;
        }
      }
    }
    if (prev && (t.split || !adjacent(text, base, prev, t))) flush();
    if (t.cap) {
      cur.push(t);
      if (t.possessive) flush();
      continue;
    }
    if (cur.length > 0 && PARTICLES.has(t.text)) {
      // "van der Marlowe", "de la Fontaine": a chain of particles joins when a capitalised word ends it.
      let k = i;
      while (k + 1 < tokens.length && PARTICLES.has(tokens[k + 1].text) && !tokens[k + 1].cap && adjacent(text, base, tokens[k], tokens[k + 1])) k++;
      const after = tokens[k + 1];
      if (after?.cap && adjacent(text, base, tokens[k], after)) {
        cur.push(t);
        continue;
      }
    }
    const next = tokens[i + 1];
    const joins = cur.length > 0 && next?.cap === true && adjacent(text, base, t, next) &&
      (t.text === 'of' || t.text === 'for') && (joinable(cur) || ORG_WORDS.has(next.text));
    if (joins) cur.push(t);
    else flush();
  }
  flush();
  return runs;
}

/** The run's words as written (a nickname inside left out). Tokens are already clean, so no cleanName. */
function nameOf(tokens: Token[], text: string): string {
  if (tokens.some((t) => t.afterNickname)) return tokens.map((t) => t.text).join(' ');
  const raw = text.slice(tokens[0].start, tokens[tokens.length - 1].end);
  return raw.includes('\n') || raw.includes('  ') ? raw.replace(/\s+/g, ' ') : raw;
}

interface Candidate {
  kind: MentionKind | 'unknown';
  tokens: Token[];
  role: Token[];
  sentence: Sentence;
  /** Words right before and after the run, for context cues. */
  before: string;
  after: string;
  /** The cleaned name, computed once. */
  name?: string;
}

function candidateName(c: Candidate, text: string): string {
  if (c.name === undefined) c.name = nameOf(c.tokens, text);
  return c.name;
}

function isPlaceName(name: string): boolean {
  return KNOWN_PLACES.has(name);
}

/** A title's head word, capitalised as titles are ("Minister", "Commander", "Mediator"). */
function isTitleWord(w: string): boolean {
  return (ROLE_WORDS.has(w) && !ROLE_MODIFIERS.has(w)) || (/^\p{Lu}\p{Ll}/u.test(w) && ROLE_NOUNS.has(w.toLowerCase()));
}

/** Role words that qualify a title rather than head it ("Foreign", "Acting"): never the end of a role. */
const ROLE_MODIFIERS = new Set(['Vice', 'Special', 'Foreign', 'Defence', 'Defense', 'Treasury', 'Deputy', 'Interior', 'Finance', 'Economy', 'Energy', 'Health', 'Justice', 'Home', 'Trade', 'Culture', 'Field', 'Staff', 'Acting', 'Former', 'Prime', 'Chief', 'Head']);

function isRoleStart(tokens: Token[], i: number): boolean {
  const t = tokens[i].text;
  if (ROLE_WORDS.has(t)) return true;
  // "Russian President", "U.S. Secretary": a demonym or country before a title is part of the role.
  const next = tokens[i + 1];
  // "CIA Director", "NATO Secretary-General": an acronym before a title is part of the role too.
  return next !== undefined && ROLE_WORDS.has(next.text) && (looksDemonym(t) || isPlaceName(t) || isAcronym(t));
}

/** What classifying a run needs to know about the whole article. */
interface ArticleContext {
  /** Capitalised words seen away from a sentence start. */
  midCaps: Set<string>;
  /** Demonyms of the article's own places (demonym -> place). */
  demonyms: Map<string, string>;
  /** Places the article shows by datelines and demonyms, before any run is read. */
  places: Set<string>;
}

function classify(run: Run, text: string, ctx: ArticleContext): Candidate | null {
  const { midCaps, demonyms } = ctx;
  const isPlace = (name: string): boolean => isPlaceName(name) || ctx.places.has(name);
  let tokens = run.tokens;
  const sentence = run.sentence;
  const after = text.slice(tokens[tokens.length - 1].end, Math.min(sentence.end, tokens[tokens.length - 1].end + 60));
  if (tokens[0].initial) {
    const w = tokens[0].text;
    if (STOP_CAPS.has(w.toLowerCase()) || MONTHS.has(w) || WEEKDAYS.has(w)) tokens = tokens.slice(1);
    // "Critics said", "Residents fled": a plural common noun capitalised only by position.
    // "Mediators Egypt and Qatar": nor is it the start of the name after it.
    else if (!midCaps.has(w) && /\p{Ll}s$/u.test(w) && !isPlace(w) && !MEDIA.has(w) && looksCommonPlural(w, text)) {
      if (tokens.length === 1) return null;
      tokens = tokens.slice(1);
    }
    // "Army chief ...": a generic organisation word capitalised only by position names no body.
    else if (tokens.length === 1 && !midCaps.has(w) && ORG_WORDS.has(w) && !PROPER_ORG_WORDS.has(w)) return null;
    else if (tokens.length === 1 && !midCaps.has(w) && !reportingVerbAhead(after) && !isPlace(w) && !MEDIA.has(w) && !ORG_WORDS.has(w) && !(tokens[0].possessive && GOVERNED.test(after))) return null;
  }
  // "The Hollin Dockers's Union", "the Marenzan army" quoted or mid-title: "The" is not part of a name.
  if (tokens.length > 1 && tokens[0].text === 'The' && !isPlace(nameOf(tokens, text))) tokens = tokens.slice(1);
  // Dates are not entities: cut months and weekdays from the ends ("Sept", "Friday").
  while (tokens.length > 0 && (MONTHS.has(tokens[0].text) || WEEKDAYS.has(tokens[0].text) || PARTICLES.has(tokens[0].text))) tokens = tokens.slice(1);
  while (tokens.length > 0 && (MONTHS.has(tokens[tokens.length - 1].text) || WEEKDAYS.has(tokens[tokens.length - 1].text) || ['of', 'for'].includes(tokens[tokens.length - 1].text))) tokens = tokens.slice(0, -1);
  if (tokens.length === 0) return null;
  const before = text.slice(Math.max(sentence.start, tokens[0].start - 60), tokens[0].start);
  const words = tokens.map((t) => t.text);
  const name = nameOf(tokens, text);
  const base = { tokens, role: [] as Token[], sentence, before, after, name };

  if (words.length === 1 && words[0].length === 1) return null;
  if (words.some((w) => TIME_WORDS.has(w))) return null;
  // "Donetsk People's Republic", "the People's Liberation Army": a possessive run that a body's word completes.
  if (tokens[tokens.length - 1].possessive && /^(?:['’]s?)?\s+(?:\p{Lu}\p{Ll}+\s+){0,2}(?:Republic|Party|Front|Army|Movement|Union|Council|Congress|Assembly|Liberation)\b/u.test(after)) return { ...base, kind: 'org' };
  if (isPlace(name)) return { ...base, kind: 'place' };
  // "Foreign Ministry", "Defence Council": a title word before an organisation word is part of its name.
  // "Defense Council Andrei Lysenko": a body's name, then a person's; the person is the mention.
  const orgAt = words.findIndex((w) => ORG_WORDS.has(w));
  const afterOrg = tokens.slice(orgAt + 1);
  if (orgAt >= 0 && afterOrg.length >= 2 && afterOrg.length <= 3 && afterOrg.every((t) => t.cap && !ORG_WORDS.has(t.text) && !PLACE_WORDS.has(t.text))) {
    return { ...base, kind: 'person', tokens: afterOrg, role: [], name: undefined };
  }
  if (words.some((w) => ORG_WORDS.has(w)) && (!ROLE_WORDS.has(words[0]) || ORG_WORDS.has(words[words.length - 1]))) return { ...base, kind: 'org' };
  if (words.length >= 2 && ORG_LEADS.has(words[0])) return { ...base, kind: 'org' };
  if (words.length === 1 && (MEDIA.has(words[0]) || (isAcronym(words[0]) && !isPlace(words[0])))) return { ...base, kind: 'org' };
  if (words.some((w) => PLACE_WORDS.has(w)) || /^(?:St|Mt|Ft)\.$/.test(words[0])) return { ...base, kind: 'place' };
  // "Cape Dunmore", "Puerto Verde", "Upper Taliq", "Jebel Sarif": a geographic word opening the name.
  if (words.length >= 2 && words.length <= 4 && PLACE_PREFIXES.has(words[0])) return { ...base, kind: 'place' };

  // "Secretary of State John Kerry", "Minister of Defence Ana Moro": the words after "of" belong to the title.
  const titleOf = /\b(\p{Lu}\p{Ll}+)\s+of\s+(?:the\s+)?$/u.exec(before);
  if (titleOf && isTitleWord(titleOf[1]) && tokens.length >= 3 && tokens.slice(1).every((t) => t.cap)) {
    const titleStart = tokens[0].start - before.length + titleOf.index;
    return { ...base, kind: 'person', tokens: tokens.slice(1), role: [{ ...tokens[0], start: titleStart }], name: undefined };
  }
  // A title before a name is the person's role ("Special Envoy Keith Kellogg").
  let r = 0;
  while (r < tokens.length && isRoleStart(tokens, r)) r++;
  // "Information Minister Kwabena Owusu", "Station Commander Alun Pryce", "Mediator Fatou Sowande":
  // capitalised words up to the last title word are the role, whatever qualifies the title.
  if (r === 0) {
    for (let j = Math.min(tokens.length - 2, 3); j >= 0; j--) {
      if (isTitleWord(tokens[j].text)) {
        if (tokens.slice(0, j).every((t) => t.cap)) r = j + 1;
        break;
      }
    }
  }
  if (r > 0) {
    const rest = tokens.slice(r);
    if (rest.length === 0 || rest.some((t) => !t.cap && !PARTICLES.has(t.text))) return null;
    return { ...base, kind: 'person', tokens: rest, role: tokens.slice(0, r), name: undefined };
  }
  if (DEMONYMS.has(words[0]) || demonyms.has(words[0])) {
    if (words.length === 1) return null;
    return classify({ tokens: tokens.slice(1), sentence }, text, ctx);
  }
  if (words.length === 1 && STOP_CAPS.has(words[0].toLowerCase())) return null;
  if (SPOKESPERSON_FOR.test(before)) return { ...base, kind: 'org' };
  // "reporting for Al Jazeera", "a correspondent for the Vell Courier": an outlet, not a person.
  if (/\b(?:reporting|writing|correspondent|reporter|editor)\s+(?:for|with|at)\s+(?:the\s+)?$/i.test(before)) return { ...base, kind: 'org' };
  if (words.length >= 2 && words.length <= 5) {
    if (PLACE_CUES.some((re) => re.test(before))) return { ...base, kind: 'place' };
    if (words.some((w) => isAcronym(w) || /^\d/.test(w))) return null;
    // "The Hollin Dockers", "Littoral Community": a common noun the article writes in lower case
    // ends a body or a group, never a person's name.
    const last = words[words.length - 1];
    if (/(?:s|men)$/.test(last) && lowerCaseWords(text).has(last.toLowerCase())) return null;
    return { ...base, kind: 'person' };
  }
  if (words.length === 1) return { ...base, kind: 'unknown' };
  return null;
}

/** Endings of English plural nouns ("Critics", "Officials", "Residents"), which names like "Hamas" or "Roberts" lack. */
const PLURAL_ENDING = /(?:ers|ors|ists|ics|ents|ants|ians|ees|ies|als|ives|ops|sts|sses|ces|ges|les|nes|tes|des)$/;

/** "Critics said": a plural common noun capitalised only by position, not a name ("Hamas said"). */
function looksCommonPlural(word: string, text: string): boolean {
  const lower = word.toLowerCase();
  if (BODY_NOUNS.has(lower) || PLURAL_ENDING.test(word)) return true;
  // Written in lower case elsewhere in the article: a common noun.
  return lowerCaseWords(text).has(lower);
}

const lowerWordsCache = new Map<string, Set<string>>();

/**
 * Every word of the text written in lower case, read once per article: testing a word against
 * the whole text each time it is met made the entity pass quadratic in the article's length.
 */
function lowerCaseWords(text: string): Set<string> {
  const hit = lowerWordsCache.get(text);
  if (hit) return hit;
  const words = new Set<string>();
  for (const m of text.matchAll(/\p{L}+/gu)) if (m[0] === m[0].toLowerCase()) words.add(m[0]);
  // One article at a time: the previous article's words are never needed again.
  lowerWordsCache.clear();
  lowerWordsCache.set(text, words);
  return words;
}

/** "a spokesperson for Nordhavn Terminals": what a spokesperson speaks for is a body. */
const SPOKESPERSON_FOR = /\bspokes(?:man|woman|person)\s+for\s+(?:the\s+)?$/i;

/** Is a verb that takes a person as subject the next word after optional fillers ("Volkov still wants")? */
function personVerbAhead(after: string): boolean {
  const m = /^((?:\s+[\p{L}]+){1,3})/u.exec(after);
  if (!m) return false;
  for (const w of m[1].trim().split(/\s+/)) {
    const lw = w.toLowerCase();
    if (PERSON_VERBS.has(lw)) return true;
    if (!VERB_FILLERS.has(lw) && !lw.endsWith('ly') && lw !== 'still') return false;
  }
  return false;
}

/** Does the article use a demonym made from this word ("Varnian" beside "Varnia")? Then the word is a place. */
function hasDemonymOf(name: string, words: Set<string>): boolean {
  const stem = name.slice(0, Math.max(4, name.length - 2));
  for (const w of words) if (w !== name && w.startsWith(stem) && looksDemonym(w)) return true;
  return false;
}

/** Is a reporting verb the next word after optional fillers ("has repeatedly said")? */
export function reportingVerbAhead(after: string): boolean {
  const m = /^(?:\s*,[^,]{1,80},(?:[^,]{1,80},)?)?((?:\s+[\p{L}]+){1,4})/u.exec(after);
  if (!m) return false;
  for (const w of m[1].trim().split(/\s+/)) {
    const lw = w.toLowerCase();
    if (REPORTING_VERBS.has(lw) || lw === 'pointed') return true;
    if (!VERB_FILLERS.has(lw) && !lw.endsWith('ly')) return false;
  }
  return false;
}

/** Does the context mark a single word as a place: "in X", "X region", "X and several other regions"? */
function placeContext(c: Candidate, places: Set<string>): boolean {
  if (PLACE_CUES.some((re) => re.test(c.before))) return true;
  const next = /^\s+([\p{L}]+)/u.exec(c.after)?.[1];
  if (next && PLACE_NOUNS_AFTER.has(next)) return true;
  if (/^\s+and\s+(?:[\p{Ll}]+\s+){0,2}(?:regions|cities|towns|villages|areas|provinces|districts|oblasts|countries|capitals)\b/u.test(c.after)) return true;
  const coordAfter = /^\s*(?:,|and|or)\s+(\p{Lu}[\p{L}]+)/u.exec(c.after)?.[1];
  const coordBefore = /(\p{Lu}[\p{L}]+)(?:['’]s)?\s*(?:,|and|or)\s*$/u.exec(c.before)?.[1];
  return (coordAfter !== undefined && places.has(coordAfter)) || (coordBefore !== undefined && places.has(coordBefore));
}

/** The run of `chars` that ends `text` (code point by code point), e.g. the last word. */
function trailingWord(text: string, chars: RegExp): string {
  const points = [...text.slice(-40)];
  let i = points.length;
  while (i > 0 && chars.test(points[i - 1])) i--;
  return points.slice(i).join('');
}

/** A role given beside the name: "X, his close associate," or "Pellin's prime minister, X". */
function appositiveRole(c: Candidate, text: string): string | null {
  // Cheap test first: an appositive always sits next to a comma.
  const lastEnd = c.tokens[c.tokens.length - 1].end;
  const commaAfter = /^\s*,/.test(text.slice(lastEnd, lastEnd + 3));
  // The regexes below end in `$` but scan from the start: decide from the last characters first.
  const trimmed = c.before.trimEnd();
  if (!commaAfter && !/(?:,|\p{Ll})$/u.test(trimmed.slice(-2))) return null;
  const nounRe = /(\p{L}+)$/u;
  const post = /^\s*,\s*((?:his|her|their|its|the|a|an|(?:[\p{Lu}][\p{L}.]*\s+)*[\p{Lu}][\p{L}.]*['’]s)\s+[^,.;:]{2,80}?)\s*[,.;]/u.exec(
    text.slice(c.tokens[c.tokens.length - 1].end, c.sentence.end),
  );
  // "According to X, the head of the service said, …": a phrase ending in a reporting verb is the next clause's subject.
  if (post && !REPORTING_VERBS.has((/(\p{L}+)\s*$/u.exec(post[1])?.[1] ?? '').toLowerCase()) && !/\baccording to\s*$/i.test(c.before)) {
    const phrase = post[1].replace(/^(?:his|her|their|its|the|a|an|(?:[\p{Lu}][\p{L}.]*\s+)*[\p{Lu}][\p{L}.]*['’]s)\s+/u, '');
    const head = phrase.replace(/\s+(?:for|of|to|in|at)\s+.*$/u, '');
    const last = nounRe.exec(head)?.[1] ?? '';
    if (ROLE_NOUNS.has(last.toLowerCase()) || ROLE_WORDS.has(last)) return phrase;
  }
  // "Hamas official Osama Hamdan", "the envoy Ana Moro": a lower-case role right before the name.
  const bare = trimmed.length < c.before.length && ROLE_NOUNS.has(trailingWord(trimmed, /[a-z-]/))
    ? /((?:\p{Lu}[\p{L}-]*\s+)?(?:[a-z-]+\s+)?([a-z-]+))\s+$/u.exec(c.before)
    : null;
  // A preposition or conjunction before the role is not part of it: "with spokesman X" is "spokesman".
  if (bare && ROLE_NOUNS.has(bare[2])) return bare[1].replace(/^(?:the|a|an|his|her|their|its)\s+/i, '').replace(/^(?:with|and|by|for|to|from|of|in|on|at|as|said|says|told)\s+/i, '');
  if (!trimmed.endsWith(',')) return null;
  if (!ROLE_NOUNS.has(trailingWord(trimmed.slice(0, -1).trimEnd(), /[\p{L}-]/u).toLowerCase())) return null;
  const pre = /(?:(?:\p{Lu}[\p{L}.]*['’]s|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he)\s+)((?:[\p{L}-]+\s+){0,3}?([\p{L}-]+))\s*,\s*$/u.exec(c.before);
  if (pre && ROLE_NOUNS.has(pre[2].toLowerCase())) return pre[1];
  return null;
}

/** "known as El Gato", "by a nickname, El Gato", "nicknamed 'the Fox'": what follows is a nickname. */
const NICKNAME_BEFORE = /\b(?:nicknamed|nickname,?|known as|dubbed|alias)\s+["“']?$/i;

/** Suffixes that make a demonym from a place name (Veldoria -> Kestranian, Ostrel -> Ostreli, Sudan -> Sudanese). */
const DEMONYM_SUFFIXES = ['ians', 'ian', 'ans', 'an', 'ns', 'n', 'is', 'i', 'ese', 'eans', 'ean', 'ish'];

/**
 * Demonyms of the article's own places: a capitalised word that is another capitalised word of the
 * article plus a demonym ending ("Kestranian" beside "Veldoria", "Tsengari" beside "Tsengar").
 * Returns demonym -> place. The place is a place wherever it appears; the demonym is never a name.
 */
function findDemonyms(words: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of words) {
    if (w.length < 5 || !/^\p{Lu}\p{Ll}/u.test(w)) continue;
    for (const suffix of DEMONYM_SUFFIXES) {
      if (!w.endsWith(suffix)) continue;
      const stem = w.slice(0, -suffix.length);
      if (stem.length < 3) continue;
      const place = [stem, `${stem}a`, `${stem}e`, `${stem}ia`, `${stem}o`].find((p) => p !== w && words.has(p));
      if (place && !KNOWN_NOT_PLACE.has(place)) {
        out.set(w, place);
        break;
      }
    }
  }
  return out;
}

/** Words that take demonym-like endings without being places ("Christ" -> "Christian", "Islam" -> "Islamist"). */
const KNOWN_NOT_PLACE = new Set(['Christ', 'Islam', 'Sunni', 'Shia', 'Mar', 'Jan']);

/** "Veldoria's defence minister", "Almerra's guerrillas": a name owning the things a country has. */
const GOVERNED = /^(?:['’]s)?\s+(?:(?:new|own|former|current|acting|interim|military|civilian|elected|southern|northern|eastern|western|central|top|chief|senior|defence|defense|foreign|interior|justice|health|finance|peace|armed|security|main|largest|second|biggest)\s+){0,2}(?:government|president|presidency|prime minister|army|military|navy|air force|armed forces|forces|troops|soldiers|police|parliament|capital|border|borders|coast|coastline|highlands|lowlands|province|provinces|regions?|cities|towns|villages|economy|people|population|citizens|guerrillas|rebels|ministry|ministers?|cabinet|leaders?|officials|authorities|embassy|ambassador|territory|airspace|waters|ports?)\b/;

/** "the Aldorian port of Tarrow": a word shaped like a demonym before a lower-case noun is an adjective. */
function adjectival(c: Candidate, name: string): boolean {
  if (c.tokens.length !== 1 || c.tokens[0].possessive || !looksDemonym(name)) return false;
  const next = /^\s+(\p{Ll}+)/u.exec(c.after)?.[1];
  return next !== undefined && !NOT_A_NOUN.has(next) && !next.endsWith('ed');
}

/** Words after a name that show it is not an adjective before a noun ("Orvi was attacked"). */
const NOT_A_NOUN = new Set([
  'was', 'is', 'were', 'are', 'has', 'had', 'have', 'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should',
  'said', 'says', 'and', 'or', 'but', 'to', 'in', 'on', 'of', 'at', 'for', 'from', 'with', 'by', 'as', 'after', 'before',
  'since', 'until', 'where', 'which', 'who', 'that', 'than', 'when', 'while', 'itself', 'remains', 'lies', 'sits',
]);

/** Is a possessive single word followed by what a country has? Then it names a place. */
function governedPlace(c: Candidate): boolean {
  return c.tokens.length === 1 && c.tokens[0].possessive && GOVERNED.test(c.after);
}

interface Dateline {
  name: string;
  start: number;
  end: number;
  sentence: Sentence;
  /** Written in capitals in the text (and shown title-cased). */
  capitals: boolean;
}

/**
 * "DALMOR, Veldoria, March 4 (TCP) —", "PORT ALMA —": a paragraph opening with a place in capitals,
 * an optional region or country, an optional date and agency, then a dash. Both names are places.
 */
const DATELINE = /^((?:\p{Lu}[\p{Lu}\p{M}'’.]*)(?:[ -](?:\p{Lu}[\p{Lu}\p{M}'’.]*|de|la|el|es|of|al|da|do|du))*)(?:,\s*((?:\p{Lu}[\p{L}\p{M}'’.-]+)(?: \p{Lu}[\p{L}\p{M}'’.-]+){0,2}))?(?:,\s*[^—–\n]{1,30}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--|-)\s/u;

function titleCase(capitals: string): string {
  return capitals
    .split(/([ -])/)
    .map((w) => (/^(?:DE|LA|EL|ES|OF|AL|DA|DO|DU)$/.test(w) ? w.toLowerCase() : w.charAt(0) + w.slice(1).toLowerCase()))
    .join('');
}

/** Places read from datelines at the start of the article's first paragraphs. */
function findDatelines(sentences: Sentence[]): Dateline[] {
  const out: Dateline[] = [];
  let previousParagraph = -1;
  for (const s of sentences) {
    if (s.paragraph === previousParagraph) continue;
    previousParagraph = s.paragraph;
    if (s.paragraph > 3) break;
    const m = DATELINE.exec(s.text);
    if (!m || m[1].replace(/[^\p{L}]/gu, '').length < 3 || /\p{Ll}/u.test(m[1].replace(/\b(?:de|la|el|es|of|al|da|do|du)\b/g, ''))) continue;
    const word = m[1].trim();
    if (MONTHS.has(titleCase(word)) || WEEKDAYS.has(titleCase(word))) continue;
    out.push({ name: titleCase(word), start: s.start, end: s.start + word.length, sentence: s, capitals: true });
    if (m[2] && !MONTHS.has(m[2].split(' ')[0]) && !WEEKDAYS.has(m[2].split(' ')[0])) {
      const at = s.text.indexOf(m[2], word.length);
      out.push({ name: m[2], start: s.start + at, end: s.start + at + m[2].length, sentence: s, capitals: false });
    }
  }
  return out;
}

interface Scan {
  mentions: Mention[];
}

const cache = new WeakMap<Sentence[], Scan>();

/** All person, place and organisation mentions in the article, in text order. Cached per sentence list. */
export function findMentions(input: AnalysisInput, sentences: Sentence[]): Mention[] {
  const hit = cache.get(sentences);
  if (hit) return hit.mentions;
  const text = input.paragraphs.join('\n\n');
  // Capitalised words seen away from a sentence start are names, not just capitalised by position.
  const midCaps = new Set<string>();
  const standalone = new Set<string>();
  const raws = sentences.map(rawTokens);
  for (const list of raws) {
    for (const r of list) {
      if (r.word.includes('-')) continue;
      standalone.add(r.word);
      if (!r.initial) midCaps.add(r.word);
    }
  }
  const demonyms = findDemonyms(standalone);
  const datelines = findDatelines(sentences);
  const context: ArticleContext = { midCaps, demonyms, places: new Set([...datelines.map((d) => d.name), ...demonyms.values()]) };
  const inDateline = (c: Candidate): boolean => datelines.some((d) => c.tokens[0].start < d.end && d.start < c.tokens[c.tokens.length - 1].end);
  const candidates: Candidate[] = [];
  for (const [i, s] of sentences.entries()) {
    for (const run of buildRuns(s, tokenize(raws[i], standalone))) {
      const c = classify(run, text, context);
      if (c && !(datelines.length > 0 && inDateline(c))) candidates.push(c);
    }
  }
  const people = new PersonIndex();
  const places = new Set<string>([...datelines.map((d) => d.name), ...demonyms.values()]);
  const orgFirstWords = new Set<string>();
  const nicknames = new Map<string, string>();
  for (const c of candidates) if (c.kind === 'place') places.add(candidateName(c, text));
  for (const c of candidates) {
    const name = candidateName(c, text);
    // A name the article shows to be a place elsewhere ("in the capital, Dar Halim") is one here too.
    if (c.kind === 'person' && places.has(name) && c.role.length === 0) c.kind = 'place';
    if (c.kind === 'person' && c.tokens.length > 1) {
      people.add(name);
      const nickname = c.tokens.find((t) => t.afterNickname)?.afterNickname;
      if (nickname) nicknames.set(nickname, name);
    }
    if (c.kind === 'place') places.add(name);
    if (c.kind === 'org' && c.tokens.length > 1) orgFirstWords.add(c.tokens[0].text);
  }
  for (const c of candidates) {
    if (c.kind === 'person' && c.tokens.length === 1 && c.role.length > 0) people.add(candidateName(c, text));
  }
  // "known as El Gato", "a nickname, El Gato": a nickname written apart from the name still names the person.
  for (const c of candidates) {
    if (nicknames.has(candidateName(c, text))) continue;
    if (!NICKNAME_BEFORE.test(c.before)) continue;
    const owner = [...candidates].reverse().find((o) => o.kind === 'person' && o.tokens.length > 1 && o.tokens[0].start < c.tokens[0].start && c.tokens[0].start - o.tokens[0].start < 300);
    if (owner) nicknames.set(candidateName(c, text), candidateName(owner, text));
  }
  // A one-word name the text treats as a person ("What Volkov seeks") is one everywhere it appears,
  // unless the article shows it is a place (a demonym made from it, or a place cue).
  for (const c of candidates) {
    if (c.kind !== 'unknown' || !personVerbAhead(c.after) || /\b(?:and|or|from|of|in|at|to|for|by|between)\s+$/i.test(c.before)) continue;
    const name = candidateName(c, text);
    if (places.has(name) || placeContext(c, places) || hasDemonymOf(name, standalone)) continue;
    people.add(name);
  }
  // Places first, twice over, so that "between Dalmor and Vinsk" learns from a later "in Dalmor".
  for (let pass = 0; pass < 2; pass++) {
    for (const c of candidates) {
      if (c.kind !== 'unknown' || c.tokens.length !== 1) continue;
      const name = candidateName(c, text);
      if (places.has(name) || people.match(name) || adjectival(c, name)) continue;
      if (placeContext(c, places) || governedPlace(c)) places.add(name);
    }
  }
  // Single words: a known person's name, a place by context, or a speaker by its verb.
  for (const c of candidates) {
    const name = candidateName(c, text);
    if (nicknames.has(name)) {
      c.kind = 'person';
      continue;
    }
    if (c.kind !== 'unknown' && !(c.kind === 'person' && c.tokens.length === 1 && c.role.length === 0)) continue;
    if ((DEMONYMS.has(name) || demonyms.has(name) || adjectival(c, name)) && !people.match(name)) c.kind = 'unknown';
    else if (places.has(name) && !people.match(name)) c.kind = 'place';
    else if (people.match(name)) c.kind = 'person';
    else if (placeContext(c, places) || governedPlace(c)) {
      c.kind = 'place';
      places.add(name);
    } else if (orgFirstWords.has(name)) {
      // "the Compact" after "the Compact of Nations": the short form of an organisation named in full.
      c.kind = 'org';
    } else if (/^\s+(?:officials?|spokes(?:man|woman|person)|leaders?|fighters|militants|members|commanders?|delegation)\b/.test(c.after) || SPOKESPERSON_FOR.test(c.before)) {
      // "Hamas official", "Wagner fighters": a group named by its people.
      c.kind = 'org';
    } else if (reportingVerbAhead(c.after) || appositiveRole(c, text)) {
      c.kind = 'person';
      people.add(name);
    } else c.kind = 'unknown';
  }
  /** Is a single word the surname of a person the article names in full? Then it stays that person. */
  const partOfLongerName = (name: string): boolean => people.clusters.some((p) => p.name !== name && p.name.includes(' ') && samePerson(name, p.name));
  // One name, one kind: a word shown to be a place anywhere ("between Veldoria and Ostrel") is a
  // place where a verb made it look like a speaker ("Lumasa said"), unless it is a person's name.
  for (const c of candidates) {
    if (c.kind !== 'person' || c.tokens.length !== 1 || c.role.length > 0) continue;
    const name = candidateName(c, text);
    if (places.has(name) && !partOfLongerName(name)) c.kind = 'place';
  }
  // "Hamas said" beside "Hamas official" or "a Hamas delegation": a single word shown to be an organisation is one everywhere.
  const GROUP_PEOPLE = /^(?:['’]s?)?\s+(?:officials?|spokes(?:man|woman|person)|leaders?|fighters|militants|members|commanders?|delegation|leadership|negotiators?)\b/;
  const orgWords = new Set(candidates.filter((c) => c.tokens.length === 1 && (c.kind === 'org' || GROUP_PEOPLE.test(c.after))).map((c) => candidateName(c, text)));
  // "Al Qahera" after "Al Qahera News TV": the opening words of an organisation's full name are that organisation.
  const orgNames = candidates.filter((c) => c.kind === 'org' && c.tokens.length > 1).map((c) => `${candidateName(c, text)} `);
  for (const c of candidates) {
    if (c.kind !== 'person' || c.role.length > 0) continue;
    const name = candidateName(c, text);
    if (orgNames.some((o) => o.startsWith(`${name} `))) c.kind = 'org';
  }
  for (const c of candidates) {
    if (c.kind !== 'person' || c.tokens.length !== 1 || c.role.length > 0) continue;
    const name = candidateName(c, text);
    if (orgWords.has(name) && !partOfLongerName(name)) c.kind = 'org';
  }
  const mentions: Mention[] = [];
  for (const d of datelines) {
    mentions.push({ kind: 'place', text: PLACE_ALIASES[d.name] ?? d.name, role: null, start: d.start, end: d.end, sentence: d.sentence.index, paragraph: d.sentence.paragraph, possessive: false, dateline: d.capitals });
  }
  for (const c of candidates) {
    if (c.kind === 'unknown') continue;
    const name = candidateName(c, text);
    if (!name || /^\d/.test(name)) continue;
    const role = c.role.length > 0 ? cleanName(text.slice(c.role[0].start, c.role[c.role.length - 1].end)) : null;
    const last = c.tokens[c.tokens.length - 1];
    const nickname = c.tokens.find((t) => t.afterNickname)?.afterNickname;
    const mention: Mention = {
      kind: c.kind,
      text: c.kind === 'place' ? (PLACE_ALIASES[name] ?? name) : name,
      role: c.kind === 'person' ? (role ?? appositiveRole(c, text)) : null,
      start: c.tokens[0].start,
      end: nickname ? last.end : c.tokens[0].start + name.length,
      sentence: c.sentence.index,
      paragraph: c.sentence.paragraph,
      possessive: last.possessive,
    };
    if (nickname) mention.nickname = nickname;
    if (c.kind === 'person' && nicknames.has(name)) mention.refersTo = nicknames.get(name);
    mentions.push(mention);
  }
  mentions.sort((a, b) => a.start - b.start);
  cache.set(sentences, { mentions });
  return mentions;
}

function evidenceOf(m: Mention): Evidence {
  return { sentence: m.sentence, paragraph: m.paragraph, start: m.start, end: m.end };
}

function byImportance<T extends { mentions: number; evidence: Evidence[] }>(a: T, b: T): number {
  return b.mentions - a.mentions || a.evidence[0].start - b.evidence[0].start;
}

/**
 * One place written two ways in one article (a transliteration pair: Kharkov/Kharkiv, Mirovsk/Myrovsk):
 * names of six letters or more, same first letter, one letter apart. The form written more often is shown.
 */
function mergeSpellings(list: NamedEntity[]): NamedEntity[] {
  const out: NamedEntity[] = [];
  const byFirst = new Map<string, NamedEntity[]>();
  for (const e of [...list].sort((a, b) => b.mentions - a.mentions)) {
    const k = foldAccents(e.name).toLowerCase();
    const bucket = byFirst.get(k[0]) ?? [];
    const twin = k.length >= 6 ? bucket.find((o) => {
      const ok = foldAccents(o.name).toLowerCase();
      return ok.length >= 6 && Math.abs(ok.length - k.length) <= 1 && editDistance(ok, k, 1) <= 1;
    }) : undefined;
    if (twin) {
      twin.mentions += e.mentions;
      twin.evidence.push(...e.evidence);
      twin.aliases.push(e.name, ...e.aliases);
      continue;
    }
    bucket.push(e);
    byFirst.set(k[0], bucket);
    out.push(e);
  }
  return out;
}

/** Merge place or organisation mentions by folded name; a one-word org joins a longer one it starts. */
function groupNamed(mentions: Mention[]): NamedEntity[] {
  const byKey = new Map<string, NamedEntity>();
  const key = (n: string): string => foldAccents(n).toLowerCase().replace(/^the\s+/, '');
  const fromDateline = new Set<NamedEntity>();
  for (const m of mentions) {
    const k = key(m.text);
    const e = byKey.get(k);
    if (e) {
      e.mentions++;
      e.evidence.push(evidenceOf(m));
      // A dateline's capitals are re-cased by rule; the article's own spelling is better.
      if (fromDateline.has(e) && !m.dateline) {
        e.name = m.text;
        fromDateline.delete(e);
      }
    } else {
      const entity = { name: m.text, mentions: 1, aliases: [], evidence: [evidenceOf(m)] };
      byKey.set(k, entity);
      if (m.dateline) fromDateline.add(entity);
    }
  }
  const list = mergeSpellings([...byKey.values()]);
  for (const short of list.filter((e) => !e.name.includes(' '))) {
    const long = list.find((e) => e !== short && e.name.startsWith(short.name + ' ') && e.mentions > 0);
    if (long && short.mentions > 0) {
      long.mentions += short.mentions;
      long.evidence.push(...short.evidence);
      long.aliases.push(short.name);
      short.mentions = 0;
    }
  }
  return list.filter((e) => e.mentions > 0).sort(byImportance);
}

/** Group person mentions into people: one entry per person, fullest name, first role the text gives. */
export function groupPeople(mentions: Mention[]): Person[] {
  const index = new PersonIndex();
  const formOf = (m: Mention): string => m.refersTo ?? m.text;
  const ordered = [...mentions].sort((a, b) => formOf(b).split(' ').length - formOf(a).split(' ').length || a.start - b.start);
  for (const m of ordered) index.add(formOf(m));
  const people = new Map<string, Person>();
  const canonicalOf = new Map<string, string>();
  for (const m of mentions) {
    let canonical = canonicalOf.get(m.text);
    if (canonical === undefined) {
      canonical = index.canonical(formOf(m)) ?? formOf(m);
      canonicalOf.set(m.text, canonical);
    }
    let p = people.get(canonical);
    if (!p) {
      p = { name: canonical, role: null, mentions: 0, aliases: [], evidence: [] };
      people.set(canonical, p);
    }
    p.mentions++;
    p.evidence.push(evidenceOf(m));
    if (!p.role && m.role) p.role = m.role;
    if (m.text !== canonical && !p.aliases.includes(m.text)) p.aliases.push(m.text);
    if (m.nickname && !p.aliases.includes(m.nickname)) p.aliases.push(m.nickname);
  }
  for (const p of people.values()) p.evidence.sort((a, b) => a.start - b.start);
  return [...people.values()].sort(byImportance);
}

/** People (with roles and mention counts), places and organisations named in the article. */
export function findEntities(
  input: AnalysisInput,
  sentences: Sentence[],
): { people: Person[]; places: NamedEntity[]; organizations: NamedEntity[] } {
  const mentions = findMentions(input, sentences);
  return {
    people: groupPeople(mentions.filter((m) => m.kind === 'person')),
    places: groupNamed(mentions.filter((m) => m.kind === 'place')),
    organizations: groupNamed(mentions.filter((m) => m.kind === 'org')),
  };
}
