import type { AnalysisInput, Quantity, Sentence } from './types.js';
import { findQualifiedNumbers, looksLikeYear, type QualifiedNumber } from './numbers.js';
import { findCasualtiesInText } from './casualties.js';
import { nextWords } from './text.js';

/**
 * Counts that carry the story besides casualties: weapons, durations, people moved or
 * held, money, and a few physical measures. A count is kept only when the noun it counts
 * is one of these kinds, so stray numbers (article numbers, ordinals, ages) stay out.
 */

const WEAPONS = new Set([
  'drones', 'drone', 'missiles', 'missile', 'rockets', 'rocket', 'shells', 'shell', 'bombs', 'bomb', 'warheads',
  'tanks', 'aircraft', 'jets', 'planes', 'helicopters', 'warships', 'ships', 'vessels', 'munitions', 'rounds',
  'projectiles', 'mortars', 'grenades', 'mines', 'artillery', 'howitzers', 'launchers', 'interceptors', 'guns',
  'rifles', 'vehicles', 'submarines', 'fighter', 'weapons', 'bombers', 'boats', 'systems', 'batteries',
]);

const DURATION_UNITS = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|nights?)$/i;

/** People counts that aren't casualties but often lead a story (troops sent, prisoners swapped). */
const PEOPLE_NOUNS = new Set([
  'people', 'troops', 'soldiers', 'prisoners', 'refugees', 'migrants', 'civilians', 'residents', 'hostages',
  'detainees', 'evacuees', 'children', 'families', 'households', 'personnel', 'servicemen', 'volunteers',
  'rescuers', 'firefighters', 'workers', 'voters', 'protesters', 'demonstrators', 'delegates', 'passengers',
  'students', 'patients', 'fighters', 'households', 'inhabitants', 'villagers', 'tourists', 'pilgrims',
]);

const OTHER_NOUNS = new Set([
  'buildings', 'homes', 'houses', 'apartments', 'flats', 'schools', 'hospitals', 'bridges', 'settlements',
  'villages', 'towns', 'cities', 'regions', 'sorties', 'tonnes', 'tons', 'km', 'kilometres', 'kilometers',
  'miles', 'hectares', 'acres', 'percent', 'per cent', 'territories', 'countries', 'nations', 'sanctions',
  'attacks', 'strikes', 'airstrikes', 'explosions', 'aftershocks', 'barrels', 'litres', 'liters', 'gallons',
  'megawatts', 'mm', 'cm', 'metres', 'meters', 'feet', 'inches', 'degrees', 'magnitude',
]);

const CURRENCY_WORDS = /^\s+(dollars|euros|pounds|hryvnias|hryvnia|rubles|roubles|yuan|yen|rupees|francs|shekels)\b/i;
const CURRENCY_NAMES: Record<string, string> = {
  $: 'dollars', US$: 'US dollars', '€': 'euros', '£': 'pounds', '¥': 'yen', '₴': 'hryvnias', '₽': 'rubles',
};
const CURRENCY_SYMBOL = /(US\$|\$|€|£|¥|₴|₽)\s*$/;

