import { VERB_AHEAD } from './reporting-verbs.js';
import { endBeforeTrailingSpace } from './text.js';

/**
 * Mentions: the proper names in a sentence's narration, each with the title written before it
 * split off as its role ("Defence Minister Oksana Kravets" is Oksana Kravets, role "Defence Minister"),
 * a quoted nickname kept inside the name (Teodoro "El Gato" Quesada is Teodoro Quesada), and a
 * first guess at what it names (person, organisation, place, or a single word to settle later).
 * Capitalisation is the evidence: a capitalised word that opens a sentence counts only when the
 * article also capitalises it mid-sentence, so "Rescue teams" is no name and "Kravets vowed" is one.
 */

export type NameKind = 'person' | 'org' | 'place' | 'word';

export interface NameMention {
  /** Sentence-relative range of the whole run, role included. */
  start: number;
  end: number;
  /** Where the name itself starts (after the role). */
  nameStart: number;
  name: string;
  role: string | null;
  kind: NameKind;
  possessive: boolean;
  /** Preceded by a preposition ("in Vinsk", "with Mansour"): not a subject. */
  governed: boolean;
}

/** Titles and role heads written before a name. */
export const TITLE_HEADS = new Set(
  (
    'President Vice-President Minister Premier Chancellor Senator Sen. Governor Gov. Mayor Bishop Archbishop Cardinal Pope Rev. ' +
    'General Gen. Colonel Col. Lieutenant Lt. Major Maj. Captain Capt. Sergeant Sgt. Admiral Adm. Commander Cmdr. Marshal Brigadier Brig. ' +
    'Mediator Envoy Ambassador Secretary Spokesman Spokeswoman Spokesperson Commissioner Director Chairman Chairwoman Chief Judge Justice ' +
    'King Queen Prince Princess Sheikh Emir Sultan Ayatollah Imam Rabbi Pastor Father Dr. Dr Mr. Mr Mrs. Mrs Ms. Ms Prof. Professor ' +
    'Superintendent Inspector Prosecutor Representative Rep. Deputy Leader Coordinator Negotiator President-elect Speaker'
  ).split(' '),
);

/** Lower-case role nouns written before a name ("union president Ingrid Solberg", "Retired colonel ..."). */
export const ROLE_NOUNS = new Set(
  (
    'president minister premier chancellor senator governor mayor bishop general colonel lieutenant major captain sergeant admiral ' +
    'commander marshal brigadier mediator envoy ambassador diplomat secretary spokesman spokeswoman spokesperson commissioner director ' +
    'chairman chairwoman chief judge leader coordinator negotiator economist analyst nurse doctor pundit official officer manager ' +
    'adviser advisor aide prosecutor lawmaker legislator deputy head founder expert researcher professor activist priest chair chairperson'
  ).split(' '),
);

/** Words that make a capitalised run an organisation. */
const ORG_WORDS = new Set(
  (
    'Ministry Council Union Front Movement Brigades Brigade Mission Nations Community Party Army Forces Force Press Agency Office ' +
    'Hospital Service Services Properties Authority Commission Committee Command Government Organisation Organization Bank ' +
    'University College Company Terminals Group Association Federation League Institute Network Navy Guard Police Court Parliament ' +
    'Assembly Senate Congress Times Post Herald Gazette Radio Television News Observer Tribune Journal Reuters Corporation Corp ' +
    'Inc Ltd Alliance Coalition Cabinet Department Embassy Foundation Fund Trust Society Red Crescent Cross Watch Kremlin Pentagon ' +
    'Junta Presidency Secretariat Unit Battalion Regiment Division Militia'
  ).split(' '),
);

/** Words that make a capitalised run a place. */
const PLACE_FIRST = new Set('Port San Santa Saint St. Las Los Alto Upper Lower North South East West Eastern Western Northern Southern Central Lake Mount Mt. Cape Jebel Puerto New Fort Gulf Bay'.split(' '));
const PLACE_LAST = new Set('Ford City Valley Island Islands Strait Sea River Bay Street Province Region District Basin Ridge Mountains Hills Coast Gulf Square Road Avenue'.split(' '));

