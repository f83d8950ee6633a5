import * as chrono from 'chrono-node';
import type { AnalysisInput, DateMention, Sentence } from './types.js';
import { findNumbers, wordsToNumber } from './numbers.js';
import { nextWords } from './text.js';

/**
 * Date expressions resolved against the article's date. chrono-node does the reading;
 * this module decides what counts as a date in a news story, how far to trust chrono's
 * guesses, and which event a date belongs to.
 *
 * Choices the issue leaves open:
 * - The reference is the article date at 12:00 UTC, so no time zone moves it a day.
 * - A month without a day ("in January", "February 2022") resolves to YYYY-MM; a bare
 *   year ("in 2014") to YYYY.
 * - A weekday name ("on Friday") is the latest such day on or before the article date,
 *   since news reports what happened; when the sentence speaks of what is to come
 *   ("ends Friday", "will meet on Monday", "next Friday") it is the next such day after it.
 * - Without an article date, only expressions that carry their own year resolve.
 */

/** Words that put a sentence in the future, so a bare weekday points forward. */
const FUTURE = /\b(?:will|would|shall|could|can|is due|are due|is set to|are set to|is expected|are expected|is scheduled|are scheduled|going to|plans? to|next|upcoming|ends|expires|begins|starts|runs out|takes effect|is to|are to)\b/i;

/** chrono finds these too, but alone they say nothing about the calendar. */
const NOT_A_DATE = /^(?:now|right now|morning|afternoon|evening|night|tonight|overnight|noon|midnight|this morning|this afternoon|this evening|at night|the morning|the night)$/i;

/** Events a date can belong to, as the nouns that name them. */
const EVENT_NOUNS = new Set([
  'summit', 'meeting', 'meetings', 'talks', 'deadline', 'attack', 'attacks', 'strike', 'strikes', 'invasion',
  'ceasefire', 'truce', 'election', 'elections', 'vote', 'referendum', 'visit', 'address', 'speech', 'conference',
  'agreement', 'deal', 'freeze', 'offensive', 'counteroffensive', 'earthquake', 'quake', 'flood', 'floods',
  'flooding', 'storm', 'hurricane', 'typhoon', 'cyclone', 'eruption', 'explosion', 'blast', 'bombing', 'shooting',
  'massacre', 'assault', 'raid', 'coup', 'protest', 'protests', 'rally', 'inauguration', 'call', 'announcement',
  'ruling', 'verdict', 'trial', 'hearing', 'launch', 'parade', 'ceremony', 'anniversary', 'exchange', 'swap',
  'negotiations', 'session', 'debate', 'crash', 'collapse', 'fire', 'wildfire', 'outbreak', 'pact', 'accord',
  'treaty', 'resolution', 'operation', 'incursion', 'withdrawal', 'handover', 'interview', 'statement', 'report',
  'landslide', 'tsunami', 'war', 'conflict', 'fighting', 'siege', 'blockade', 'period', 'mourning', 'lockdown', 'curfew', 'pause', 'moratorium', 'holiday', 'derailment', 'shelling', 'bombardment', 'barrage', 'talk', 'poll', 'polls', 'summits',
]);

/** Words that end an event phrase: a finite verb or a clause joiner. */
const PHRASE_STOP = new Set([
  'also', 'was', 'were', 'is', 'are', 'has', 'had', 'have', 'will', 'would', 'could', 'should', 'can', 'may',
  'might', 'which', 'that', 'who', 'but', 'when', 'where', 'while', 'after', 'before', 'since', 'because',
  'said', 'says', 'ends', 'expires', 'begins', 'starts', 'remains', 'failed', 'passed', 'ended', 'began',
]);
const DETERMINERS = /^(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your|last|next)$/i;

interface Normalised {
  text: string;
  /** For each index of `text`: where that character starts and ends in the original; empty when nothing was rewritten. */
  startMap: number[];
  endMap: number[];
}

