import { foldAccents, wordKey } from './names.js';
import { ROLE_NOUNS, looksDemonym, type NameMention } from './mentions.js';
import type { SubjectRef } from './reporting.js';
import { DOCUMENT } from './reporting-verbs.js';

/**
 * Entity chains: per article, every mention of a person or organisation joined to one entity.
 * A full name starts a person; a surname, a partial name ("Van der Marlowe"), a title + name and an
 * apposition ("Ingrid Solberg, the union president") join it; a description ("the envoy", "the
 * Norvian diplomat") finds the person whose role matches; a pronoun finds the most salient earlier
 * person (subjects first, recent first) of a compatible gender; "the rebels", "the group" find the
 * armed group the article named; a body ("the army", "state media") is named with the country or
 * place that qualifies it. Two people sharing a surname stay two entities. An unnamed source stays
 * unnamed and belongs to its article only.
 */

export type EntityKind = 'person' | 'org' | 'body' | 'unnamed' | 'word';
type Gender = 'm' | 'f' | null;

export interface Entity {
  id: number;
  kind: EntityKind;
  /** The fullest clean name seen (persons), the organisation's name, or the body's qualified name. */
  name: string;
  tokens: string[];
  role: string | null;
  roleNouns: Set<string>;
  gender: Gender;
  /** A guess from the first name's ending; used only when nothing firmer is known. */
  weakGender: Gender;
  acronym: string | null;
  mentions: number;
  lastSentence: number;
}

const FEMALE_WORDS = /\b(?:spokeswoman|chairwoman|businesswoman|congresswoman|woman|mrs|ms|madam|queen|princess|sister|mother|nun|actress|grandmother|widow)\b/i;
const MALE_WORDS = /\b(?:spokesman|chairman|businessman|congressman|man|mr|king|prince|father|brother|grandfather|sheikh|emir|sultan)\b/i;
const ROLE_CLASS: Record<string, string> = {
  envoy: 'diplomat', diplomat: 'diplomat', mediator: 'diplomat', negotiator: 'diplomat', ambassador: 'diplomat',
  spokesman: 'spokes', spokeswoman: 'spokes', spokesperson: 'spokes',
  commander: 'military', general: 'military', colonel: 'military', admiral: 'military', officer: 'military', 'chief of staff': 'military',
  president: 'president', premier: 'premier', chancellor: 'premier',
};
/** Nouns that stand for an armed or political group the article named. */
const GROUP_NOUNS = new Set(['rebels', 'guerrillas', 'militants', 'insurgents', 'separatists', 'fighters', 'brigades', 'group', 'movement', 'organisation', 'organization', 'militia', 'front']);
const GROUP_NAME_WORDS = /\b(?:Movement|Front|Brigades?|Army|Forces|Militia|Council|Party|Group|Organi[sz]ation|Alliance|Union|Liberation|Resistance)\b/;
const COUNTRY_NOUNS = /^(?:army|military|navy|government|ministry|state media|media|police|forces|authorities|cabinet|presidency|parliament|courts?|air force|junta|regime)$/;

function fold(s: string): string {
  return foldAccents(s).toLowerCase();
}

function weakGenderOf(first: string): Gender {
  if (/a$/i.test(first) && first.length > 2) return 'f';
  if (/o$/i.test(first) && first.length > 2) return 'm';
  return null;
}

function roleNounsOf(role: string): string[] {
  const out: string[] = [];
  const lower = role.toLowerCase();
  for (const w of lower.split(/[\s,]+/)) if (ROLE_NOUNS.has(w)) out.push(w);
  if (/chief of staff/.test(lower)) out.push('chief of staff');
  if (/\bcommands?\b/.test(lower)) out.push('commander');
  return out;
}

function initials(tokens: string[]): string {
  return tokens.filter((t) => /^\p{Lu}/u.test(t)).map((t) => t[0]).join('');
}