/** Capitalised words that open sentences without naming anything. */
const FUNCTION_CAPS = new Set(
  (
    'The A An This That These Those It Its He She His Her They Their We Our I You In On At By For From With Without After Before ' +
    'When While Since As If But And Or Yet So Then There Here Under Over Across Amid During Despite Although Though Until Once ' +
    'According Asked Speaking Few Many Most Some Several Both Neither Either Each Every No Not Nobody None One Two Three Four Five ' +
    'Six Seven Eight Nine Ten Hours Days Weeks Months Years Late Early Now Later Earlier Meanwhile However Instead Still Only Even ' +
    'Also Back What Who Which Where Why How Such Other Another Talks Talk Monday Tuesday Wednesday Thursday Friday Saturday Sunday ' +
    'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ' +
    'Mon Tue Wed Thu Fri Sat Sun Today Yesterday Tomorrow Tonight Last Next Local Government State Army Police Officials Residents ' +
    'Rebels Rebel Shells Shelling Gunmen Troops Soldiers Fighters Analysts Witnesses Sources Diplomats Hundreds Thousands Dozens Scores ' +
    'Sixteen Twelve Eleven Twenty Thirty Forty Fifty Ninety Hundred Mr Mrs Ms Dr Under Talks Verification Shops Ticket Their Instead'
  ).split(' '),
);

/** Words never part of a name even when capitalised mid-sentence. */
const NEVER_NAME = new Set('Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December I'.split(' '));

const PARTICLES = new Set(['van', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'dos', 'das', 'la', 'le', 'von', 'bin', 'ibn', 'al', 'el', 'y']);
const JOINERS = new Set(['of', 'for']);

/** What follows a name: a reporting verb or an apposition. */
function speaksAfter(text: string): boolean {
  return VERB_AHEAD.test(text) || /^,\s+(?:the|a|an|who|\d)/u.test(text);
}

const PREPOSITIONS = new Set(
  'in at near from to into of on with by for about against across around toward towards between among outside inside beside behind beyond via through under over'.split(' '),
);

export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*|["“”„«»]/gu;
/** Anything outside ASCII but the General Punctuation block (U+2000–U+206F: quotes, dashes), which holds no letter, mark or digit. */
export const NON_ASCII_LETTER = /[\u0080-\u1fff\u2070-\uffff]/;

function words(text: string): Word[] {
  const out: Word[] = [];
  if (NON_ASCII_LETTER.test(text)) {
    WORD_RE.lastIndex = 0;
    for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) pushWord(out, m[0], m.index);
    return out;
  }
  // WORD_RE's ASCII case, /[A-Za-z][A-Za-z0-9'’.-]*|["“”„«»]/g, by hand: most news text is ASCII but for its
  // quotes and dashes (General Punctuation), and this runs on every sentence, and again on its masked narration.
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      let j = i + 1;
      while (j < n && isAsciiWordTail(text.charCodeAt(j))) j++;
      pushWord(out, text.slice(i, j), i);
      i = j;
    } else {
      if (c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb) pushWord(out, text[i], i);
      i++;
    }
  }
  return out;
}

/** [A-Za-z0-9'’.-]: what may follow an ASCII word's first letter. */
function isAsciiWordTail(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 0x2019 || c === 46 || c === 45;
}

function pushWord(out: Word[], token: string, start: number): void {
  let t = token;
  // A full stop ends the word unless it closes a title or an initial ("Dr.", "J.").
  // The last code unit, read once: most words end in neither.
  const last = t.charCodeAt(t.length - 1);
  if (last === 46 && !TITLE_HEADS.has(t) && !/^\p{Lu}\.$/u.test(t) && !/^(?:\p{L}\.)+$/u.test(t)) t = t.replace(/\.+$/, '');
  if (t.charCodeAt(t.length - 1) === 45) t = t.replace(/-+$/, '');
  if (t) out.push({ text: t, start, end: start + t.length });
}

/** Each sentence's words, for midSentenceCaps and for findNames on a sentence with nothing masked: read once, used twice. */
export function sentenceWords(texts: readonly string[]): Word[][] {
  return texts.map(words);
}

