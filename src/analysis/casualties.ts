import type { AnalysisInput, Casualty, CasualtyKind, Qualifier, Sentence } from './types.js';
import { findQualifiedNumbers, looksLikeYear, type QualifiedNumber } from './numbers.js';
import { nextWords } from './text.js';

/**
 * Casualty counts tied to the word that says what happened to them. A count is only a
 * casualty when a casualty verb or noun governs it ("killed 34 people", "12 people were
 * killed", "34 dead", "the death toll rose to 19"); a number near such a word is not
 * enough, which keeps ages, years, unit names and durations out.
 */

/** Verb forms that take the count as their object: "killed 34", "injuring over 40". */
const ACTIVE: [RegExp, CasualtyKind][] = [
  [/\b(?:killed|killing|kills|kill|claimed the lives of|claiming the lives of|took the lives of|taking the lives of)\s*$/i, 'killed'],
  [/\b(?:(?:the\s+)?(?:death toll|toll|number of (?:dead|deaths|fatalities|those killed|people killed)))(?:\s+(?:from|in|after|of)\s+[^.;:!?\d]{1,110}?)?(?:\s+(?:has|had|have|now|then|later|also|officially))*\s+(?:rose|risen|rises|climbed|climbs|jumped|increased|reached|reaches|hit|stands|stood|is|was|of|at|to|grew|passed|surpassed|exceeded)(?:\s+(?:to|at))?\s*$/iu, 'killed'],
  [/\b(?:injured|injuring|injures|injure|wounded|wounding|wounds|wound|hurt|hurting|maimed|maiming)\s*$/i, 'injured'],
  [/\b(?:(?:the\s+)?number of (?:injured|wounded|injuries|people injured|people wounded))(?:\s+(?:has|had|now))*\s+(?:rose|risen|climbed|reached|stands|stood|is|was|increased)(?:\s+(?:to|at))?\s*$/i, 'injured'],
  [/\b(?:captured|capturing|captures|abducted|abducting|kidnapped|kidnapping|took prisoner|taking prisoner|taken prisoner)\s*$/i, 'captured'],
  [/\b(?:displaced|displacing|displaces|uprooted|uprooting)\s*$/i, 'displaced'],
  [/\b(?:evacuated|evacuating|evacuates)\s*$/i, 'evacuated'],
];

/** "took 251 hostages": a verb that makes a capture only with these nouns. */
const TAKING = /\b(?:took|taken|taking|takes|seized|seizing|holding|held|kidnapped|abducted)\s*$/i;
const CAPTIVES = /^(?:hostages?|captives?|prisoners?)$/i;

/** What follows the count (and its group) when the sentence is passive or adjectival: "12 people were killed", "34 dead". */
const AFTER: [RegExp, CasualtyKind][] = [
  [/^(?:(?:were|was|have been|has been|had been|are|is|being|got|had|have)\s+)?(?:(?:reportedly|reported|confirmed|also|later|all|now|initially|officially|believed|feared|thought|said to be|known to be)\s+)*(?:killed|dead|died|perished|slain|lost their lives|dead bodies|deaths|fatalities|were left dead)\b/i, 'killed'],
  [/^(?:(?:were|was|have been|has been|had been|are|is|being|got)\s+)?(?:(?:reportedly|reported|confirmed|also|later|all|now|initially|officially|seriously|severely|critically|lightly|badly)\s+)*(?:injured|wounded|hurt|hospitali[sz]ed|injuries)\b/i, 'injured'],
  [/^(?:were|was|have been|has been|had been|are|is|being)\s+(?:(?:also|later|all|initially)\s+)*(?:treated\s+(?:in hospital\s+)?for\s+(?:injuries|wounds|burns|smoke inhalation|shrapnel wounds|gunshot wounds)|taken to hospital with)\b/i, 'injured'],
  [/^(?:(?:were|was|have been|has been|had been|are|is|remain|remained|remains|are still|were still|still)\s+)?(?:(?:reportedly|reported|also|now|still|officially)\s+)*(?:missing|unaccounted for)\b/i, 'missing'],
  [/^(?:(?:were|was|have been|has been|had been|are|is|being)\s+)?(?:(?:reportedly|also|later)\s+)*(?:captured|taken prisoner|taken captive|taken hostage|abducted|kidnapped)\b/i, 'captured'],
  [/^(?:(?:were|was|have been|has been|had been|are|is|being|remain|remained|have|has|had)\s+)?(?:(?:reportedly|also|now|internally|forcibly|left|made|rendered)\s+)*(?:displaced|homeless|forced (?:from|out of) their homes|uprooted|fled(?: their homes)?|been forced to flee)\b/i, 'displaced'],
  [/^(?:(?:were|was|have been|has been|had been|are|is|being)\s+)?(?:(?:reportedly|also|later|safely)\s+)*(?:evacuated)\b/i, 'evacuated'],
];

