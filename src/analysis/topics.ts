/**
 * Topic terms: which sentences are "about" a topic. A topic with a documented list
 * matches its kin and not its false friends; any other topic word matches itself and
 * its inflections.
 *
 * ceasefire — matches (case-insensitive, hyphen or space variants):
 *   ceasefire(s), cease-fire(s), truce(s), armistice(s), cessation of hostilities,
 *   humanitarian pause(s), freeze on attacks/strikes/hostilities/fighting,
 *   peace deal/settlement/talks/plan/agreement/accord/process/negotiations/proposal/framework/
 *   treaty/terms/initiative/summit, permanent/lasting/durable/just peace, negotiated/negotiating peace,
 *   end/ending/ended/ends the/this/that war, end to the war/fighting, stop/stopping the/this war,
 *   halt to the fighting/hostilities.
 *   Not matched on purpose: "peace" alone ("peace of mind"), "fire" alone ("fire crews").
 */

interface TopicDef {
  terms: string[];
  pattern: RegExp;
}

const DET = '(?:the|this|that|his|their|its|a)';

const CEASEFIRE: TopicDef = {
  terms: [
    'ceasefire', 'cease-fire', 'truce', 'armistice', 'cessation of hostilities', 'humanitarian pause',
    'freeze on attacks', 'peace deal', 'peace settlement', 'peace talks', 'peace plan', 'peace agreement',
    'peace process', 'permanent peace', 'negotiated peace', 'end the war', 'ending the war', 'end this war',
    'stop this war', 'end to the war',
  ],
  pattern: new RegExp(
    [
      'cease[\\s-]?fires?',
      'truces?',
      'armistices?',
      'cessation\\s+of\\s+(?:hostilities|fighting)',
      'humanitarian\\s+pauses?',
      'freezes?\\s+on\\s+(?:\\w+\\s+)?(?:attacks|strikes|hostilities|fighting)',
      'peace\\s+(?:deals?|settlements?|talks|plans?|agreements?|accords?|process|negotiations?|proposals?|framework|treaty|treaties|terms|initiatives?|summit|efforts?)',
      '(?:permanent|lasting|durable|just|negotiated)\\s+peace',
      'negotiat(?:e|ed|ing)\\s+(?:a\\s+)?peace',
      `end(?:s|ed|ing)?\\s+${DET}\\s+war`,
      `end\\s+to\\s+${DET}\\s+(?:war|fighting|hostilities)`,
      `stop(?:s|ped|ping)?\\s+${DET}\\s+war`,
      `halt\\s+to\\s+(?:${DET}\\s+)?(?:fighting|hostilities)`,
      `(?:${DET}\\s+)?war\\s+(?:is\\s+)?over\\b`,
    ]
      .map((p) => `\\b${p}\\b`)
      .join('|'),
    // No 'u' flag: the terms are ASCII, and a unicode-mode alternation is ~40x slower in V8.
    'i',
  ),
};

const TOPICS: Record<string, TopicDef> = {
  ceasefire: CEASEFIRE,
  'cease-fire': CEASEFIRE,
  truce: CEASEFIRE,
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The singular/base form a plural topic word was given in: "sanctions" -> "sanction", "elections" -> "election". */
function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** The word and its regular inflections: sanction -> sanctions, sanctioned, sanctioning; strike -> strikes, striked, striking. */
function inflections(word: string): string[] {
  const w = stem(word);
  const forms = new Set([w]);
  if (/(?:s|x|z|ch|sh)$/.test(w)) forms.add(`${w}es`);
  else if (/[^aeiou]y$/.test(w)) forms.add(`${w.slice(0, -1)}ies`);
  else forms.add(`${w}s`);
  if (w.endsWith('e')) {
    forms.add(`${w}d`);
    forms.add(`${w.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(w)) {
    forms.add(`${w.slice(0, -1)}ied`);
    forms.add(`${w}ing`);
  } else {
    forms.add(`${w}ed`);
    forms.add(`${w}ing`);
  }
  return [...forms];
}

const compiled = new Map<string, TopicDef>();

function topicDef(topic: string): TopicDef {
  const key = topic.trim().toLowerCase();
  const known = TOPICS[key];
  if (known) return known;
  const hit = compiled.get(key);
  if (hit) return hit;
  // A phrase matches with flexible spacing; only its last word inflects ("peace talk" -> "peace talks").
  const words = key.split(/\s+/).filter(Boolean);
  const head = words.slice(0, -1).map(escape).join('\\s+');
  const lastForms = inflections(words[words.length - 1] ?? key).map(escape);
  const ascii = /^[\x20-\x7e]*$/.test(key);
  const body = `${head ? `${head}\\s+` : ''}(?:${lastForms.join('|')})`;
  // Unicode mode only when needed (it is much slower); \b does not see non-ASCII letters, so use lookarounds there.
  const pattern = ascii ? new RegExp(`\\b${body}\\b`, 'i') : new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
  const terms = inflections(words[words.length - 1] ?? key).map((f) => [...words.slice(0, -1), f].join(' '));
  const def = { terms, pattern };
  compiled.set(key, def);
  return def;
}

/** The documented terms a topic matches (for display and the JSON output). */
export function topicTerms(topic: string): string[] {
  return [...topicDef(topic).terms];
}

/** A compiled matcher for a topic: test a sentence or a whole article in one pass. */
export function topicMatcher(topic: string): RegExp {
  return topicDef(topic).pattern;
}

/** Does the sentence talk about the topic? */
export function mentionsTopic(sentence: string, topic: string): boolean {
  return topicDef(topic).pattern.test(sentence);
}