/**
 * A number findNumbers would read as words ("forty-four", "a dozen", "1.5 million", "5bn"); digits
 * alone stay as they are, so a sentence without any of these needs no rewriting.
 */
const NUMBER_WORD =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)\b|\d(?:k|m|mn|bn|b)\b/i;

/** Replace number words with digits ("Forty-four days ago" -> "44 days ago") so chrono reads them, keeping a map back. */
function normaliseNumbers(text: string): Normalised {
  // Most sentences hold no number word: skip the number reader and map each character to itself.
  if (!NUMBER_WORD.test(text)) return { text, startMap: [], endMap: [] };
  let out = '';
  const startMap: number[] = [];
  const endMap: number[] = [];
  let pos = 0;
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      out += text[i];
      startMap.push(i);
      endMap.push(i + 1);
    }
  };
  for (const n of findNumbers(text)) {
    if (n.vague || /^[\d,.]+$/.test(n.text)) continue;
    copy(pos, n.start);
    // Every digit stands for the whole number word, so a range that touches it covers the word.
    for (const digit of String(n.value)) {
      out += digit;
      startMap.push(n.start);
      endMap.push(n.end);
    }
    pos = n.end;
  }
  copy(pos, text.length);
  return { text: out, startMap, endMap };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The words before a date with quoted speech taken out: "“We will hold,” she said on Wednesday"
 * is said in the past whatever the quote promises. An unclosed quote before the date drops what precedes it.
 */