export class EntityChains {
  /** Who last issued a statement ("X said in a statement", "a statement from X"), for a later "the statement said". */
  statementMaker: { entity: Entity; sentence: number } | null = null;
  readonly entities: Entity[] = [];
  /** Per sentence: the subject entity first, then other persons mentioned, in order. */
  private readonly salience: Entity[][] = [];
  /** Entities by the key of each name word (and "ac:" + initials for organisations): lookups never scan every entity. */
  private readonly byKey = new Map<string, Entity[]>();
  private readonly byName = new Map<string, Entity>();
  /** People with a role, bodies and armed groups, in the order they were met (searched from the latest). */
  private readonly roleHolders: Entity[] = [];
  private readonly bodies: Entity[] = [];
  private readonly groups: Entity[] = [];
  private readonly home: string | null;

  constructor(home: string | null) {
    this.home = home;
  }

  private create(kind: EntityKind, name: string, sentence: number): Entity {
    const tokens = name.split(/\s+/);
    const e: Entity = {
      id: this.entities.length, kind, name, tokens, role: null, roleNouns: new Set(), gender: null,
      weakGender: kind === 'person' && tokens.length > 1 ? weakGenderOf(tokens[0]) : null, acronym: null, mentions: 0, lastSentence: sentence,
    };
    this.entities.push(e);
    this.index(e);
    return e;
  }

  private index(e: Entity): void {
    const add = (k: string): void => {
      if (!k) return;
      const list = this.byKey.get(k);
      if (!list) this.byKey.set(k, [e]);
      else if (!list.includes(e)) list.push(e);
    };
    for (const t of e.tokens) {
      add(fold(t));
      add(wordKey(t));
    }
    if (e.kind === 'org') add(`ac:${initials(e.tokens)}`);
    if (e.acronym) add(`ac:${e.acronym}`);
    this.byName.set(`${e.kind}|${e.name}`, e);
    if (e.kind === 'body' && !this.bodies.includes(e)) this.bodies.push(e);
    if (e.kind === 'org' && GROUP_NAME_WORDS.test(e.name) && !this.groups.includes(e)) this.groups.push(e);
  }

  private candidates(keys: string[]): Entity[] {
    const out: Entity[] = [];
    for (const k of keys) for (const e of this.byKey.get(k) ?? []) if (!out.includes(e)) out.push(e);
    return out;
  }

  private touch(e: Entity, sentence: number): Entity {
    e.mentions++;
    e.lastSentence = sentence;
    return e;
  }

  addRole(e: Entity, role: string): void {
    const clean = role.replace(/^(?:the|a|an)\s+/i, '').replace(/\s+(?:who|which|that)\s.*$/i, '').trim();
    if (!clean) return;
    if (!e.role) e.role = clean;
    for (const n of roleNounsOf(clean)) e.roleNouns.add(n);
    if (e.roleNouns.size > 0 && !this.roleHolders.includes(e)) this.roleHolders.push(e);
    if (!e.gender && FEMALE_WORDS.test(clean)) e.gender = 'f';
    else if (!e.gender && MALE_WORDS.test(clean)) e.gender = 'm';
  }

  setGender(e: Entity, g: Gender): void {
    if (g && e.kind === 'person' && !e.gender) e.gender = g;
  }

