import { NON_ASCII_LETTER } from './mentions.js';
import { endBeforeTrailingSpace, isAscii } from './text.js';
import type { StoryInput } from './types.js';

/**
 * What story clustering compares of an article: the names it uses (people, places, organisations,
 * read from capitalisation alone) and the content words of its title and lead, with its date. It is
 * a cheap reading, one regex pass over the text, because clustering runs over whole libraries where
 * the full entity analysis (`summarize`) would cost several times the comparison; `summarize` is run
 * only on the articles of one story, for what they say differently (see stories-report.ts).
 */

export interface StorySignature {
  id: string;
  /** Days since 1970 of the article's date, or null when undated. */
  day: number | null;
  /** Feature -> raw weight before IDF: "n:" name words, "w:" title and lead words. */
  features: Map<string, number>;
  /** Name key -> how it reads and what it seems to be, for the story's main people and places. */
  names: Map<string, NameUse>;
}

export interface NameUse {
  /** The longest form seen ("Oksana Kravets" for "Kravets"). */
  form: string;
  count: number;
  person: number;
  place: number;
}

/** Capitalised runs, with the particles that sit inside names ("van der Marlowe", "al-Rahimi"). */
const NAME_RUN =
  /(?:(?:al|el)-)?\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+(?:(?:van|von|der|den|de|del|della|da|di|du|la|le|al|bin|ibn)[ \t]+)*(?:(?:al|el)-)?\p{Lu}[\p{L}\p{M}'’-]*)*/gu;
/** NAME_RUN for text with no letters outside ASCII (punctuation such as “ ” ’ — is fine): the same runs, several times faster. */
const ASCII_NAME_RUN =
  /(?:(?:al|el)-)?[A-Z][A-Za-z'’-]*(?:[ \t]+(?:(?:van|von|der|den|de|del|della|da|di|du|la|le|al|bin|ibn)[ \t]+)*(?:(?:al|el)-)?[A-Z][A-Za-z'’-]*)*/g;
const PARTICLES = new Set('van von der den de del della da di du la le al bin ibn'.split(' '));

/**
 * Capitalised words that are not names: function words that start sentences, calendar words,
 * titles and generic nouns of officialdom (they are capitalised before names and say nothing of
 * which event it is).
 */