function outsideQuotes(text: string): string {
  const stripped = text.replace(/[“"][^“”"]*[”"]/g, ' ');
  const close = Math.max(stripped.lastIndexOf('”'), stripped.lastIndexOf('"'));
  return close >= 0 ? stripped.slice(close + 1) : stripped;
}

/**
 * The weekday's date: the latest on or before the reference, or the next after it when the sentence
 * looks ahead; the reference's own weekday is the reference day either way ("on Thursday" in a Thursday paper).
 */
function resolveWeekday(weekday: number, reference: Date, forward: boolean): string {
  const d = new Date(reference.getTime());
  const today = d.getUTCDay();
  const delta = forward ? (weekday - today + 7) % 7 : -((today - weekday + 7) % 7);
  d.setUTCDate(d.getUTCDate() + delta);
  return isoDay(d);
}

/** How far after the article date a month and day without a year still reads as this year's. */
const UPCOMING_DAYS = 45;

/**
 * The year of a month (and day) written without one: the latest on or before the article
 * date, unless the sentence looks ahead or the date falls within a few weeks after it (UPCOMING_DAYS).
 */
function yearFor(month: number, day: number | null, reference: Date, lookingAhead: boolean): number {
  const year = reference.getUTCFullYear();
  const refMonth = reference.getUTCMonth() + 1;
  const refDay = reference.getUTCDate();
  const after = month > refMonth || (month === refMonth && day !== null && day > refDay);
  const sameMonth = month === refMonth && day === null;
  if (lookingAhead) return after || sameMonth ? year : year + 1;
  if (!after) return year;
  // A day a few weeks after the article date is one still to come ("talks to begin by Sept. 1"):
  // news that meant the same day last year would have written the year.
  if (day !== null) {
    const gap = (Date.UTC(year, month - 1, day) - reference.getTime()) / 86_400_000;
    if (gap <= UPCOMING_DAYS) return year;
  }
  return year - 1;
}

/** Turn a chrono result into an ISO date (YYYY-MM-DD or YYYY-MM), following the choices above. */
function resolve(result: chrono.ParsedResult, index: number, sentence: string, reference: Date | null): string | null {
  const c = result.start;
  const text = result.text.toLowerCase();
  const hasDay = c.isCertain('day');
  const hasMonth = c.isCertain('month');
  const hasYear = c.isCertain('year');
  const weekday = c.isCertain('weekday') ? c.get('weekday') : null;

  // Without an article date, only what carries its own year can be placed ("last week" is no day at all).
  if (!reference && !hasYear) return null;
  // "last week", "this week": a span of days, not one day.
  if (/\b(?:last|this|next|past|coming|previous)\s+week\b/.test(text)) return null;
  const context = outsideQuotes(before(sentence, index));
  const lookingAhead = FUTURE.test(context + ' ' + text) || /\b(?:by|as early as|no later than)\s+$/i.test(context) || /^by\b/.test(text);
  if (hasMonth && !hasYear) {
    if (!reference) return null;
    const month = c.get('month') ?? 1;
    const day = hasDay ? (c.get('day') ?? 1) : null;
    const year = yearFor(month, day, reference, lookingAhead);
    return day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  }
  if (hasMonth && !hasDay) return `${c.get('year')}-${pad(c.get('month') ?? 1)}`;
  if (hasMonth && hasDay) return `${c.get('year')}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
  if (!reference) return null;
  // "last year", "next year": the year is all the words say.
  const yearOnly = /\b(last|this|next|past)\s+year\b/.exec(text);
  if (yearOnly) {
    const y = reference.getUTCFullYear();
    return String(yearOnly[1] === 'next' ? y + 1 : yearOnly[1] === 'this' ? y : y - 1);
  }
  if (weekday !== null && weekday !== undefined && !/\b(?:last|next|this|past|coming)\b/.test(text)) {
    return resolveWeekday(weekday, reference, lookingAhead);
  }
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (y === null || m === null || d === null) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Years written alone ("in 2014", "since 2022"), which chrono leaves out. */
const YEAR_ALONE = /\b(?:(?:in|since|by|until|from|during|before|after|of|early|late|throughout)\s+|mid-)((?:19|20)\d{2})\b(?![-–/]\d)/gi;

/** "two days prior to the attack", "three weeks before the vote": a span counted back from a named event. */
const ANCHORED = /\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)\s+(?:days?|weeks?|months?|years?)\s+(?:prior to|before|after)\s+((?:the|a|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,2}?(?:attack|strike|summit|meeting|talks|vote|election|invasion|war|visit|ceasefire|truce|deal|quake|earthquake|floods?|storm|explosion|blast|announcement|deadline))\b/giu;

/**
 * How far back from a date its context is read (a clause and then some). Every look-behind
 * reads at most this much, so a sentence with many dates costs linear time, not quadratic:
 * a regex ending in `$` scans from the start of whatever it is given.
 */
const CONTEXT_CHARS = 240;

/** The text before `at`, at most CONTEXT_CHARS of it. */
function before(sentence: string, at: number): string {
  return sentence.slice(Math.max(0, at - CONTEXT_CHARS), at);
}

/** The text before `at`, at most `max` characters, starting at a word boundary so no word is cut. */
function wordsBefore(sentence: string, at: number, max: number): string {
  let from = Math.max(0, at - max);
  if (from > 0) {
    const space = sentence.indexOf(' ', from);
    from = space < 0 || space >= at ? at : space + 1;
  }
  return sentence.slice(from, at);
}

/** The event a date belongs to, when the sentence says. */
export function eventFor(sentence: string, start: number, end: number): string | null {
  return premodifierEvent(sentence, start, end) ?? postmodifierEvent(sentence, start) ?? verbEvent(sentence, start)
    ?? leadingClauseEvent(sentence, start, end);
}

/** Words from `from` on, up to a stop word or punctuation, at most `max` words. */
function phraseFrom(text: string, from: number, max: number): { words: string[]; end: number } {
  const re = /\s*([\p{L}\p{N}][\p{L}\p{N}'’.-]*)/uy;
  re.lastIndex = from;
  const words: string[] = [];
  let end = from;
  while (words.length < max) {
    const m = re.exec(text);
    if (!m) break;
    const w = m[1].replace(/\.$/, '');
    const lower = w.toLowerCase();
    if (PHRASE_STOP.has(lower)) break;
    // A lower-case word ending in -ed after the noun is usually the clause's verb ("deadline ... passed").
    if (words.length > 0 && /^\p{Ll}+ed$/u.test(w) && !/^to$/i.test(words[words.length - 1])) break;
    if (lower === 'and' && !/^\s*\p{Lu}/u.test(text.slice(re.lastIndex))) break;
    words.push(w);
    end = m.index + m[0].length - (m[1].endsWith('.') ? 1 : 0);
    if (m[1].endsWith('.')) break;
  }
  return { words, end };
}

/** "the Aug. 15 Trump-Putin summit in Alaska", "Trump's Aug. 8 deadline for Putin to ...". */
function premodifierEvent(sentence: string, start: number, end: number): string | null {
  const before = /(?:\b(the|a|an|this|that|its|his|her|their)|([\p{L}.-]+['’]s))\s+$/iu.exec(wordsBefore(sentence, start, 80));
  // "Sunday's attack": the date itself is the possessor.
  const possessive = /^['’]s(?=\s)/.exec(sentence.slice(end));
  if (possessive) end += possessive[0].length;
  if (!before && !possessive) return null;
  const words = nextWords(sentence, end, /\s+([\p{L}\p{N}][\p{L}\p{N}'’-]*)/uy);
  const at = words.findIndex((w) => EVENT_NOUNS.has(w.word.toLowerCase()));
  if (at < 0 || words.slice(0, at).some((w) => PHRASE_STOP.has(w.word.toLowerCase()) || DETERMINERS.test(w.word))) return null;
  let phrase = words.slice(0, at + 1).map((w) => w.word).join(' ');
  const tail = phrasePP(sentence, words[at].end);
  if (tail) phrase += ' ' + tail;
  return (before?.[2] ? `${before[2]} ` : '') + phrase;
}

/** A prepositional phrase that completes an event ("in Alaska", "for Putin to impose a ceasefire"). */
function phrasePP(sentence: string, from: number): string | null {
  const prep = /^\s+(in|with|between|for|on|of|at|over|among)\b/i.exec(sentence.slice(from));
  if (!prep) return null;
  const rest = phraseFrom(sentence, from + prep[0].length, 10);
  if (!rest.words.length) return null;
  return `${prep[1]} ${rest.words.join(' ')}`;
}

/** "his nightly address on Sept. 7", "the full-scale invasion in February 2022". */
function postmodifierEvent(sentence: string, start: number): string | null {
  const m = /((?:[\p{L}'’-]+\s+){0,2})([\p{L}-]+)\s+(?:on|in|of|from|held on|set for|scheduled for|slated for|due on)\s+$/iu.exec(
    wordsBefore(sentence, start, 120),
  );
  if (!m || !EVENT_NOUNS.has(m[2].toLowerCase())) return null;
  const modifiers = m[1].trim().split(/\s+/).filter(Boolean);
  // Keep only the modifiers after the last determiner or preposition ("of the full-scale" -> "full-scale").
  let k = modifiers.length;
  while (k > 0 && !DETERMINERS.test(modifiers[k - 1]) && !/^(?:of|in|on|at|for|to|with|by|since|from)$/i.test(modifiers[k - 1])) k--;
  return [...modifiers.slice(k), m[2]].join(' ');
}

/** "a 30-day freeze on attacks ... ends Friday": the clause's subject is the event. */
function verbEvent(sentence: string, start: number): string | null {
  const m = /(?:^|[,;:]\s*(?:and\s+)?|\band\s+)([^,;:]*?)\s+(?:ends|end|expires|expire|begins|begin|starts|start|takes effect|runs out|ended|began|started|expired|will end|will begin|will start|would end|would begin|would start|would expire|is due|was held|will be held|is set|are set)\s+(?:on\s+|in\s+)?$/i.exec(
    before(sentence, start),
  );
  if (!m) return null;
  // "The war between X and Y, which began in April 2023": the event is what "which" stands for.
  if (/^(?:which|that)$/i.test(m[1].trim())) {
    const antecedent = /(?:^|[,;:]\s*)([^,;:]+?)\s*$/.exec(before(sentence, m.index + Math.max(0, start - CONTEXT_CHARS)));
    if (!antecedent) return null;
    const words = antecedent[1].trim().split(/\s+/);
    if (!words.some((w) => EVENT_NOUNS.has(w.toLowerCase().replace(/[^a-z-]/g, '')))) return null;
    while (words.length && DETERMINERS.test(words[0])) words.shift();
    return words.length && words.length <= 14 ? words.join(' ') : null;
  }
  // "Officials said a three-day mourning period would begin": the event follows the reporting verb.
  const subject = m[1].replace(/^.*\b(?:said|says|announced|added|stated|confirmed|that)\s+/i, '');
  const words = subject.trim().split(/\s+/);
  if (!words.some((w) => EVENT_NOUNS.has(w.toLowerCase().replace(/[^a-z-]/g, '')))) return null;
  while (words.length && (DETERMINERS.test(words[0]) || /^(?:since|after|before|when|as|once|until|in|on)$/i.test(words[0]))) words.shift();
  return words.length && words.length <= 14 ? words.join(' ') : null;
}

/** "Forty-four days ago, Ukraine agreed to a full ceasefire": what the opening date introduces. */
function leadingClauseEvent(sentence: string, start: number, end: number): string | null {
  if (!/^[\s"“‘']*(?:(?:on|in|since|by|early|late|until)\s+)?$/i.test(sentence.slice(0, start))) return null;
  const comma = /^\s*,\s*/.exec(sentence.slice(end));
  if (!comma) return null;
  const clause = /^[^,;:.!?”"]+/.exec(sentence.slice(end + comma[0].length));
  if (!clause) return null;
  const words = clause[0].trim().split(/\s+/);
  if (words.length < 2 || words.length > 14) return null;
  return words.join(' ');
}

/**
 * A cheap filter, run before chrono (the costliest step of a summary or a comparison): every
 * expression that survives the checks below holds a month or weekday name, a time unit, a
 * casual day word, a number word chrono reads with a unit, or digits shaped like a date (a
 * year ("1999", not a count like "4567"), "3/14", "2024-03-01", "10:30", "5pm", "5d"). Whole words only, so "Marek" or
 * "Sunday" inside "Sundays" behave as chrono itself treats them. Plain counts ("killed 34
 * people") don't pass: chrono reads nothing there that the checks below would keep.
 */
/** Words chrono reads as a count or a direction before a time unit (number words are digits by then). */
const UNIT_LEADS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
  'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'dozen', 'zero', 'half', 'an?', 'few', 'several',
  'the', 'couple', 'of', 'this', 'last', 'past', 'next', 'coming', 'previous',
].join('|');

const MAY_HOLD_DATE = new RegExp(
  [
    '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\\b',
    '\\b(?:january|february|march|april|june|july|august|september|october|november|december)',
    '\\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|s)?\\b',
    // A time unit counts only after a number or a relative word ("30 days", "a week", "last month"):
    // chrono reads no unit without one, so "weeks of uncertainty" needn't go to it.
    `(?:\\d|\\b(?:${UNIT_LEADS}))\\s{0,3}(?:-\\s*)?(?:sec|secs|seconds?|min|mins|minutes?|hrs?|hours?|days?|weeks?|fortnights?|mos?|months?|qtrs?|quarters?|yrs?|years?|decades?)\\b`,
    '\\b(?:weekends?|weekdays?|month)\\b',
    // Alone, "tonight", "now" or "the night" are dropped below; "last night" is a date.
    '\\b(?:today|tomorrow|tmrw?|yesterday|last\\s+night)\\b',
    '\\d\\s*[/.:\\-–]\\s*\\d',
    '\\d\\s*(?:am|pm|a\\.m|p\\.m|[smhdwy])\\b',
    '\\b(?:1[5-9]|20|21)\\d\\d\\b',
  ].join('|'),
  'i',
);

/** Trim what chrono takes with the date but isn't part of it (trailing commas, spaces). */
function trimRange(text: string, start: number, end: number): [number, number] {
  while (end > start && /[\s,.;:)]/.test(text[end - 1]) && !/\p{L}\.$/u.test(text.slice(start, end))) end--;
  // "Sept." keeps its dot only when the text ends in an abbreviation; a sentence-final dot goes.
  if (end > start && text[end - 1] === '.' && /\d\.$/.test(text.slice(start, end))) end--;
  while (start < end && /\s/.test(text[start])) start++;
  return [start, end];
}

/** A date found in a sentence, with its range relative to the sentence text. */
interface FoundDate {
  text: string;
  date: string | null;
  event: string | null;
  start: number;
  end: number;
}

/**
 * Between sentences handed to chrono in one call: no letters, digits or range words, so none
 * of chrono's merging refiners ("Sept. 7 to 9", "Friday at 10") joins dates across it.
 */
const BATCH_SEPARATOR = '\n\n\u2029\n\n';

/** The most text handed to chrono in one call: large enough that its per-call cost is spread thin. */
const CHRONO_BATCH_CHARS = 8_000;

/** Dates in one sentence, with ranges relative to the sentence text. */
export function findDatesInText(sentence: string, articleDate: string | null, withEvents = true): FoundDate[] {
  return findDatesInTexts([sentence], articleDate, withEvents)[0];
}

/** A chrono result read back into its sentence, or null when the checks below drop it. */
function readResult(r: chrono.ParsedResult, index: number, sentence: string, norm: Normalised, reference: Date | null, withEvents: boolean): FoundDate | null {
  const last = index + r.text.length - 1;
  const rawStart = norm.startMap.length > 0 ? norm.startMap[index] : index;
  const rawEnd = norm.endMap.length > 0 ? norm.endMap[last] : last + 1;
  const [start, end] = trimRange(sentence, rawStart, rawEnd);
  const text = sentence.slice(start, end);
  if (!text || NOT_A_DATE.test(text)) return null;
  // "may" in lower case is the verb ("he may 5 times ..."), not the month.
  if (/^may\b/.test(text)) return null;
  // "Weekend service is unchanged": a bare "weekend" names a kind of day, not a date; "the/this/last weekend" does.
  if (/^weekends?$/i.test(text) && !/\b(?:the|this|last|next|that|coming|past)\s+$/i.test(before(sentence, start))) return null;
  // "for 44 days" is a duration, not a date; chrono reads it as one. So is "in eight hours".
  if (/^(?:for|over|within)\s/i.test(text)) return null;
  // "after 14 months", "five years after": how long, not when (a span counted from a named event is read apart).
  if (/^after\s+(?:\d+|[\p{L}-]+)(?:\s+[\p{L}-]+)?\s+(?:days?|weeks?|months?|years?|decades?)$/iu.test(text)) return null;
  if (/\b(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|on)$/i.test(text)) return null;
  if (/^(?:in|within)\s+[\p{L}\d-]+\s+(?:seconds?|minutes?|hours?)$/iu.test(text)) return null;
  const c = r.start;
  const calendar = ['day', 'month', 'year', 'weekday'].some((k) => c.isCertain(k as chrono.Component));
  const relative = /\b(?:ago|earlier|later|before|last|next|yesterday|today|tomorrow|previous|past|this)\b/i.test(text);
  if (!calendar && !relative) return null;
  return { text, date: resolve(r, index, sentence, reference), event: withEvents ? eventFor(sentence, start, end) : null, start, end };
}

/** Dates chrono reads in each sentence, with one chrono call for all of them (its cost is mostly per call). */
function chronoDates(sentences: string[], norms: Normalised[], reference: Date | null, withEvents: boolean): FoundDate[][] {
  const out: FoundDate[][] = sentences.map(() => []);
  const offsets: number[] = [];
  let joined = '';
  norms.forEach((n, i) => {
    if (i > 0) joined += BATCH_SEPARATOR;
    offsets.push(joined.length);
    joined += n.text;
  });
  const results = chrono.parse(joined, reference ? { instant: reference, timezone: 0 } : undefined, { forwardDate: false });
  let k = 0;
  for (const r of results) {
    while (k + 1 < offsets.length && offsets[k + 1] <= r.index) k++;
    const index = r.index - offsets[k];
    // A result spanning two sentences would be a separator chrono read through: parse them one by one instead.
    if (index + r.text.length > norms[k].text.length) {
      if (sentences.length === 1) continue;
      return sentences.map((s, i) => chronoDates([s], [norms[i]], reference, withEvents)[0]);
    }
    const found = readResult(r, index, sentences[k], norms[k], reference, withEvents);
    if (found) out[k].push(found);
  }
  return out;
}

/** "23 days ago", "two weeks ago": digits or a number word, days or weeks, nothing around that chrono would join. */
const SIMPLE_AGO = /(?<![\d.,:/+-]\s?|\b(?:about|around|and|or|to|of|few|several|couple|last|past|next|this|the|a|an|in|within|for|over)\s)\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s(days?|weeks?)\sago\b(?![\w-])/gi;

/**
 * The dates of a sentence whose only date words are simple "N days/weeks ago" expressions,
 * resolved as chrono would (the article date less that many days); null when the sentence
 * holds anything else that might be a date, so chrono reads it instead.
 */
function simpleAgo(sentence: string, reference: Date, withEvents: boolean): FoundDate[] | null {
  if (!/\bago\b/i.test(sentence)) return null;
  const matches = [...sentence.matchAll(SIMPLE_AGO)];
  if (matches.length === 0) return null;
  let rest = '';
  let pos = 0;
  for (const m of matches) {
    rest += sentence.slice(pos, m.index) + ' '.repeat(m[0].length);
    pos = m.index + m[0].length;
  }
  rest += sentence.slice(pos);
  if (MAY_HOLD_DATE.test(rest) || /\bago\b/i.test(rest)) return null;
  return matches.map((m) => {
    const start = m.index;
    const end = start + m[0].length;
    const n = /^\d/.test(m[1]) ? Number(m[1]) : (wordsToNumber(m[1]) ?? 0);
    const days = /^week/i.test(m[2]) ? n * 7 : n;
    const d = new Date(reference.getTime() - days * 86_400_000);
    return { text: m[0], date: isoDay(d), event: withEvents ? eventFor(sentence, start, end) : null, start, end };
  });
}

/** Dates in each sentence (ranges relative to each sentence), the sentences read by chrono in one call. */
export function findDatesInTexts(sentences: string[], articleDate: string | null, withEvents = true): FoundDate[][] {
  const out: FoundDate[][] = sentences.map(() => []);
  // chrono is the costliest step of a summary; most sentences hold no date word at all.
  const gated = sentences.map((s, i) => i).filter((i) => MAY_HOLD_DATE.test(sentences[i]));
  if (gated.length === 0) return out;
  const reference = articleDate && /^\d{4}-\d{2}-\d{2}$/.test(articleDate) ? new Date(`${articleDate}T12:00:00Z`) : null;
  // "23 days ago" alone needs no chrono: it is the article date less the days (the commonest relative form).
  const simple = new Map<number, FoundDate[]>();
  if (reference) for (const i of gated) {
    const ago = simpleAgo(sentences[i], reference, withEvents);
    if (ago) simple.set(i, ago);
  }
  const viaChrono = gated.filter((i) => !simple.has(i));
  const parsed: FoundDate[][] = [];
  // Batches of bounded size: some of chrono's refiners re-read the text before each result
  // (`text.substring(0, index).match(/…$/)`), which is quadratic in the length of one call.
  for (let from = 0; from < viaChrono.length;) {
    let to = from;
    let chars = 0;
    while (to < viaChrono.length && (to === from || chars + sentences[viaChrono[to]].length <= CHRONO_BATCH_CHARS)) {
      chars += sentences[viaChrono[to]].length + BATCH_SEPARATOR.length;
      to++;
    }
    const texts = viaChrono.slice(from, to).map((i) => sentences[i]);
    parsed.push(...chronoDates(texts, texts.map(normaliseNumbers), reference, withEvents));
    from = to;
  }
  const found = new Map<number, FoundDate[]>(simple);
  viaChrono.forEach((i, k) => found.set(i, parsed[k]));
  gated.forEach((i) => {
    const sentence = sentences[i];
    const list = found.get(i) ?? [];
    // "two days prior to the attack": counted from an event, not from the article date, so it stays unresolved.
    for (const m of /\b(?:prior to|before|after)\b/i.test(sentence) ? sentence.matchAll(ANCHORED) : []) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (list.some((d) => d.start < end && start < d.end)) continue;
      list.push({ text: m[0], date: null, event: m[1].replace(/^(?:the|a|his|her|their|its)\s+/i, ''), start, end });
    }
    for (const m of /(?:19|20)\d\d/.test(sentence) ? sentence.matchAll(YEAR_ALONE) : []) {
      const start = (m.index ?? 0) + m[0].length - m[1].length;
      const end = start + m[1].length;
      if (list.some((d) => d.start < end && start < d.end)) continue;
      list.push({ text: m[1], date: m[1], event: withEvents ? eventFor(sentence, start, end) : null, start, end });
    }
    out[i] = list.sort((a, b) => a.start - b.start);
  });
  return out;
}

/**
 * Every date expression in the given sentences, resolved against the article date, with evidence.
 * `withEvents: false` skips finding the event each date belongs to (the comparison shows none).
 */
/** "two days later", "a week later", "the next day": counted from the date the story last gave, not from the article's. */
const COUNTED_ON = /^(?:(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(days?|weeks?)\s+later|the\s+(?:next|following)\s+day)$/i;

/** The day `text` counts on from `previous` (an ISO day), or null when it counts from nothing. */
function countOn(text: string, previous: string | null): string | null {
  const m = COUNTED_ON.exec(text);
  if (!m || !previous) return null;
  const n = m[1] === undefined ? 1 : /^\d/.test(m[1]) ? Number(m[1]) : /^an?$/i.test(m[1]) ? 1 : (wordsToNumber(m[1]) ?? 1);
  const days = m[2] && /^week/i.test(m[2]) ? n * 7 : n;
  const d = new Date(`${previous}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** "earlier this month", "later this week": a span the words name, which chrono does not read. */
const THIS_SPAN = /\b(?:earlier|later)\s+this\s+(week|month|year)\b/gi;

export function findDates(input: AnalysisInput, sentences: Sentence[], withEvents = true): DateMention[] {
  const out: DateMention[] = [];
  const found = findDatesInTexts(sentences.map((s) => s.text), input.date, withEvents);
  const reference = input.date && /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? input.date : null;
  let lastDay: string | null = null;
  for (const [i, s] of sentences.entries()) {
    const list = [...found[i]];
    for (const m of /\bthis\s+(?:week|month|year)\b/i.test(s.text) ? s.text.matchAll(THIS_SPAN) : []) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      // chrono reads "this month" alone: the span takes its place.
      const inside = list.findIndex((d) => d.start >= start && d.end <= end);
      if (inside >= 0) list.splice(inside, 1);
      if (list.some((d) => d.start < end && start < d.end)) continue;
      const unit = m[1].toLowerCase();
      const date = reference && unit !== 'week' ? reference.slice(0, unit === 'month' ? 7 : 4) : null;
      list.push({ text: m[0], date, event: withEvents ? eventFor(s.text, start, end) : null, start, end });
    }
    list.sort((a, b) => a.start - b.start);
    for (const d of list) {
      const date: string | null = COUNTED_ON.test(d.text) ? countOn(d.text, lastDay) : d.date;
      if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) lastDay = date;
      out.push({
        text: d.text,
        date,
        event: d.event,
        evidence: { sentence: s.index, paragraph: s.paragraph, start: s.start + d.start, end: s.start + d.end },
      });
    }
  }
  return out;
}