  /** A proper-name mention joined to its entity (created when new). */
  resolveName(m: NameMention, sentence: number): Entity {
    const tokens = m.name.split(/\s+/);
    // Name words compare by their transliteration-proof key: Marchenky, Marchenkiy and Marchenkyy are one.
    const key = (t: string): string => (m.kind === 'person' || m.kind === 'word' ? wordKey(t) || fold(t) : fold(t));
    const keys = tokens.map(key);
    const contains = (e: Entity): boolean => {
      const ek = e.tokens.map(key);
      for (let i = 0; i + keys.length <= ek.length; i++) if (keys.every((k, j) => ek[i + j] === k)) return true;
      return false;
    };
    const near = this.candidates(keys);
    if (m.kind === 'person' && tokens.length > 1) {
      const same = near.find((e) => e.kind === 'person' && contains(e));
      if (same) return this.withRole(this.touch(same, sentence), m);
      // A person first named by surname alone, now in full (unless another full name holds that surname).
      const partial = near.find((e) => {
        if ((e.kind !== 'person' && e.kind !== 'word') || e.tokens.length >= tokens.length) return false;
        const ek = e.tokens.map(key);
        let inside = false;
        for (let i = 0; i + ek.length <= keys.length && !inside; i++) if (ek.every((k, j) => keys[i + j] === k)) inside = true;
        if (!inside) return false;
        const last = key(e.tokens[e.tokens.length - 1]);
        return !(this.byKey.get(last) ?? []).some((o) => o !== e && o.kind === 'person' && o.tokens.length > 1);
      });
      if (partial) {
        partial.kind = 'person';
        partial.name = m.name;
        partial.tokens = tokens;
        partial.weakGender = weakGenderOf(tokens[0]);
        this.index(partial);
        return this.withRole(this.touch(partial, sentence), m);
      }
      return this.withRole(this.touch(this.create('person', m.name, sentence), sentence), m);
    }
    // A surname or a partial name: the person (the most mentioned, then the latest, of those it fits).
    const people = near.filter((e) => e.kind === 'person' && contains(e));
    if (people.length > 0) {
      const best = people.sort((a, b) => b.mentions - a.mentions || b.lastSentence - a.lastSentence)[0];
      return this.withRole(this.touch(best, sentence), m);
    }
    if (m.kind === 'org' || m.kind === 'word') {
      const acronym = tokens.length === 1 && /^\p{Lu}{2,}$/u.test(m.name);
      const org = [...near, ...(acronym ? (this.byKey.get(`ac:${m.name}`) ?? []) : [])].find(
        (e) => e.kind === 'org' && (contains(e) || e.acronym === m.name || (acronym && initials(e.tokens) === m.name)),
      );
      if (org) {
        if (acronym && !org.acronym) {
          org.acronym = m.name;
          this.index(org);
        }
        return this.touch(org, sentence);
      }
      // An organisation first met by its acronym, now in full.
      if (m.kind === 'org' && tokens.length > 1) {
        const ac = (this.byKey.get(fold(initials(tokens))) ?? []).find((e) => e.kind === 'org' && e.tokens.length === 1 && e.name === initials(tokens));
        if (ac) {
          ac.acronym = ac.name;
          ac.name = m.name;
          ac.tokens = tokens;
          this.index(ac);
          return this.touch(ac, sentence);
        }
      }
    }
    const kind: EntityKind = m.kind === 'person' ? 'person' : m.kind === 'org' ? 'org' : 'word';
    const same = this.byName.get(`${kind}|${m.name}`);
    if (same) return this.withRole(this.touch(same, sentence), m);
    return this.withRole(this.touch(this.create(kind, m.name, sentence), sentence), m);
  }

  private withRole(e: Entity, m: NameMention): Entity {
    if (m.role) this.addRole(e, m.role);
    return e;
  }

  /** Record who the sentence is about, for pronouns later: its subject first. */
  noteSentence(sentence: number, subject: Entity | null, others: Entity[]): void {
    const list: Entity[] = [];
    if (subject) list.push(subject);
    for (const e of others) if (!list.includes(e)) list.push(e);
    this.salience[sentence] = list;
  }

  /** The most salient earlier entity a pronoun can stand for: subjects first, recent sentences first. */
  resolvePronoun(word: string, sentence: number, earlierInSentence: Entity[]): Entity | null {
    const gender: Gender = word === 'he' ? 'm' : word === 'she' ? 'f' : null;
    const wantsPerson = gender !== null;
    const fits = (e: Entity): boolean => {
      if (wantsPerson) return e.kind === 'person';
      // A demonym ("Syrian") is an adjective, never what "it" or "they" stands for.
      if (e.kind === 'word' && looksDemonym(e.name)) return false;
      if (word === 'it') return e.kind === 'org' || e.kind === 'body' || e.kind === 'word';
      return e.kind === 'org' || e.kind === 'body' || e.kind === 'unnamed' || e.kind === 'word';
    };
    // First pass: the gender guessed from a first name must fit too, within a few sentences; second: only what is known.
    const strongFits = (e: Entity): boolean => fits(e) && (!wantsPerson || e.gender === null || e.gender === gender);
    const weakFits = (e: Entity): boolean => strongFits(e) && (!wantsPerson || e.gender !== null || e.weakGender === null || e.weakGender === gender);
    for (const [test, reach] of [[weakFits, 3], [strongFits, 6]] as const) {
      for (const e of [...earlierInSentence].reverse()) if (test(e) && e.kind === 'person') return e;
      for (let s = sentence - 1; s >= 0 && s >= sentence - reach; s--) {
        const list = this.salience[s];
        if (!list) continue;
        for (const e of list) if (test(e)) return e;
      }
    }
    return null;
  }