const NOT_NAMES = new Set(
  `a an the this that these those it its he she they we i you his her their our my your there here
  in on at to of for from by with as and but or nor so yet if when while after before since until
  during under over about against between into through without within across near outside inside
  what who whom whose which where why how all some many most more few no not one two three four five
  six seven eight nine ten also then now still even only just yes
  monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun today tonight yesterday tomorrow
  january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  mr mrs ms dr sir madam senator judge bishop president vice prime minister ministers foreign defence defense interior secretary general
  chief deputy senior spokesman spokeswoman spokesperson envoy ambassador governor mayor commander colonel captain
  lieutenant sergeant major king queen prince princess pope leader chairman chairwoman director head
  ministry government army navy police council office agency committee commission court parliament
  state national international federal regional central north south east west northern southern eastern western
  read image photo video update editor note live breaking analysis opinion explainer
  lord lady saint st mount lake river city town village province region district street`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words of a title or lead that say nothing about which event it is. */
const STOPWORDS = new Set(
  `about above after again against also although among another around because been before being below
  between both could does doing down during each either else ever every from further have having here
  however into itself just last least less made make many might more most much must near never next
  none once only other over same several should since some such than that their them then there
  these they this those though three through under until upon very were what when where which while
  whom whose will with within without would your year years week weeks month months days today
  said says told telling saying according added asked called reported report reports statement
  people officials official local news agency press monday tuesday wednesday thursday friday saturday sunday
  morning evening night afternoon early late first second third latest new old another still
  january february march april june july august september october november december`
    .split(/\s+/)
    .filter(Boolean),
);

/** A title before a name: the name is a person's. */
const TITLE_WORD = /^(?:President|Minister|Secretary|Mr|Mrs|Ms|Dr|Governor|Mayor|Commander|General|Colonel|Captain|Envoy|Ambassador|Senator|Spokesman|Spokeswoman|Chief|Deputy|Judge|Bishop|King|Queen|Prince|Pope|Sir)\.?$/;
/** Words before a name that say it is a place. */
const PLACE_BEFORE = /(?:\b(?:in|at|from|near|into|across|outside|toward|towards|around|of the (?:town|city|village|port|capital|region|province|district) of|town of|city of|village of)\s+)$/;
/** The words PLACE_BEFORE can end on: the text before its trailing spaces ends with one of them, or it can't match. */
const PLACE_LAST_WORDS = ['in', 'at', 'from', 'near', 'into', 'across', 'outside', 'toward', 'towards', 'around', 'of'];
/** The words TITLE_BEFORE can end on (before an optional dot and the trailing spaces). */
const TITLE_LAST_WORDS = 'President Minister Secretary Mr Mrs Ms Dr Governor Mayor Commander General Colonel Envoy Ambassador spokesman spokeswoman spokesperson envoy minister president leader commander'.split(' ');

function endsWithOneOf(text: string, end: number, words: readonly string[]): boolean {
  for (const w of words) if (end >= w.length && text.startsWith(w, end - w.length)) return true;
  return false;
}

/** PLACE_BEFORE.test(text), the regex run only when its last word is there. */
export function placeBefore(text: string): boolean {
  const end = endBeforeTrailingSpace(text);
  return end > 0 && endsWithOneOf(text, end, PLACE_LAST_WORDS) && PLACE_BEFORE.test(text);
}

/** TITLE_BEFORE.test(text), the regex run only when its last word is there. */
export function titleBefore(text: string): boolean {
  const spaceAt = endBeforeTrailingSpace(text);
  if (spaceAt <= 0) return false;
  const end = text.charCodeAt(spaceAt - 1) === 46 ? spaceAt - 1 : spaceAt;
  return endsWithOneOf(text, end, TITLE_LAST_WORDS) && TITLE_BEFORE.test(text);
}

/** Words around a name that say it is a person. */
const PERSON_AFTER = /^(?:,\s+(?:a|an|the|who|\d+)\b|\s+(?:said|says|told|added|wrote|warned|insisted|argued|denied|stated|urged|vowed|acknowledged)\b)/;
const TITLE_BEFORE = /\b(?:President|Minister|Secretary|Mr|Mrs|Ms|Dr|Governor|Mayor|Commander|General|Colonel|Envoy|Ambassador|spokesman|spokeswoman|spokesperson|envoy|minister|president|leader|commander)\.?\s+$/;

/** "DALMOR, Veldoria, March 4 (TCP) —": the wire service tag names the outlet, not the event. */
const DATELINE_TAG = /\((?:\p{Lu}[\p{L}.]*\s?){1,3}\)\s*(?=[—–-])/u;

/** The last word of an organisation's name: not a person, not a place. */
const ORG_ENDINGS = /^(?:Nations|Movement|Brigades?|Front|Ministry|Council|Union|Party|Agency|Army|Forces|Committee|Commission|Mission|Office|Court|Bank|Fund|Organi[sz]ation|Alliance|Coalition|Group|Company|Corporation|Institute|University|Press|News|Radio|Herald|Gazette|Tribune|Observer|Post|Times)$/;

/** A word as a reader should see it: no possessive, a shouted dateline word in title case. */
export function readableWord(word: string): string {
  const n = word.length;
  // What `word.replace(/['’]s$/, '')` leaves.
  const w = n >= 2 && word.charCodeAt(n - 1) === 115 && (word.charCodeAt(n - 2) === 39 || word.charCodeAt(n - 2) === 0x2019) ? word.slice(0, n - 2) : word;
  if (w.length <= 3) return w;
  // No character's upper case holds a lower-case ASCII letter, so one there means the word is not all capitals.
  const second = w.charCodeAt(1);
  if (second >= 97 && second <= 122) return w;
  return w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w;
}

/**
 * `cache`'s value for `key`, made once. Words repeat across a library, so each is folded and keyed once;
 * bounded, so a long run over a large library can't grow a cache without end.
 */
function remembered<V>(cache: Map<string, V>, key: string, make: (key: string) => V): V {
  let hit = cache.get(key);
  if (hit === undefined) {
    hit = make(key);
    if (cache.size > 100_000) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

const foldCache = new Map<string, string>();

/** A word folded for comparison: no accents, lower case, no possessive or punctuation. Names repeat, so it is cached. */
function foldKey(word: string): string {
  return remembered(foldCache, word, (w) =>
    (isAscii(w) ? w : w.normalize('NFD').replace(/\p{M}+/gu, ''))
      .toLowerCase()
      .replace(/^(?:al|el)-/, '')
      .replace(/['’]s$/, '')
      .replace(/[^\p{L}\d]/gu, ''),
  );
}

/**
 * A name word's key: folded and cut to six letters, so a demonym meets its country ("Kestranian",
 * "Veldoria") and possessives and transliteration endings meet the plain form.
 */
export function nameKey(word: string): string {
  return foldKey(word).slice(0, 6);
}

/** A name word's key and its feature ("n:" and the key), cached as foldKey is: the same strings each time, so maps hash them once. */
function nameFeature(word: string): { key: string; feature: string } {
  return remembered(nameCache, word, (w) => {
    const key = nameKey(w);
    return { key, feature: `n:${key}` };
  });
}

const nameCache = new Map<string, { key: string; feature: string }>();

/** A folded lead word's feature ("w:" and its wordKey), cached likewise. */
function wordFeature(folded: string): string {
  return remembered(wordCache, folded, (w) => `w:${wordKey(w)}`);
}

const wordCache = new Map<string, string>();

function wordKey(word: string): string {
  const w = foldKey(word);
  const stem = w.length > 6 ? w.replace(/(?:ing|ed|es|s)$/, '') : w.replace(/s$/, '');
  return stem.slice(0, 7);
}

/** Characters skipped when looking back for a sentence end: spaces, quote marks, brackets, hyphens. */
const SKIPPED_BEFORE = new Set([' ', '\t', '\n', '"', '“', '”', '‘', "'", '(', '«', '[', '-']);

function initialAt(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0) {
    const c = text[i];
    if (c === '—' || c === '–') return false;
    if (!SKIPPED_BEFORE.has(c)) break;
    i--;
  }
  if (i < 0) return true;
  const c = text[i];
  return c === '.' || c === '!' || c === '?' || c === ':';
}

interface Run {
  words: string[];
  /** The capitalised town of a dateline ("DALMOR, Veldoria, March 4 —"). */
  dateline: boolean;
  initial: boolean;
  /** The text the run was read from, and where the run starts and ends in it. */
  text: string;
  start: number;
  end: number;
  lead: boolean;
}

/** The 40 characters before a run, where a title or a preposition says what it names. */
function runBefore(run: Run): string {
  return run.text.slice(Math.max(0, run.start - 40), run.start);
}

/** The 24 characters after a run. */
function runAfter(run: Run): string {
  return run.text.slice(run.end, run.end + 24);
}

function readRuns(text: string, lead: boolean, out: Run[], first = false): void {
  for (const match of text.matchAll(NON_ASCII_LETTER.test(text) ? NAME_RUN : ASCII_NAME_RUN)) {
    const index = match.index ?? 0;
    const words = match[0].split(/[ \t]+/);
    out.push({
      words,
      dateline: first && index < 40 && /^[^a-z]*$/.test(text.slice(0, index + match[0].length)) && /^,/.test(text.slice(index + match[0].length)),
      initial: initialAt(text, index),
      text,
      start: index,
      end: index + match[0].length,
      lead,
    });
  }
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

const DAY_MS = 86_400_000;

export function dayNumber(date: string | null): number | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : null;
}

/** Paragraphs of the lead: where an article says what happened, and whom to. */
const LEAD_PARAGRAPHS = 2;
/** How much more a name in the title or lead weighs than one further down. */
const LEAD_NAME_WEIGHT = 2;
/** How much a title or lead word weighs against a name. */
const WORD_WEIGHT = 0.5;

export function storySignature(input: StoryInput): StorySignature {
  const runs: Run[] = [];
  readRuns(input.title, true, runs);
  input.paragraphs.forEach((p, i) => readRuns(i === 0 ? p.replace(DATELINE_TAG, '') : p, i < LEAD_PARAGRAPHS, runs, i === 0));
  // The outlet's own name ("the Herald said") belongs to every story it covers.
  const outletWords = new Set((input.source ?? '').split(/\s+/).map(foldKey).filter((w) => w.length > 0));
  const midSentence = new Set<string>();
  for (const run of runs) run.words.forEach((w, i) => (i > 0 || !run.initial) && midSentence.add(foldKey(w)));

  // Name and word features apart, each in the order first seen, put together below (names first, as they come first).
  const nameCounts = new Map<string, number>();
  const wordCounts = new Map<string, number>();
  const names = new Map<string, NameUse>();
  for (const run of runs) {
    // A sentence's first word is capitalised anyway: it is a name only if the article capitalises it elsewhere too.
    const keep = run.words.map((w, i) => {
      if (PARTICLES.has(w)) return 'particle';
      const f = foldKey(w);
      if (f.length < 2 || NOT_NAMES.has(f) || outletWords.has(f)) return 'drop';
      return i === 0 && run.initial && !midSentence.has(f) ? 'drop' : 'name';
    });
    // Titles and generic words split a run into names: "Information Minister Kwabena Owusu" is two.
    const segments: string[][] = [];
    const titled: boolean[] = [];
    let current: string[] = [];
    let droppedBefore = false;
    run.words.forEach((w, i) => {
      if (keep[i] === 'drop') {
        if (current.length > 0) segments.push(current);
        current = [];
        droppedBefore = i > 0 || !run.initial || TITLE_WORD.test(w);
      } else if (keep[i] === 'name' || current.length > 0) {
        if (current.length === 0) titled[segments.length] = droppedBefore && TITLE_WORD.test(run.words[i - 1] ?? '');
        current.push(w);
      }
    });
    if (current.length > 0) segments.push(current);
    for (const [k, segment] of segments.entries()) {
      while (segment.length > 0 && PARTICLES.has(segment[segment.length - 1])) segment.pop();
      if (segment.length === 0) continue;
      const words = segment.filter((w) => !PARTICLES.has(w));
      const org = ORG_ENDINGS.test(segment[segment.length - 1]);
      const opensRun = k === 0 && keep[0] !== 'drop';
      const place = !org && opensRun && (placeBefore(runBefore(run)) || run.dateline) ? 1 : 0;
      const last = k === segments.length - 1;
      const person = !org && !place && (titled[k] || (opensRun && titleBefore(runBefore(run))) || (last && PERSON_AFTER.test(runAfter(run)))) ? 1 : 0;
      const form = segment.length === 1 ? readableWord(segment[0]) : segment.map(readableWord).join(' ');
      for (const w of words) {
        const { key, feature } = nameFeature(w);
        if (key.length < 2) continue;
        bump(nameCounts, feature, run.lead ? LEAD_NAME_WEIGHT : 1);
        const use = names.get(key) ?? { form, count: 0, person: 0, place: 0 };
        if (form.length > use.form.length) use.form = form;
        use.count++;
        use.person += person;
        use.place += place;
        names.set(key, use);
      }
    }
  }
  const leadText = [input.title, ...input.paragraphs.slice(0, LEAD_PARAGRAPHS)].join(' ');
  const words = NON_ASCII_LETTER.test(leadText) ? /(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]{3,}/gu : /(?<![A-Za-z'’-])[a-z][a-z'’-]{3,}/g;
  for (const m of leadText.matchAll(words)) {
    const w = foldKey(m[0]);
    if (w.length < 4 || STOPWORDS.has(w)) continue;
    bump(wordCounts, wordFeature(w), 1);
  }
  // Counts grow slowly: the tenth mention of a name is not ten times the first.
  const features = new Map<string, number>();
  for (const [k, v] of nameCounts) features.set(k, 1 + Math.log(v));
  for (const [k, v] of wordCounts) features.set(k, WORD_WEIGHT * (1 + Math.log(v)));
  return { id: input.id, day: dayNumber(input.date), features, names };
}
