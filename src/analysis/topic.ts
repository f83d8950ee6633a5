import type { Sentence } from './types.js';

/**
 * Which sentences are about the topic, beyond its keywords. A sentence is about it when it holds
 * one of the topic's terms (not inside a proper name: "Ceasefire Street" is a street), or, once the
 * article has introduced the topic, when it refers back to it: "the agreement", "the deal", "the
 * accord", "the decree", "the pause", "the offer", "the talks", "negotiations"; "it" right after a
 * sentence about the topic; a sentence opening with "But"/"And" that carries on one.
 *
 * For the ceasefire topic an article must also be about armed conflict or a dispute between parties
 * (a few words of war, violence or negotiation): a tennis "truce" or a mill fire on Ceasefire Street
 * yields nothing, whatever words it shares with the topic.
 */

const REFERENCE = /\b(?:the|this|that|its|their|a|an|any|such|new|formal|wider|broader|informal)\s+(?:[\p{L}-]+\s+){0,2}?(?:agreement|deal|accord|decree|pause|offer|proposal|plan|arrangement|talks|negotiations|settlement|treaty)\b|\b(?:talks|negotiations|pauses?)\b/iu;
/** "it" standing for the thing just named; not "it said", "put it", "made it clear", "it is likely that". */
const IT = /\bit\b(?!\s+(?:said|says|added|called|reported|claimed|announced|is\s+(?:likely|unclear|clear|possible|time|not\s+clear)|was\s+(?:unclear|clear|not\s+clear)))/i;
const IT_EXPLETIVE = /\b(?:put|puts|putting|made|make|makes)\s+it\b|\bit['’]s\s+time\b|\bit\s+(?:is|was|seems|seemed|remains|remained)\s+(?:not\s+)?(?:likely|unlikely|clear|unclear|possible|impossible|important|necessary|hard|difficult|easy|time|true|vital|essential|crucial|expected|thought|believed|understood|feared|hoped)\b/iu;
const CARRY_ON = /^\s*["“]?\s*(?:But|And|Yet|Still)\b/;

/** Words of armed conflict, violence and negotiation between parties; two distinct ones make an article about conflict. */
const CONFLICT =
  /\b(?:army|armies|troops|soldiers?|military|militar\w+|rebels?|rebellion|guerrillas?|militants?|insurgents?|insurgency|gunmen|militias?|fighters|shell(?:s|ed|ing)|artillery|mortars?|missiles?|drones?|air\s?strikes?|bomb(?:s|ed|ing)|warring|wars?(?!\s+of\s+words)|conflict|hostilities|offensive|front\s?line|siege|besieged|ambush(?:ed)?|navy|navies|warships?|weapons|guns|combat|invasion|occupation|separatists?|brigades?|fighting|clashes|casualties|negotiat\w*|intermediar\w+|violat\w+|factions?|regime|deadlock|mediators?|mediation|diplomats?|killed|wounded|aggression|checkpoints?|observers|monitors|escalation|violence|prisoners|hostages|humanitarian|generals?|strikers|striking|walkout|picket\w*|unions?|dispute|protesters|junta|coup)\b/gi;

function isProperUse(text: string, at: number, length: number): boolean {
  const word = text.slice(at, at + length);
  if (!/^\p{Lu}/u.test(word)) return false;
  // "Ceasefire Street", "the Ceasefire Inn": a capitalised term beside another capitalised word.
  if (/^\s+\p{Lu}\p{Ll}/u.test(text.slice(at + length))) return true;
  return /\p{Lu}\p{Ll}+\s+$/u.test(text.slice(0, at)) && at > 0 && !/^\s*\S+\s+$/u.test(text.slice(0, at));
}

/** Each matcher's global twin and its duration pattern, compiled once (a corpus asks per sentence). */
const derived = new WeakMap<RegExp, { global: RegExp; duration: RegExp }>();

function derivedOf(matcher: RegExp): { global: RegExp; duration: RegExp } {
  let hit = derived.get(matcher);
  if (!hit) {
    hit = {
      global: new RegExp(matcher.source, matcher.flags.includes('g') ? matcher.flags : `${matcher.flags}g`),
      duration: new RegExp(`\\b${COUNT}[-\\s]${UNIT}s?\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${matcher.source})`, 'giu'),
    };
    derived.set(matcher, hit);
  }
  return hit;
}

/** Does the sentence hold a topic term used as a common noun? */
function holdsTerm(text: string, matcher: RegExp): boolean {
  const global = derivedOf(matcher).global;
  global.lastIndex = 0;
  for (let m = global.exec(text); m; m = global.exec(text)) if (!isProperUse(text, m.index, m[0].length)) return true;
  return false;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fourteen: 14,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-eight': 48, fifty: 50, sixty: 60, seventy: 70, 'seventy-two': 72, ninety: 90, hundred: 100,
};
const COUNT = `(\\d+|${Object.keys(NUMBER_WORDS).join('|')})`;
const UNIT = '(day|hour|week|month)';

function countOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? -1);
}