/** The noun phrase after a count, up to the counted noun of a known kind: "Shahed-type drones". */
function countedNoun(text: string, from: number): { what: string; noun: string; end: number } | null {
  if (text[from] === '%') return { what: 'percent', noun: 'percent', end: from + 1 };
  const words = nextWords(text, from, /\s+([\p{L}][\p{L}'-]*|%)/uy);
  for (let k = 0; k < words.length; k++) {
    const lower = words[k].word.toLowerCase();
    if (WEAPONS.has(lower) || PEOPLE_NOUNS.has(lower) || OTHER_NOUNS.has(lower) || DURATION_UNITS.test(lower) || lower === '%') {
      return { what: text.slice(from, words[k].end).trim(), noun: lower, end: words[k].end };
    }
    // Modifiers: "Shahed-type", "ballistic", "Kinzhal hypersonic"; stop at function words.
    if (/^(?:and|or|of|the|a|an|in|on|at|to|for|from|with|by|were|was|are|is|had|have|has|who|which|that|ago|earlier|later|prior)$/i.test(lower)) return null;
  }
  return null;
}

function categoryOf(noun: string): Quantity['category'] {
  if (WEAPONS.has(noun)) return 'weapon';
  if (DURATION_UNITS.test(noun)) return 'duration';
  if (PEOPLE_NOUNS.has(noun)) return 'people';
  return 'other';
}

/** One sentence's quantities, with ranges relative to the sentence. */
export function findQuantitiesInText(text: string): (Omit<Quantity, 'evidence'> & { start: number; end: number })[] {
  const numbers = findQualifiedNumbers(text);
  // Counts already read as casualties (and their "including" parts) are not repeated here.
  const casualties = findCasualtiesInText(text);
  const casualtyAt = (n: QualifiedNumber) => casualties.find((c) => n.start >= c.start && n.start < c.end);
  const out: (Omit<Quantity, 'evidence'> & { start: number; end: number })[] = [];

  for (const n of numbers) {
    const base = { count: n.value, qualifier: n.qualifier, ...(n.vague ? { vague: true } : {}) };
    const casualty = casualtyAt(n);
    if (casualty) {
      // People moved from their homes are a quantity of the story too; the dead and hurt stay casualties only.
      if ((casualty.kind === 'displaced' || casualty.kind === 'evacuated') && casualty.count === n.value) {
        const what = `${casualty.group ?? 'people'} ${casualty.kind}`;
        out.push({ ...base, what, category: 'people', text: text.slice(casualty.start, casualty.end), start: casualty.start, end: casualty.end });
      }
      continue;
    }

    const symbol = CURRENCY_SYMBOL.exec(text.slice(Math.max(0, n.start - 4), n.start));
    const currencyWord = CURRENCY_WORDS.exec(text.slice(n.end));
    if (symbol || currencyWord) {
      const start = symbol ? n.start - symbol[0].length : n.phraseStart;
      const phraseStart = Math.min(start, n.phraseStart);
      const end = currencyWord ? n.end + currencyWord[0].length : n.phraseEnd;
      const unit = symbol ? symbol[1] : (currencyWord as RegExpExecArray)[1].toLowerCase();
      out.push({ ...base, what: CURRENCY_NAMES[unit] ?? unit, unit, category: 'money', text: text.slice(phraseStart, end), start: phraseStart, end });
      continue;
    }

    // "30-day freeze", "90-minute call": the unit is glued to the count, the noun after it says what lasted.
    if (n.compound && DURATION_UNITS.test(n.compound)) {
      const unitEnd = n.end + 1 + n.compound.length;
      if (/^-old\b/.test(text.slice(unitEnd))) continue; // "34-year-old": an age
      const noun = /^(?:\s+(?!(?:on|of|in|to|for|and|or|the|a|with|that|was|is|by|at|from)\b)[\p{Ll}-]+){1,2}/u.exec(text.slice(unitEnd));
      const end = noun ? unitEnd + noun[0].length : unitEnd;
      const what = `${n.compound}${noun ? ' ' + noun[0].trim() : ''}`;
      out.push({ ...base, what, category: 'duration', text: text.slice(n.phraseStart, end), start: n.phraseStart, end });
      continue;
    }
    if (n.compound || looksLikeYear(n)) continue;

    const counted = countedNoun(text, n.phraseEnd);
    if (!counted) continue;
    const category = categoryOf(counted.noun);
    if (category === 'duration') {
      // "44 days ago" is a date, not a duration; a duration needs "for", "over", "within" or "consecutive".
      const after = text.slice(counted.end);
      if (/^\s+(?:ago|earlier|later|before|prior|after|from now)\b/i.test(after)) continue;
      const before = text.slice(Math.max(0, n.phraseStart - 12), n.phraseStart);
      if (!/\b(?:for|over|within|during|in|after|lasted|lasting|last|spent|took|consecutive)\s+$/i.test(before) && !/consecutive/i.test(counted.what)) continue;
    }
    out.push({ ...base, what: counted.what, category, text: text.slice(n.phraseStart, counted.end), start: n.phraseStart, end: counted.end });
  }
  return out;
}

/** Story-carrying quantities across the article, each with its sentence. */
export function findQuantities(_input: AnalysisInput, sentences: Sentence[]): Quantity[] {
  const out: Quantity[] = [];
  const seen = new Set<string>();
  for (const s of sentences) {
    for (const q of findQuantitiesInText(s.text)) {
      // A figure repeated in a later paragraph is the same fact.
      const key = `${q.category}|${q.count}|${q.what.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { start, end, ...rest } = q;
      out.push({ ...rest, evidence: { sentence: s.index, paragraph: s.paragraph, start: s.start + start, end: s.start + end } });
    }
  }
  return out;
}