  /** "the envoy", "the Norvian diplomat", "the president": the person whose role matches, recent first. */
  resolveDescription(roleNoun: string, demonym: string | null, sentence: number, modifiers: string[] = []): Entity | null {
    const cls = ROLE_CLASS[roleNoun];
    const matches = (e: Entity): boolean => {
      if (e.kind !== 'person') return false;
      if (demonym && e.role && looksDemonym(e.role.split(/\s+/)[0]) && !e.role.includes(demonym)) return false;
      // "the prime minister" is not the foreign minister; "Israel's prime minister" is not Ana Moro.
      const role = (e.role ?? '').toLowerCase();
      if (modifiers.some((m) => !role.includes(m))) return false;
      if (e.roleNouns.has(roleNoun)) return true;
      return cls !== undefined && [...e.roleNouns].some((n) => ROLE_CLASS[n] === cls);
    };
    let best: Entity | null = null;
    for (let i = this.roleHolders.length - 1, seen = 0; i >= 0 && seen < 40; i--, seen++) {
      const e = this.roleHolders[i];
      if (matches(e) && (!best || e.lastSentence > best.lastSentence)) best = e;
    }
    if (best) return best;
    // No one holds the role: the person the text is about, when that person has no role of their own.
    for (let s = sentence - 1; s >= 0 && s >= sentence - 3; s--) {
      const e = this.salience[s]?.[0];
      if (e && e.kind === 'person' && e.roleNouns.size === 0) return e;
    }
    return null;
  }

  /** The armed or political group the article named, for "the rebels", "the group", "the brigades". */
  private namedGroup(noun: string): Entity | null {
    const orgs = this.groups.slice(-50);
    const stem = noun.replace(/s$/, '').toLowerCase();
    const byWord = orgs.find((e) => e.tokens.some((t) => t.toLowerCase().replace(/s$/, '') === stem));
    if (byWord) return byWord;
    if (!['rebels', 'guerrillas', 'militants', 'insurgents', 'separatists', 'fighters', 'group', 'movement'].includes(noun)) return null;
    const group = orgs.sort((a, b) => b.mentions - a.mentions)[0] ?? null;
    if (group || !['group', 'movement'].includes(noun)) return group;
    // "The group" in an article whose organisation has no group word in its name: the organisation that was the
    // subject of one of the last three sentences.
    for (let i = this.salience.length - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
      const subject = this.salience[i]?.[0];
      if (subject && (subject.kind === 'org' || subject.kind === 'word') && subject.mentions >= 2) return subject;
    }
    return null;
  }

  private short(e: Entity): string {
    return e.acronym ?? e.name;
  }