/**
 * What every match of a duration pattern holds: a unit's name. The patterns are case-insensitive in
 * Unicode mode, where only the Kelvin sign folds to one of the units' letters (k); this plain test is
 * many times cheaper than theirs, and most sentences name no unit.
 */
const UNIT_WORD = /day|hour|wee[k\u212a]|month/i;

/** The lengths the article gives the topic ("a 90-day ceasefire", "the 48-hour pause"): "ninety days" later is about it. */
function topicDurations(sentences: readonly Sentence[], matcher: RegExp): Set<string> {
  const out = new Set<string>();
  const re = derivedOf(matcher).duration;
  for (const s of sentences) if (UNIT_WORD.test(s.text)) for (const m of s.text.matchAll(re)) out.add(`${countOf(m[1])} ${m[2].toLowerCase()}`);
  return out;
}

const DURATION = new RegExp(`\\b${COUNT}\\s+(?:[\\p{Ll}]+\\s+)?${UNIT}s?\\b`, 'giu');

function mentionsDuration(text: string, durations: Set<string>): boolean {
  if (durations.size === 0 || !UNIT_WORD.test(text)) return false;
  for (const m of text.matchAll(DURATION)) if (durations.has(`${countOf(m[1])} ${m[2].toLowerCase()}`)) return true;
  return false;
}

/** The ceasefire's own words, lower case only (case-sensitive on purpose). */
const STRONG_TERM = /\b(?:ceasefires?|cease-fires?|armistices?|cessation of hostilities)\b/;

/** Is the article about conflict (for the ceasefire topic)? */
export function aboutConflict(paragraphs: readonly string[]): boolean {
  // A ceasefire written in lower case is a word of war already ("Ceasefire Street" is a name, a "truce" may be a tennis one),
  // so one word of conflict beside it is enough; otherwise two distinct ones.
  const needed = paragraphs.some((p) => STRONG_TERM.test(p)) ? 1 : 2;
  const seen = new Set<string>();
  for (const p of paragraphs) {
    for (const m of p.matchAll(CONFLICT)) {
      seen.add(m[0].toLowerCase().replace(/s$/, ''));
      if (seen.size >= needed) return true;
    }
  }
  return false;
}

/**
 * The indices of the sentences about the topic. `conflictTopic` asks for the conflict test
 * (the ceasefire topic); `title` counts as having introduced the topic.
 */
export function topicalSentences(sentences: readonly Sentence[], matcher: RegExp, options: { conflictTopic: boolean; paragraphs: readonly string[]; title: string }): Set<number> {
  const out = new Set<number>();
  const byTerm = sentences.map((s) => holdsTerm(s.text, matcher));
  if (!byTerm.some(Boolean)) return out;
  if (options.conflictTopic && !aboutConflict(options.paragraphs)) return out;
  let introduced = holdsTerm(options.title, matcher);
  const durations = options.conflictTopic ? topicDurations([...sentences, { index: -1, paragraph: -1, start: 0, end: 0, text: options.title }], matcher) : new Set<string>();
  let previous = false;
  let previousParagraph = -1;
  for (const s of sentences) {
    let topical = byTerm[s.index];
    const continues = previous && (s.paragraph === previousParagraph || s.paragraph === previousParagraph + 1);
    if (!topical && introduced && options.conflictTopic) {
      if (REFERENCE.test(s.text) || mentionsDuration(s.text, durations)) topical = true;
      else if (continues && IT.test(s.text) && !IT_EXPLETIVE.test(s.text)) topical = true;
      else if (continues && s.paragraph === previousParagraph && CARRY_ON.test(s.text)) topical = true;
    }
    if (byTerm[s.index]) introduced = true;
    if (topical) out.add(s.index);
    previous = topical && (byTerm[s.index] || REFERENCE.test(s.text));
    previousParagraph = s.paragraph;
  }
  return out;
}