function isCap(w: string): boolean {
  const c = w[0];
  // The particle test only for words that can open with one (a regex per word is the cost).
  if ((c === 'a' || c === 'e' || c === 'b' || c === 'i') && /^(?:al|el|bin|ibn|abu)-\p{Lu}/u.test(w)) return true;
  if (c === undefined) return false;
  // ASCII answers by its code: A-Z is capitalised, nothing else is (the case mappings agree).
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** /^["“”„«»]$/: a quotation mark standing as a word. By hand: it is asked of every word. */
function isMark(w: string): boolean {
  if (w.length !== 1) return false;
  const c = w.charCodeAt(0);
  return c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb;
}

/**
 * "Khoury's" -> "Khoury", "Reyes'" -> "Reyes": what /^(.*?)(?:['’]s|(?<=s)['’])$/u finds, read from the
 * word's end (the regex's lazy run was tried at every length of every word).
 */
export function stripPossessive(w: string): { text: string; possessive: boolean } {
  const n = w.length;
  // `.` stops at a line break: such a word is left to the regex.
  if (/[\n\r\u2028\u2029]/.test(w)) {
    const m = /^(.*?)(?:['’]s|(?<=s)['’])$/u.exec(w);
    return m && m[1] ? { text: m[1], possessive: true } : { text: w, possessive: false };
  }
  const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
  let cut = -1;
  if (n >= 2 && w.charCodeAt(n - 1) === 115 && isApostrophe(w.charCodeAt(n - 2))) cut = n - 2;
  else if (n >= 2 && isApostrophe(w.charCodeAt(n - 1)) && w.charCodeAt(n - 2) === 115) cut = n - 1;
  return cut > 0 ? { text: w.slice(0, cut), possessive: true } : { text: w, possessive: false };
}

/** Is the word at `at` the first of its clause (sentence start, after a mark, a colon, a dash or a bullet)? Reads a few characters only. */
function opensClause(text: string, at: number, firstWord: number): boolean {
  return at === firstWord || /[:;—–]\s*$/u.test(text.slice(Math.max(0, at - 3), at)) || /(?:^|\s)["“„«]$/u.test(text.slice(Math.max(0, at - 2), at));
}

/** Capitalised words the article uses mid-sentence: the evidence that a sentence-initial one is a name. */
export function midSentenceCaps(sentences: readonly string[], lists: readonly Word[][] = sentenceWords(sentences)): Set<string> {
  const caps = new Set<string>();
  for (const [k, s] of sentences.entries()) {
    const list = lists[k];
    for (let i = 1; i < list.length; i++) {
      const w = list[i];
      if (!isCap(w.text) || isMark(w.text)) continue;
      const gap = s.slice(list[i - 1].end, w.start);
      if (/[.!?:;—–]/.test(gap) || isMark(list[i - 1].text)) continue;
      caps.add(stripPossessive(w.text).text);
    }
  }
  return caps;
}

function classify(tokens: string[], role: string | null, wholeRun: string): NameKind {
  if (role) return 'person';
  if (tokens.some((t) => ORG_WORDS.has(t) || ORG_WORDS.has(stripPossessive(t).text))) return 'org';
  if (tokens.length === 1 && /^\p{Lu}[\p{Lu}\d&]+$/u.test(tokens[0])) return 'org';
  if (PLACE_FIRST.has(tokens[0]) || PLACE_LAST.has(tokens[tokens.length - 1])) return 'place';
  if (/\bof\b/.test(wholeRun)) return 'org';
  if (tokens.length === 1) return 'word';
  return 'person';
}

/**
 * The proper-name runs of one sentence's narration (quotes already masked), in order.
 * `caps` is the article's mid-sentence capitalised words.
 */
export function findNames(frame: string, caps: ReadonlySet<string>, list: readonly Word[] = words(frame)): NameMention[] {
  const out: NameMention[] = [];
  const firstWord = list.find((x) => !isMark(x.text))?.start ?? 0;
  let i = 0;
  while (i < list.length) {
    const w = list[i];
    if (!isCap(w.text) || isMark(w.text) || NEVER_NAME.has(w.text)) {
      i++;
      continue;
    }
    const clauseStart = opensClause(frame, w.start, firstWord);
    const bare = stripPossessive(w.text).text;
    if (clauseStart && (FUNCTION_CAPS.has(bare) || !caps.has(bare)) && !TITLE_HEADS.has(w.text)) {
      // "Foreign Minister Samir Khoury" opens a sentence: keep the run if a capitalised word follows directly.
      const next = list[i + 1];
      const joined =
        next &&
        /^\s+$/.test(frame.slice(w.end, next.start)) &&
        !FUNCTION_CAPS.has(bare) &&
        (isCap(next.text) || PARTICLES.has(next.text) || (PARTICLES.has(bare.toLowerCase()) && PARTICLES.has(next.text)));
      // "Sandvik said", "Sowande, who met ...": a word that speaks or takes an apposition is a name.
      // Plurals stay common nouns: "Critics said", "Analysts say".
      const speaks = !FUNCTION_CAPS.has(bare) && !looksDemonym(bare) && !looksPluralNoun(bare) && speaksAfter(frame.slice(w.end, w.end + 40));
      if (!joined && !speaks) {
        i++;
        continue;
      }
    }
    // Grow the run: capitalised words, particles before a capitalised word, "of"/"for" inside organisation names,
    // and a one-to-three-word quoted nickname between two names.
    const run: Word[] = [w];
    let j = i + 1;
    while (j < list.length) {
      const prev = run[run.length - 1];
      const cur = list[j];
      const gap = frame.slice(prev.end, cur.start);
      if (stripPossessive(prev.text).possessive && !ORG_WORDS.has(cur.text)) break;
      if (/^\s+$/.test(gap) || gap === '' || gap === '-') {
        if (isCap(cur.text) && !isMark(cur.text) && !NEVER_NAME.has(cur.text)) {
          run.push(cur);
          j++;
          continue;
        }
        if (PARTICLES.has(cur.text)) {
          // "van der Marlowe", "de la Fontaine": particles up to the capitalised surname.
          let k = j;
          while (k < list.length && k - j < 3 && PARTICLES.has(list[k].text) && /^\s+$/.test(frame.slice(list[k].end, list[k + 1]?.start ?? list[k].end))) k++;
          if (k > j && list[k] && isCap(list[k].text) && !isMark(list[k].text)) {
            for (let m = j; m <= k; m++) run.push(list[m]);
            j = k + 1;
            continue;
          }
        }
        const after = list[j + 1];
        if (JOINERS.has(cur.text) && after && run.length === 1 && /^\s+$/.test(frame.slice(cur.end, after.start))) {
          // "Compact of Nations", "Office of the President"; "Sowande of the Eastern Littoral Community" stays two mentions.
          let k = j + 1;
          if (list[k]?.text === 'the') k++;
          if (list[k] && isCap(list[k].text) && !isMark(list[k].text)) {
            for (let m = j; m <= k; m++) run.push(list[m]);
            j = k + 1;
            continue;
          }
        }
        if (isMark(cur.text)) {
          // Teodoro "El Gato" Quesada: a quoted nickname inside a name.
          let k = j + 1;
          while (k < list.length && k - j <= 4 && !isMark(list[k].text)) k++;
          const name = list[k + 1];
          if (k < list.length && k > j + 1 && name && isCap(name.text) && list.slice(j + 1, k).every((x) => isCap(x.text))) {
            run.push(name);
            j = k + 2;
            continue;
          }
        }
      }
      break;
    }
    i = j;
    // Trailing "the"/"of" never end a run.
    while (run.length > 1 && (JOINERS.has(run[run.length - 1].text) || run[run.length - 1].text === 'the')) run.pop();
    const tokens = run.map((t, k) => (k === run.length - 1 ? stripPossessive(t.text).text : t.text)).filter((t) => !isMark(t));
    const possessive = stripPossessive(run[run.length - 1].text).possessive;
    // Split the title: the last title head with a name after it.
    let t = -1;
    for (let k = 0; k < tokens.length - 1; k++) if (TITLE_HEADS.has(tokens[k])) t = k;
    let roleWords = t >= 0 ? tokens.slice(0, t + 1) : [];
    let nameTokens = t >= 0 ? tokens.slice(t + 1) : tokens;
    // Drop a sentence-initial function word glued to the run ("The Hollin Dockers's Union").
    if (nameTokens.length > 1 && FUNCTION_CAPS.has(nameTokens[0]) && !caps.has(nameTokens[0])) nameTokens = nameTokens.slice(1);
    // "Neighbouring Saudi Arabia", "Embattled Premier ...": an adjective capitalised only because it opens the sentence.
    if (nameTokens.length > 1 && !caps.has(nameTokens[0]) && nameTokens[0].length > 5 && /^\p{Lu}\p{Ll}+(?:ing|ed|ly|ful|ous|ive)$/u.test(nameTokens[0]) && /(?:^|[.!?]\s+|\n)$/.test(frame.slice(Math.max(0, w.start - 3), w.start))) nameTokens = nameTokens.slice(1);
    // A lower-case role right before the name: "union president Ingrid Solberg", "Retired colonel Hernán Barros-Ibarra".
    // A short window before the name: reading the whole sentence before every name would be quadratic.
    const windowStart = Math.max(0, w.start - 60);
    const before = frame.slice(windowStart, w.start);
    // The end-anchored pattern is tried from every position of the window: only where a role noun (all
    // lower-case ASCII) can end right before the trailing whitespace, and only when its answer is used.
    const lower = roleWords.length === 0 && nameTokens.length >= 2 && mayEndInRoleNoun(before) ? /((?:\b\p{L}[\p{L}-]*\s+){0,2}?)\b(\p{Ll}[\p{Ll}-]*)\s+$/u.exec(before) : null;
    let runStart = w.start;
    if (lower && ROLE_NOUNS.has(lower[2])) {
      const mods = lower[1].trim().split(/\s+/).filter((m) => m && !/^(?:the|a|an|his|her|its|their|said|says|told)$/i.test(m));
      roleWords = [...mods, lower[2]];
      runStart = windowStart + before.length - (mods.length ? before.slice(before.lastIndexOf(mods[0])).length : lower[2].length + (lower[0].length - lower[0].trimEnd().length));
    }
    // "UN Syrian envoy Staffan de Mistura": a run that ends in a demonym before a lower-case role is a title's head, not a name.
    const nextWord = /^\s+(\p{Ll}+)/u.exec(frame.slice(run[run.length - 1].end, run[run.length - 1].end + 30))?.[1];
    if (nameTokens.length >= 2 && !possessive && looksDemonym(nameTokens[nameTokens.length - 1]) && nextWord && ROLE_NOUNS.has(nextWord)) continue;
    if (nameTokens.length === 0) continue;
    const joinedName = nameTokens.join(' ');
    const name = joinedName.includes(' - ') ? joinedName.replace(/ - /g, '-') : joinedName;
    const role = roleWords.length ? roleWords.join(' ') : null;
    const lead = frame.slice(Math.max(0, runStart - 24), runStart);
    const governor = /\b(\p{L}+)\s+(?:the\s+)?$/u.exec(lead);
    const governed = governor !== null && PREPOSITIONS.has(governor[1].toLowerCase());
    const nameStart = run[t >= 0 ? t + 1 : 0]?.start ?? w.start;
    out.push({
      start: runStart,
      end: run[run.length - 1].end,
      nameStart,
      name,
      role,
      kind: classify(nameTokens, role, name),
      possessive,
      governed,
    });
  }
  return out;
}

/**
 * Can `/(…)\b(\p{Ll}[\p{Ll}-]*)\s+$/u` end in a role noun here? Only if trailing whitespace follows an
 * ASCII lower-case letter: every role noun is one lower-case ASCII word.
 */
export function mayEndInRoleNoun(text: string): boolean {
  const end = endBeforeTrailingSpace(text);
  if (end <= 0) return false;
  const c = text.charCodeAt(end - 1);
  return c >= 97 && c <= 122;
}

/** Plural common nouns by their endings ("Critics", "Analysts", "Officials", "Residents"); "Hamas" and "Reyes" are not. */
export function looksPluralNoun(word: string): boolean {
  return /(?:ers|ors|ists|ics|als|ents|ants|ians|ats|els|ies|ces|ses|ves|ders|ners|ees|ups)$/.test(word);
}

/** Demonym-looking words ("Ostreli", "Aldorian", "Kestranian"): adjectives of a place, not speakers. */
export function looksDemonym(word: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:ian|ean|an|i|ese|ish|ic)$/u.test(word);
}