/** Nouns that name who the count is ("civilians", "children"); the group is read up to one of these. */
const PEOPLE = new Set([
  'people', 'persons', 'person', 'civilians', 'civilian', 'soldiers', 'soldier', 'servicemen', 'servicemembers',
  'troops', 'children', 'child', 'kids', 'women', 'men', 'man', 'woman', 'residents', 'villagers', 'officers',
  'policemen', 'police', 'workers', 'journalists', 'medics', 'doctors', 'nurses', 'patients', 'passengers',
  'students', 'pupils', 'fighters', 'militants', 'migrants', 'refugees', 'pilgrims', 'tourists', 'miners',
  'firefighters', 'rescuers', 'crew', 'sailors', 'others', 'victims', 'teenagers', 'infants', 'babies', 'boys',
  'girls', 'adults', 'minors', 'members', 'staff', 'employees', 'protesters', 'demonstrators', 'hostages',
  'prisoners', 'captives', 'inmates', 'guards', 'personnel', 'families', 'individuals', 'Marines', 'marines', 'volunteers',
  'paramedics', 'peacekeepers', 'insurgents', 'rebels', 'combatants', 'officials', 'athletes', 'fans', 'climbers',
  'hikers', 'fishermen', 'swimmers', 'shoppers', 'worshippers', 'mourners', 'bystanders', 'pedestrians', 'motorists', 'elderly',
  'driver', 'drivers', 'officer', 'policeman', 'policemen', 'policewoman', 'fisherman', 'sailor', 'sailors', 'watchman',
  'watchmen', 'firefighter', 'journalist', 'worker', 'nurse', 'doctor', 'medic', 'farmer', 'farmers', 'teacher', 'teachers',
  'guard', 'pilot', 'pilots', 'boy', 'girl', 'student', 'resident', 'villager', 'passenger', 'fighter', 'militant', 'rebel',
  'trooper', 'troopers', 'conscript', 'conscripts', 'reservist', 'reservists', 'ranger', 'rangers', 'gendarme', 'gendarmes',
  'aid workers', 'herder', 'herders', 'labourer', 'labourers', 'vendor', 'vendors', 'trader', 'traders', 'monitor', 'monitors',
]);

/** Words inside a group that say what happened to it ("31 wounded people", "the 12 dead civilians"). */
const STATE_IN_GROUP: [RegExp, CasualtyKind][] = [
  [/^(?:dead|killed|slain)$/i, 'killed'],
  [/^(?:wounded|injured|hurt)$/i, 'injured'],
];

/** Plural demonyms name a group too ("Palestinians", "Israelis", "Sudanese"). */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ians|ans|is|ese|ers|ites)$/u;

/** Words that may sit between the count and the group noun ("Ukrainian civilians", "young children"). */
const MODIFIER = /^(?:\p{Lu}[\p{L}-]*|[\p{Ll}-]+)$/u;
const NOT_MODIFIER = new Set([
  'and', 'or', 'in', 'on', 'at', 'of', 'the', 'a', 'an', 'to', 'for', 'with', 'by', 'from', 'across', 'during',
  'were', 'was', 'are', 'is', 'have', 'has', 'had', 'been', 'be', 'as', 'when', 'while', 'after', 'before',
  'including', 'among', 'who', 'which', 'that', 'since', 'overnight', 'yesterday', 'today',
]);

/** Words that can follow a bare count ("injured over 100", "killed 34 in ...") without being what is counted. */
const AFTER_BARE = new Set([
  'and', 'or', 'but', 'in', 'on', 'at', 'across', 'during', 'when', 'while', 'as', 'after', 'before', 'including',
  'among', 'near', 'inside', 'outside', 'throughout', 'from', 'with', 'since', 'overnight', 'yesterday', 'today',
  'there', 'so', 'more', 'amid', 'according', 'by', 'of', 'over', 'others', 'were', 'was', 'are', 'had', 'have',
  'has', 'this', 'that', 'last', 'earlier', 'late', 'early', 'this',
]);