  /**
   * A body as a speaker, named so that it reads alone: "The Ostreli defence ministry" -> "Ostreli defence
   * ministry", "the rebels' political wing" -> "NRM political wing", "the army" -> "Bakonde army",
   * "state media" in a sentence about Vinsk -> "state media in Vinsk". Null when nothing qualifies it.
   */
  resolveBody(text: string, sentence: number, place: string | null): Entity | null {
    let np = text.replace(/^(?:the|its|their|his|her)\s+/i, '').trim();
    // An owner written before the noun: a proper name or demonym, or a group noun with a possessive.
    const owner = /^((?:the\s+)?[\p{L}-]+)['’]s?\s+(.+)$/u.exec(np);
    if (owner) {
      const who = owner[1].replace(/^the\s+/i, '');
      if (/^\p{Ll}/u.test(who)) {
        const group = GROUP_NOUNS.has(who.toLowerCase()) ? this.namedGroup(who.toLowerCase()) : null;
        if (group) return this.body(`${this.short(group)} ${owner[2]}`, sentence);
        const parent = this.latestBody((e) => e.name.toLowerCase().endsWith(who.toLowerCase()));
        if (parent) return this.body(`${parent.name.replace(/\s+\S+$/, '')} ${who} ${owner[2]}`.replace(/\s+/g, ' '), sentence);
        np = `${who} ${owner[2]}`;
      } else return this.body(np, sentence);
    }
    // "Ostreli defence ministry", "Iranian-allied Houthi fighters": a demonym or a name the article knows qualifies the body.
    const known = (w: string): boolean => this.entities.some((e) => e.name === w || e.tokens.includes(w));
    if (/^\p{Lu}/u.test(np) && np.split(/\s+/).some((w, i) => (i === 0 && (looksDemonym(w.split('-')[0]) || known(w))) || (/^\p{Lu}/u.test(w) && known(w)))) return this.body(np, sentence);
    const lower = np.toLowerCase();
    if (GROUP_NOUNS.has(lower)) {
      const group = this.namedGroup(lower);
      if (group) return ['group', 'movement', 'organisation', 'organization', 'front', 'militia'].includes(lower) ? this.touch(group, sentence) : this.body(`${this.short(group)} ${lower}`, sentence);
    }
    // A body met before with a qualifier: "the ministry" after "The Ostreli defence ministry".
    const earlier = this.latestBody((e) => e.name.toLowerCase().endsWith(lower) && e.name.length > lower.length);
    if (earlier) return this.touch(earlier, sentence);
    // A named organisation met in the last few sentences whose name ends in the noun: "the ministry" after "the DPR Defense Ministry".
    if (!/\s/.test(lower)) {
      const named = this.entities.slice(-80).filter((e) => e.kind === 'org' && sentence - e.lastSentence <= 3 && e.tokens.length > 1 && e.tokens[e.tokens.length - 1].toLowerCase() === lower);
      if (named.length) return this.touch(named.sort((a, b) => b.lastSentence - a.lastSentence)[0], sentence);
    }
    if (place) return this.body(`${lower} in ${place}`, sentence);
    if (this.home && (COUNTRY_NOUNS.test(lower) || /(?:ministry|army|media|government|forces)$/.test(lower))) return this.body(`${this.home} ${lower}`, sentence);
    return null;
  }

  /** The most recently met body that fits (among the latest few dozen). */
  private latestBody(fits: (e: Entity) => boolean): Entity | null {
    let best: Entity | null = null;
    for (let i = this.bodies.length - 1, seen = 0; i >= 0 && seen < 40; i--, seen++) {
      const e = this.bodies[i];
      if (fits(e) && (!best || e.lastSentence > best.lastSentence)) best = e;
    }
    return best;
  }

  private body(name: string, sentence: number): Entity {
    const clean = name.replace(/^(?:the)\s+/i, '').replace(/\s+/g, ' ').trim();
    const same = this.byKey.get(`body:${fold(clean)}`)?.[0];
    if (same) return this.touch(same, sentence);
    const e = this.create('body', clean, sentence);
    this.byKey.set(`body:${fold(clean)}`, [e]);
    return this.touch(e, sentence);
  }

  /** An unnamed source, kept as the text describes it ("a senior Aldorian official"). */
  unnamed(text: string, sentence: number, definite = false): Entity {
    let np = text
      .replace(/\s*,.*$/, '')
      .replace(/\s+(?:who|speaking|involved in|familiar with|close to)\b.*$/i, (x) => (/^\s+involved$/i.test(x) ? x : ''))
      .trim();
    const words = np.split(/\s+/);
    if (words.length > 8) np = words.slice(0, 8).join(' ');
    // "A senior official" -> "a senior official"; "Critics" -> "unnamed critics"; "Israel's prime minister" stays.
    if (/^(?:A|An|The|One|Two|Three|Four|Several|Some|Many|Other|Another|Senior|Government|Army|Military|Western|Both)\b/.test(np)) np = np[0].toLowerCase() + np.slice(1);
    if (!/\s/.test(np)) np = `unnamed ${np.toLowerCase()}`;
    void definite;
    return this.touch(this.create('unnamed', np, sentence), sentence);
  }

  /** The entity a subject stands for, or null when it can't be told. */
  resolveSubject(ref: SubjectRef, sentence: number, earlier: Entity[], place: string | null): Entity | null {
    switch (ref.kind) {
      case 'name': {
        const e = this.resolveName(ref.mention, sentence);
        if (ref.apposition) this.addRole(e, ref.apposition);
        return e;
      }
      case 'pronoun': {
        if (ref.word === 'we' || ref.word === 'i') return null;
        const e = this.resolvePronoun(ref.word, sentence, earlier);
        if (e) this.setGender(e, ref.word === 'he' ? 'm' : ref.word === 'she' ? 'f' : null);
        return e;
      }
      case 'description': {
        if (ref.name) {
          const e = this.resolveName(ref.name, sentence);
          this.addRole(e, ref.text);
          return e;
        }
        const e = this.resolveDescription(ref.roleNoun, ref.demonym, sentence, descriptionModifiers(ref.text, ref.roleNoun));
        return e ? this.touch(e, sentence) : this.unnamed(ref.text, sentence, true);
      }
      case 'body':
        if (DOCUMENT.test(ref.text)) {
          // "the statement said": the one who issued it, if that was a few sentences back; else narration.
          const maker = this.statementMaker;
          return maker && sentence - maker.sentence <= 4 ? this.touch(maker.entity, sentence) : null;
        }
        return this.resolveBody(ref.text, sentence, place) ?? this.unnamed(ref.text.replace(/^the\s+/i, ''), sentence);
      case 'unnamed':
        return this.unnamed(ref.text, sentence);
    }
  }
}

/** The words of a description that pin its role down: "prime" in "the prime minister", "Israel" in "Israel's prime minister". */
function descriptionModifiers(text: string, roleNoun: string): string[] {
  const words = text.replace(/^(?:the|his|her|its|their|this)\s+/i, '').split(/\s+/);
  const out: string[] = [];
  for (const w of words.slice(0, -1)) {
    const lower = w.toLowerCase().replace(/['’]s?$/, '');
    if (lower === roleNoun || looksDemonym(w)) continue;
    if (/^(?:prime|foreign|defence|defense|interior|information|peace|deputy|vice|finance|health|justice|labour|labor|trade|economy)$/.test(lower) || /['’]s?$/.test(w)) out.push(lower);
  }
  return out;
}

/** The country an article's bodies belong to: its dateline's, else the place its demonym names most. */
export function homeCountry(paragraphs: readonly string[], capsCount: ReadonlyMap<string, number>): string | null {
  const first = paragraphs.find((p) => p.trim().length > 40) ?? '';
  const dateline = /^\s*[\p{Lu}][\p{Lu}\p{M} .'’-]+,\s+(\p{Lu}\p{Ll}[\p{L}-]+)\s*(?:,|—|–|\()/u.exec(first);
  if (dateline) return dateline[1];
  // Stems of the article's demonyms ("Qaraduni" -> "Qarad", "Qaradu", ...): a country has its demonym's stem.
  const stems = new Set<string>();
  for (const w of capsCount.keys()) {
    const d = w.replace(/s$/, '');
    if (!looksDemonym(d)) continue;
    for (let k = 3; k < d.length; k++) stems.add(d.slice(0, k));
  }
  let best: string | null = null;
  let count = 0;
  for (const [word, n] of capsCount) {
    if (n <= count || looksDemonym(word)) continue;
    const stem = word.replace(/[aeiou]+$/i, '');
    if (stem.length >= 3 && stems.has(stem) && !looksDemonym(word)) {
      best = word;
      count = n;
    }
  }
  return best;
}