/** A cheap filter: every pattern above needs one of these stems. */
const CASUALTY_WORD = /kill|dead|treated for|taken to hospital|death|died|toll|injur|wound|hurt|maim|missing|unaccounted|captur|prisoner|captive|hostage|abduct|kidnap|displac|homeless|uproot|from their homes|evacu|fled|flee|perish|slain|lives|fatalit|hospitali|took|taken|taking|seiz|held|holding/i;

/** The count of a "including"/"among them" list item, with its group. */
const INCLUDING_LEAD = /^\s*,?\s*(?:including|among them|among those|among whom|among the (?:dead|victims|injured|wounded|killed)(?:\s+(?:were|are))?|of whom|of them)\s+/i;

interface Found {
  kind: CasualtyKind;
  count: number;
  qualifier: Qualifier;
  vague: boolean;
  group: string | null;
  including: { count: number; group: string }[];
  /** Range in the sentence of the words the count was read from. */
  start: number;
  end: number;
  /** Where the number itself sits, to keep "including" counts from being read twice. */
  numberStart: number;
}

/** The group noun phrase right after `from` ("Ukrainian civilians"), and where it ends. */
function readGroup(text: string, from: number): { group: string; end: number } | null {
  const words = nextWords(text, from, /\s*([\p{L}][\p{L}'-]*)/uy);
  for (let k = 0; k < words.length; k++) {
    const w = words[k].word;
    if (PEOPLE.has(w) || PEOPLE.has(w.toLowerCase()) || DEMONYM.test(w)) {
      // "police officers", "aid workers": the group noun may be two words long.
      while (k + 1 < words.length && PEOPLE.has(words[k + 1].word.toLowerCase())) k++;
      let end = words[k].end;
      // "17 women and children": one group, not a count followed by a stray noun.
      const more = /^\s+and\s+([\p{L}]+)/u.exec(text.slice(end, end + 30));
      if (more && (PEOPLE.has(more[1].toLowerCase()) || DEMONYM.test(more[1])) && more[1].toLowerCase() !== 'others') end += more[0].length;
      return { group: text.slice(from, end).trim(), end };
    }
    if (NOT_MODIFIER.has(w.toLowerCase()) || !MODIFIER.test(w)) return null;
  }
  return null;
}

/**
 * A plural noun outside the known list counts as the group only before an auxiliary
 * ("five fishermen remain missing", "3 miners were killed"), never before an active
 * verb, so "40 missiles killed" stays out.
 */
function readLooseGroup(text: string, from: number): { group: string; end: number } | null {
  const m = /^\s+((?:\p{Ll}[\p{Ll}-]*\s+)?\p{Ll}+(?:s|men|people))(?=\s+(?:were|was|have been|has been|had been|are|remain|remained|are still|were still)\s)/u.exec(
    text.slice(from, from + 60),
  );
  if (!m || NOT_MODIFIER.has(m[1].split(/\s+/)[0])) return null;
  return { group: m[1], end: from + m[0].length };
}

/** The group as stored: "others" says nothing about who, so it stays null. */
function storedGroup(group: string | null): string | null {
  if (!group) return null;
  return /^others$/i.test(group) ? null : group;
}

/** The word right after `from`, lower-cased, or "" at a punctuation mark or the end. */
function nextWord(text: string, from: number): string {
  const m = /^\s*([\p{L}]+)/u.exec(text.slice(from, from + 30));
  if (!m) return '';
  return m[1].toLowerCase();
}

/** Read an "including two children and a woman" list starting at `from`. */
function readIncluding(text: string, from: number, numbers: QualifiedNumber[]): { items: { count: number; group: string; numberStart: number }[]; end: number } | null {
  const lead = INCLUDING_LEAD.exec(text.slice(from));
  if (!lead) return null;
  let pos = from + lead[0].length;
  const items: { count: number; group: string; numberStart: number }[] = [];
  for (;;) {
    const n = numbers.find((x) => x.phraseStart >= pos && text.slice(pos, x.phraseStart).trim() === '');
    if (!n || n.vague) break;
    // "of whom five were children": the verb sits between the count and the group.
    const linkage = /^\s+(?:were|are|was)\b/i.exec(text.slice(n.phraseEnd));
    const group = readGroup(text, n.phraseEnd + (linkage ? linkage[0].length : 0));
    if (!group) break;
    items.push({ count: n.value, group: group.group, numberStart: n.start });
    pos = group.end;
    const joiner = /^\s*(?:,\s*(?:and\s+)?|and\s+)/.exec(text.slice(pos));
    if (!joiner) break;
    const after = pos + joiner[0].length;
    if (!numbers.some((x) => x.phraseStart === after)) break;
    pos = after;
  }
  return items.length ? { items, end: pos } : null;
}

interface Chain {
  /** The counts after the first one ("and two civilians", ", a driver"). */
  items: { count: number; numberStart: number }[];
  end: number;
  /** The list sat between commas before the verb ("Three people, two firefighters and a watchman, were ..."): it names the first count's parts. */
  apposition: boolean;
}

/**
 * "three soldiers and two civilians", "four police officers and a driver": more counted groups after
 * the first, joined by commas and "and". A list set off by commas before the verb is an apposition
 * that breaks the first count down, so it is not added to it.
 */
function readChain(text: string, from: number, numbers: QualifiedNumber[]): Chain {
  const items: Chain['items'] = [];
  let pos = from;
  let commaFirst = false;
  for (;;) {
    const joiner = /^\s*(?:,\s*(?:and\s+)?|and\s+)/.exec(text.slice(pos, pos + 12));
    if (!joiner) break;
    const at = pos + joiner[0].length;
    const n = numbers.find((x) => x.phraseStart === at && !x.vague && !x.compound);
    let count: number;
    let groupFrom: number;
    if (n) {
      count = n.value;
      groupFrom = n.phraseEnd;
    } else {
      const article = /^(?:a|an)\s+/i.exec(text.slice(at, at + 4));
      if (!article) break;
      count = 1;
      groupFrom = at + article[0].length - 1;
    }
    const group = readGroup(text, groupFrom);
    if (!group) break;
    if (items.length === 0) commaFirst = joiner[0].includes(',');
    items.push({ count, numberStart: n ? n.start : at });
    pos = group.end;
  }
  const apposition = items.length > 0 && commaFirst && /^\s*,/.test(text.slice(pos, pos + 3));
  return { items, end: apposition ? pos + (/^\s*,/.exec(text.slice(pos))?.[0].length ?? 0) : pos, apposition };
}

/** The kind a group's own words give it ("wounded people"), or null. */
function stateInGroup(group: string): CasualtyKind | null {
  for (const w of group.split(/\s+/)) for (const [re, kind] of STATE_IN_GROUP) if (re.test(w)) return kind;
  return null;
}

/** Casualty counts in one sentence, with ranges relative to the sentence text. */
export function findCasualtiesInText(text: string): Omit<Found, 'numberStart'>[] {
  if (!CASUALTY_WORD.test(text)) return [];
  const numbers = findQualifiedNumbers(text);
  const found: Found[] = [];
  const includedAt = new Set<number>();
  const chainedAt = new Set<number>();

  for (const n of numbers) {
    // Ages ("34-year-old"), durations ("30-day"), years and ordinals are never casualty counts.
    if (n.compound) continue;
    const before = text.slice(Math.max(0, n.phraseStart - 160), n.phraseStart);
    let hit: { kind: CasualtyKind; start: number; end: number; group: string | null } | null = null;
    // Counts of further groups summed into this one ("three soldiers and two civilians were killed").
    let extra = 0;
    if (chainedAt.has(n.start)) continue;

    for (const [re, kind] of ACTIVE) {
      const m = re.exec(before);
      if (!m) continue;
      const verbStart = n.phraseStart - (before.length - m.index);
      const group = readGroup(text, n.phraseEnd);
      if (group) {
        let chain = readChain(text, group.end, numbers);
        // "killed 9 people and 3,000 residents were evacuated": the last group has a verb of its own.
        if (chain.items.length && /^\s+(?:were|was|are|is|have|has|had|remain|remained|fled)\b/.test(text.slice(chain.end, chain.end + 12))) chain = { items: [], end: group.end, apposition: false };
        hit = { kind, start: verbStart, end: chain.items.length && !chain.apposition ? chain.end : group.end, group: group.group };
        if (!chain.apposition && chain.items.length) {
          extra = chain.items.reduce((sum, it) => sum + it.count, 0);
          hit.group = text.slice(n.phraseEnd, chain.end).trim();
          for (const it of chain.items) chainedAt.add(it.numberStart);
        }
      } else {
        // A bare count must not be followed by something else being counted ("killed two days ago").
        const next = nextWord(text, n.phraseEnd);
        if (next !== '' && !AFTER_BARE.has(next)) break;
        if (looksLikeYear(n)) break;
        hit = { kind, start: verbStart, end: n.phraseEnd, group: null };
      }
      break;
    }

    if (!hit && TAKING.test(before)) {
      const group = readGroup(text, n.phraseEnd);
      if (group && CAPTIVES.test(group.group.split(/\s+/).pop() ?? '')) {
        const m = TAKING.exec(before) as RegExpExecArray;
        hit = { kind: 'captured', start: n.phraseStart - (before.length - m.index), end: group.end, group: group.group };
      }
    }

    if (!hit && !looksLikeYear(n)) {
      // "hundreds of people were killed": the group follows "of" after a vague count.
      const groupFrom = n.vague ? n.phraseEnd + (/^\s+of(?=\s)/.exec(text.slice(n.phraseEnd))?.[0].length ?? 0) : n.phraseEnd;
      const group = readGroup(text, groupFrom) ?? readLooseGroup(text, groupFrom);
      const chain = group ? readChain(text, group.end, numbers) : null;
      const from = chain && chain.items.length ? chain.end : group ? group.end : groupFrom;
      const rest = text.slice(from, from + 200);
      const gap = /^\s+/.exec(rest)?.[0].length ?? 0;
      // "no one was killed" is handled in numbers; "one of them was killed" reads fine as one.
      for (const [re, kind] of AFTER) {
        const m = re.exec(rest.slice(gap));
        if (!m) continue;
        // Without a group, only a bare count may precede the verb: "34 dead", "12 were killed".
        hit = { kind, start: n.phraseStart, end: from + gap + m[0].length, group: group ? group.group : null };
        if (chain && chain.items.length && !chain.apposition) {
          extra = chain.items.reduce((sum, it) => sum + it.count, 0);
          hit.group = text.slice(n.phraseEnd, chain.end).trim();
          for (const it of chain.items) chainedAt.add(it.numberStart);
        }
        break;
      }
      // "31 wounded people had been taken to hospital": the group's own adjective says what happened.
      const state = !hit && group ? stateInGroup(group.group) : null;
      if (state) hit = { kind: state, start: n.phraseStart, end: group!.end, group: group!.group };
    }
    if (!hit) continue;

    const item: Found = {
      kind: hit.kind,
      count: n.value + extra,
      qualifier: n.qualifier,
      vague: n.vague,
      group: storedGroup(hit.group),
      including: [],
      start: hit.start,
      end: hit.end,
      numberStart: n.start,
    };
    const including = readIncluding(text, hit.end, numbers);
    if (including) {
      item.including = including.items.map(({ count, group }) => ({ count, group }));
      for (const it of including.items) includedAt.add(it.numberStart);
      item.end = including.end;
    }
    found.push(item);
  }

  return found
    .filter((f) => !includedAt.has(f.numberStart) && !chainedAt.has(f.numberStart))
    .map(({ numberStart: _n, ...rest }) => rest);
}

/** Casualty counts across the article, each with the sentence it came from. */
export function findCasualties(_input: AnalysisInput, sentences: Sentence[]): Casualty[] {
  const out: Casualty[] = [];
  const seen = new Set<string>();
  for (const s of sentences) {
    for (const f of findCasualtiesInText(s.text)) {
      // Casualties are exact or absent: "hundreds have died" gives no count. People displaced or
      // evacuated are not casualties (they are among the quantities).
      if (f.vague || f.kind === 'displaced' || f.kind === 'evacuated') continue;
      // The same figure repeated later in the article is one fact; a different figure is kept (tolls change).
      const key = `${f.kind}|${f.count}|${f.qualifier}|${f.group ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const casualty: Casualty = {
        kind: f.kind,
        count: f.count,
        qualifier: f.qualifier,
        group: f.group,
        including: f.including,
        text: s.text.slice(f.start, f.end),
        evidence: { sentence: s.index, paragraph: s.paragraph, start: s.start + f.start, end: s.start + f.end },
      };
      if (f.vague) casualty.vague = true;
      out.push(casualty);
    }
  }
  return out;
}
