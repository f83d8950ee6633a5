import { editDistance } from '../library/find.js';
import { isAscii } from './text.js';
/**
 * Name cleaning and alias merging, shared by entities, attribution and the comparison.
 * The same person is named many ways in news ("Volodymyr Zelenskyy", "Zelensky",
 * "President Zelenskiy"); everything here reduces a form to a key that survives
 * transliteration variants, so that one person is one entry and one speaker row.
 */

/** Remove accents ("Đoković" -> "Dokovic") so keys ignore them. */
export function foldAccents(s: string): string {
  // ASCII has no accents to fold (NFD leaves it as it is): most names in English copy, and this runs per word.
  if (isAscii(s)) return s;
  return s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[Đđ]/g, (c) => (c === 'Đ' ? 'D' : 'd'));
}

/** Strip possessives, surrounding quotes and trailing punctuation, and collapse spaces. */
export function cleanName(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  s = s.replace(/^[\s"'“”‘’([«]+/, '').replace(/[\s"“”)\]»,;:!?—–-]+$/, '');
  s = s.replace(/['’]s$/u, '').replace(/['’]$/u, '');
  // A trailing full stop is punctuation unless it closes an abbreviation or initial ("U.S.", "Jr.").
  if (/\.$/.test(s) && !/(?:^|[\s.])\p{L}{1,2}\.$/u.test(s)) s = s.slice(0, -1);
  return s.trim();
}

/**
 * The key of one name word: accents folded, lower case, letters only, and the
 * transliteration endings -yy/-iy/-ii/-y/-i dropped (Zelensky, Zelenskyy, Zelenskiy -> "zelensk").
 */
export function wordKey(word: string): string {
  const hit = keyCache.get(word);
  if (hit !== undefined) return hit;
  // "al-Burhan" and "Burhan" are one name: the Arabic article is not part of the key.
  const k = foldAccents(word).toLowerCase().replace(/^(?:al|el)-/, '').replace(/[^a-z]/g, '');
  const key = k.length <= 4 ? k : k.replace(/(?:yy|iy|ii|yi|y|i)$/, '');
  // Names repeat across a corpus; the cache is bounded so a long run cannot grow it without end.
  if (keyCache.size > 50_000) keyCache.clear();
  keyCache.set(word, key);
  return key;
}

const keyCache = new Map<string, string>();

/** Do two name words name the same thing, allowing a spelling variant in long words? */
export function sameWord(a: string, b: string): boolean {
  const ka = wordKey(a);
  const kb = wordKey(b);
  if (ka === kb) return ka.length > 0;
  // One slip in a long surname ("Zelenskyy"/"Zelenskyi" already match; "Shmyhal"/"Shmygal" here).
  return ka.length >= 6 && kb.length >= 6 && editDistance(ka, kb, 1) <= 1;
}

const wordsCache = new Map<string, string[]>();

function words(name: string): string[] {
  const hit = wordsCache.get(name);
  if (hit) return hit;
  const list = name.split(/\s+/).filter((w) => w.length > 0);
  // Bounded like the key cache: names repeat, but a corpus run must not grow it without end.
  if (wordsCache.size > 50_000) wordsCache.clear();
  wordsCache.set(name, list);
  return list;
}

/** Surname of a person name: its last word. */
export function surname(name: string): string {
  const w = words(name);
  return w[w.length - 1] ?? '';
}

/**
 * Could `short` be another form of the person `full`? True when the surnames match
 * and the given names (when both have one) agree: "Putin" ~ "Vladimir Putin",
 * "Volodymyr Zelensky" ~ "Volodymyr Zelenskyy", but "Melania Trump" !~ "Donald Trump".
 */
export function samePerson(a: string, b: string): boolean {
  const wa = givenAndSurname(a);
  const wb = givenAndSurname(b);
  if (wa.length === 0 || wb.length === 0) return false;
  if (!sameWord(wa[wa.length - 1], wb[wb.length - 1])) return false;
  if (wa.length === 1 || wb.length === 1) return true;
  // "Abu Zuhri" is "Sami Abu Zuhri", "Manuel Santos" is "Juan Manuel Santos": the shorter name ends the longer one.
  const [short, long] = wa.length <= wb.length ? [words(a), words(b)] : [words(b), words(a)];
  if (short.length >= 2 && short.length < long.length && short.every((w, i) => sameWord(w, long[long.length - short.length + i]))) return true;
  const fa = wordKey(wa[0]);
  const fb = wordKey(wb[0]);
  // An initial ("J. Smith") agrees with any given name starting with it.
  if (fa.length === 1 || fb.length === 1) return fa[0] === fb[0];
  return sameWord(wa[0], wb[0]);
}

const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'dos', 'das', 'la', 'le', 'bin', 'ibn']);

/**
 * A name's given names and its surname, the surname's particles dropped ("Van der Marlowe" is the
 * surname alone, so it matches "Pieter van der Marlowe"; "Pieter van der Marlowe" -> [Pieter, Marlowe]).
 */
function givenAndSurname(name: string): string[] {
  const w = words(name);
  let i = w.length - 1;
  while (i > 0 && NAME_PARTICLES.has(w[i - 1].toLowerCase())) i--;
  return [...w.slice(0, i), w[w.length - 1]];
}

/** Is `name` a fuller form than `other` (more words, then longer)? Used to choose a canonical name. */
export function fuller(name: string, other: string): boolean {
  const a = words(name).length;
  const b = words(other).length;
  return a !== b ? a > b : name.length > other.length;
}

export interface NameCluster {
  name: string;
  aliases: Set<string>;
  count: number;
}

/**
 * Groups name forms into people. Full names are added before single surnames so that
 * a surname joins the most-mentioned full name it fits, never a random one.
 */
export class PersonIndex {
  readonly clusters: NameCluster[] = [];
  /** Clusters by the key of their surname(s): lookups compare only names that can match. */
  private readonly bySurname = new Map<string, NameCluster[]>();

  /** Add a form; returns its cluster. */
  add(form: string, count = 1): NameCluster {
    const found = this.match(form);
    if (found) {
      if (fuller(form, found.name)) {
        found.aliases.add(found.name);
        found.name = form;
        this.file(found, form);
      } else if (form !== found.name) {
        found.aliases.add(form);
      }
      found.count += count;
      return found;
    }
    const cluster: NameCluster = { name: form, aliases: new Set(), count };
    this.clusters.push(cluster);
    this.file(cluster, form);
    return cluster;
  }

  private file(cluster: NameCluster, form: string): void {
    const key = wordKey(surname(form));
    const list = this.bySurname.get(key) ?? [];
    if (!list.includes(cluster)) list.push(cluster);
    this.bySurname.set(key, list);
  }

  /** Clusters whose surname key equals this one, or is one edit away for long names. */
  private candidates(form: string): NameCluster[] {
    const key = wordKey(surname(form));
    const exact = this.bySurname.get(key);
    if (exact || key.length < 6) return exact ?? [];
    const near: NameCluster[] = [];
    for (const [k, list] of this.bySurname) {
      // Transliteration slips keep the start of a surname: compare only names sharing it.
      if (k.length < 6 || Math.abs(k.length - key.length) > 1 || k.slice(0, 3) !== key.slice(0, 3)) continue;
      if (editDistance(k, key, 1) <= 1) near.push(...list);
    }
    return near;
  }

  /** The cluster a form belongs to, if any: prefer the most mentioned. */
  match(form: string): NameCluster | undefined {
    let best: NameCluster | undefined;
    for (const c of this.candidates(form)) {
      const fits = c.aliases.has(form) || samePerson(form, c.name);
      if (!fits) continue;
      if (!best || c.count > best.count) best = c;
    }
    return best ?? this.byFirstName(form);
  }

  /**
   * A single word that is the first word of exactly one known full name and nobody's surname: the
   * family name written first ("Trinh" for Trinh Thi Hoa, "Liang" for Liang Minghua) or a given name alone.
   */
  private byFirstName(form: string): NameCluster | undefined {
    if (form.includes(' ')) return undefined;
    const key = wordKey(form);
    if (key.length < 2) return undefined;
    let found: NameCluster | undefined;
    for (const c of this.clusters) {
      const w = words(c.name);
      if (w.length < 2 || wordKey(w[0]) !== key) continue;
      if (found && found !== c) return undefined;
      found = c;
    }
    return found;
  }

  /** Canonical name for a form, or null when the form names nobody known. */
  canonical(form: string): string | null {
    return this.match(cleanName(form))?.name ?? null;
  }
}

/* ---- Lexicon ----
 * Word lists the entity and attribution heuristics rely on. Generic English and
 * world knowledge only (titles, reporting verbs, countries and capitals): nothing
 * here may name the people or places of any particular article.
 */

const set = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Words that form a role before a name ("Special Envoy", "Treasury Secretary", "Lt. Col."). */
export const ROLE_WORDS = set(`
  President Vice Prime Minister Secretary Envoy Special General Gen. Lt. Col. Colonel Major Maj. Captain Capt.
  Chancellor Senator Sen. Governor Gov. Mayor Ambassador Chief Commander Spokesman Spokeswoman Spokesperson
  Foreign Defence Defense Treasury Deputy Interior Finance Economy Energy Health Justice Home Trade Culture
  Mr. Mrs. Ms. Dr. Prof. Pope King Queen Prince Princess Sheikh Emir Sultan Premier Judge Lord Sir Dame
  Representative Rep. Admiral Adm. Marshal Sergeant Sgt. Lieutenant Director Chairman Chairwoman Chair
  Commissioner Attorney Advisor Adviser Counselor Speaker Leader Head Executive Officer Patriarch Archbishop
  Bishop Cardinal Rabbi Imam Ayatollah Field Brigadier Brig. Staff Acting Former Secretary-General Mr Mrs Ms Dr
`);

/** Lower-case nouns that end a role phrase ("his close associate", "Pellin's prime minister"). */
export const ROLE_NOUNS = set(`
  president minister secretary envoy ambassador spokesman spokeswoman spokesperson adviser advisor chief
  commander leader head mayor governor official representative negotiator director chancellor diplomat aide
  associate ally general colonel officer premier senator lawmaker chairman chairwoman chair analyst expert
  correspondent reporter founder ceo counterpart deputy emissary mediator prosecutor judge king queen
  secretary-general spokesperson commissioner negotiator
`);

/** Reporting verbs: a sentence with one of these after a named subject is that subject's statement. */
export const REPORTING_VERBS = set(`
  said says say told tells tell stated wrote writes argued argues claimed claim insisted insists
  warned warns noted explained explains indicated indicates suggested suggests described describes
  announced announces declared declares confirmed confirms denied denies responded responds replied replies
  asked asks urged urges called condemned condemns accused accuses stressed stresses emphasized
  emphasised emphasizes emphasises acknowledged acknowledges admitted admits promised vowed vows
  pledged proposed proposes rejected rejects demanded offered tweeted posted reported
  added adds believes believed thinks thought expressed expresses dismissed dismisses welcomed
  welcomes criticized criticised criticizes criticises praised praises repeated repeats recalled recalls
  conceded concedes predicted predicts cautioned cautions assured assures maintained maintains contended
  contends alleged alleges commented answered signaled signalled hinted
  mentioned mentions pointed
`);

/** Words allowed between a subject and its reporting verb ("Trump has repeatedly claimed"). */
export const VERB_FILLERS = set(`
  has have had also was is were are been later then again previously publicly repeatedly reportedly once
  recently swiftly strongly would will could may might did does do had already never not himself herself
  themselves itself on friday monday tuesday wednesday thursday saturday sunday
`);

/** Capitalised words that open sentences without naming anything. */
export const STOP_CAPS = set(`
  the a an this these that those while other in on at for with after before as when if but and or so yet since
  although though because during under over despite according meanwhile however also just even only some many
  most every each all both no not what which who whom whose where why how there here his her their our its my
  your we they he she it i against among between from into through to by of about without within hopes plans
  elsewhere initial entire later earlier then now today yesterday tomorrow last next new former more fewer
  several few another such once still emergency anything nothing everything something everyone nobody
  authoritarian far far-right far-left until unless whether whatever whenever wherever let let's once
  read image photo video watch see update updated editor note breaking exclusive analysis opinion
  one two three four five six seven eight nine ten forty-four thousands hundreds dozens neither either none nor
  across along beyond near inside outside towards toward throughout around upon amid amidst onto via per unlike
`);

export const MONTHS = set(`
  January February March April May June July August September October November December
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
`);

export const WEEKDAYS = set(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun`);

/** A demonym by its ending ("Varnian", "Pellinese"), for countries no list knows. */
export function looksDemonym(word: string): boolean {
  return DEMONYMS.has(word) || /^\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|ean|i)$/u.test(word);
}

/** Demonyms and region adjectives: never places on their own ("Russian", "Ukrainian"). */
export const DEMONYMS = set(`
  Russian Ukrainian American European British English French German Chinese Israeli Palestinian Iranian Syrian
  Turkish Polish Belarusian Georgian Moldovan Japanese Korean Indian Pakistani Afghan Iraqi Saudi Yemeni
  Sudanese Ethiopian Eritrean Somali Libyan Egyptian Lebanese Jordanian Armenian Azerbaijani Serbian Kosovar
  Bosnian Croatian Hungarian Romanian Bulgarian Greek Italian Spanish Portuguese Dutch Belgian Swedish Finnish
  Norwegian Danish Estonian Latvian Lithuanian Czech Slovak Austrian Swiss Canadian Mexican Brazilian
  Venezuelan Colombian Argentine Argentinian Cuban African Asian Western Eastern Northern Southern Arab Kurdish
  Congolese Nigerian Malian Rwandan Ugandan Kenyan Burmese Thai Vietnamese Filipino Taiwanese Soviet Crimean
  Qatari Emirati Kuwaiti Omani Bahraini Tunisian Algerian Moroccan Chadian Nigerien Haitian Chilean Peruvian
  Australian Irish Scottish Welsh Slovenian Albanian Macedonian Montenegrin Kazakh Uzbek Tajik Kyrgyz Turkmen
  Mongolian Indonesian Malaysian Singaporean Bangladeshi Nepali Sri Lankan Tamil Sikh Muslim Christian Jewish
  Catholic Orthodox Sunni Shia Shiite Islamic Houthi Hamas-led Allied Latin Middle Baltic Nordic Scandinavian
  Transatlantic Pro-Russian Pro-Kremlin
`);

/** Countries, major capitals and well-known regions, with the canonical name for aliases. */
const PLACE_LIST = `
  Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh Belarus
  Belgium Bolivia Bosnia Brazil Bulgaria Burkina_Faso Burundi Cambodia Cameroon Canada Chad Chile China Colombia
  Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Ecuador Egypt Eritrea Estonia Ethiopia Finland France Gabon
  Georgia Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel
  Italy Japan Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Libya Lithuania Luxembourg
  Madagascar Malawi Malaysia Mali Mauritania Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar
  Namibia Nepal Netherlands New_Zealand Nicaragua Niger Nigeria North_Korea South_Korea North_Macedonia Norway
  Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda
  Saudi_Arabia Senegal Serbia Sierra_Leone Singapore Slovakia Slovenia Somalia South_Africa South_Sudan Spain
  Sri_Lanka Sudan Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Tunisia Turkey Turkmenistan
  Uganda Ukraine United_Arab_Emirates United_Kingdom United_States Uruguay Uzbekistan Venezuela Vietnam Yemen
  Zambia Zimbabwe
  Kyiv Kiev Moscow Washington London Paris Berlin Beijing Tokyo Brussels Warsaw Minsk Ankara Istanbul Tehran
  Baghdad Damascus Beirut Cairo Riyadh Doha Jerusalem Tel_Aviv Gaza Kabul Islamabad New_Delhi Delhi Seoul
  Pyongyang Taipei Hanoi Bangkok Jakarta Manila Canberra Ottawa Mexico_City Havana Caracas Bogota Lima
  Brasilia Buenos_Aires Santiago Madrid Lisbon Rome Vienna Prague Budapest Bucharest Sofia Belgrade Zagreb
  Athens Helsinki Stockholm Oslo Copenhagen Tallinn Riga Vilnius Chisinau Tbilisi Yerevan Baku Astana Tashkent
  Khartoum Addis_Ababa Nairobi Kampala Kinshasa Lagos Abuja Tripoli Tunis Algiers Rabat Dakar Bamako
  Mogadishu Sanaa Amman Muscat Geneva Strasbourg The_Hague Dublin Edinburgh New_York Los_Angeles Davos Munich
  Crimea Donbas Donbass Gaza_Strip West_Bank Golan_Heights Kashmir Darfur Tigray Balkans Middle_East Europe
  Asia Africa Latin_America North_America South_America Arctic Caucasus Sahel Siberia Scandinavia Kurdistan
  Nagorno-Karabakh Transnistria Abkhazia Sinai Black_Sea Red_Sea Baltic_Sea Mediterranean Persian_Gulf
`;

export const PLACE_ALIASES: Record<string, string> = {
  'U.S.': 'United States', US: 'United States', USA: 'United States', 'U.S.A.': 'United States',
  America: 'United States', 'United States of America': 'United States',
  UK: 'United Kingdom', 'U.K.': 'United Kingdom', Britain: 'United Kingdom', 'Great Britain': 'United Kingdom',
  'Russian Federation': 'Russia', UAE: 'United Arab Emirates', DRC: 'Congo',
  'Democratic Republic of Congo': 'Congo', 'Democratic Republic of the Congo': 'Congo',
};

export const KNOWN_PLACES = new Set([
  ...PLACE_LIST.split(/\s+/).filter(Boolean).map((p) => p.replace(/_/g, ' ')),
  ...Object.keys(PLACE_ALIASES),
]);

/** A name containing one of these words is an organisation ("Cabinet of Ministers", "State Emergency Service"). */
export const ORG_WORDS = set(`
  Ministry Ministries Council Service Services Agency Cabinet Kremlin Parliament Committee Commission Department
  Office Forces Army Navy Command Bank Party Union Court Police Guard Guards Government Administration Institute
  University Organization Organisation Association Group Company Corporation Corp Corp. Inc Inc. Ltd Ltd. News
  Times Post Journal Pentagon Congress Senate Duma Rada Assembly Authority Fund Cross Crescent Brigade Battalion
  Regiment Corps Division Tribunal Alliance Coalition Front Movement Foundation Programme Program Mission
  Secretariat House Hospital School College Church Airlines Board Bureau Directorate Intelligence Militia
  Network Television Radio Press Reserve Navy Airforce Federation Guardia Prosecutor's Prosecutors Nations
  Brigades Community Communities Society Trust Properties Holdings Partners Inn Hotel Restaurant Cafe Café Pub Club
  Bakery Market Stores Mill Mills Works Industries Industry Airways Railways Studios Clinic Charity League Conference
`);

/** Words that open the names of bodies, never of people ("National Security ...", "Federal Reserve"). */
export const ORG_LEADS = set(`National International Federal Central United Democratic Republican Popular Islamic Royal Supreme Joint Revolutionary Liberation Patriotic Socialist Communist Independent Civic`);

/** News organisations commonly cited as sources ("according to Bloomberg"). */
export const MEDIA = set(`
  Reuters Bloomberg AP AFP BBC CNN Interfax TASS RIA Ukrinform Axios Politico Al_Jazeera NPR DPA Kyodo Xinhua
  Yonhap Anadolu Euronews Sky Fox CNBC NBC ABC CBS Guardian Telegraph Economist Spiegel Kommersant Meduza
`);

/** A name containing one of these words is a place ("Black Sea", "Kharkiv Oblast"). */
export const PLACE_WORDS = set(`
  City Sea Ocean River Oblast Region Province Island Islands Mountains Mountain Strait Gulf Bay Valley Peninsula
  Street Square Airport County District Coast Desert Lake Canal Plain Heights Strip Oblast Krai Raion Governorate
  Avenue Bridge Port Harbor Harbour Highlands Plateau
`);

/** Words that make a capitalised run an event or time, not an entity ("Independence Day", "Lavelle Open"). */
export const TIME_WORDS = set(`Day Eve Week Weekend Games Cup Prize Olympics Christmas Easter Ramadan Eid Year New Open Championship Championships Tournament Marathon Festival Prix`);

/** Words that open a place's name in many languages ("Cape Dunmore", "Puerto Verde", "Upper Taliq"). */
export const PLACE_PREFIXES = set(`
  Cape Port Puerto Porto Santa Santo San São Sao Saint Sainte Sankt Mount Mt. Fort Ft. Lake Jebel Jabal Wadi Ras
  Upper Lower Alto Bajo Las Los Nueva Nuevo Ciudad Villa Bandar Kafr Beit Tell Ain Bir Nahr Ile Isla Monte Mont
  Lac Rio Bahia Costa Sierra Punta Cabo Ciudad Kota Pulau Gunung Ban
`);

/** Lower-case words after a name that mark it as a place ("the Kharkiv region"). */
export const PLACE_NOUNS_AFTER = set(`region oblast province city town village district area border airport port coast`);

/** Words before a name that mark it as a place ("in Kyiv", "city of Sumy", "strike on Kyiv"). */
export const PLACE_CUES = [
  /\b(?:in|near|outside|across|around|towards|toward|into|inside|throughout)\s+(?:(?:central|eastern|western|northern|southern|northeastern|northwestern|southeastern|southwestern|downtown|occupied|besieged)\s+)?$/i,
  /\b(?:central|eastern|western|northern|southern|northeastern|northwestern|southeastern|southwestern|north-eastern|north-western|south-eastern|south-western|rural|coastal)\s+$/,
  // "the capital, Veltra", "in the port city, Dar Halim": a place noun and its name in apposition.
  /\b(?:the|its|their|a)\s+(?:[a-z-]+\s+)?(?:capital|city|town|village|port|region|province|district|island|country|state|seaport|municipality|hamlet|enclave|territory)\s*,\s*$/,
  /\b(?:city|town|village|region|province|capital|port|oblast|district|suburb|republic|state)\s+of\s+$/,
  /\b(?:strikes?|attacks?|assaults?|shelling|bombardment|bombing|raids?)\s+(?:on|of)\s+$/,
  /\b(?:above|below|beyond|along)\s+$/,
  /\b(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts|suburbs|streets|centre|center|mayor|residents)\s+of\s+$/,
];

/**
 * Verbs of wanting, believing and meeting that take a person as their subject: a single
 * capitalised word before one ("What Volkov seeks is ...") is a person even when the text
 * never gives a full name. Reporting verbs are handled apart.
 */
export const PERSON_VERBS = set(`
  seeks sought wants wanted refuses refused believes believed thinks knows knew hopes hoped fears feared
  intends intended wishes wished prefers preferred likes liked hates hated loves loved
  phoned telephoned smiled laughed personally himself herself
`);

/** Organisation words that name one body on their own ("the Kremlin"); the rest ("Army", "Ministry") need a name. */
export const PROPER_ORG_WORDS = set(`Kremlin Pentagon Congress Senate Duma Rada Parliament Knesset Bundestag Interpol`);

/** Bodies that speak in news without a proper name ("Ukrainian authorities said"). */
export const BODY_NOUNS = set(`
  authorities officials government military ministry police army prosecutors spokesperson spokesman spokeswoman
  critics analysts witnesses residents activists sources diplomats experts observers rescuers doctors medics
  presidency group union company rebels militants insurgents organisers organizers protesters workers
  negotiators mediators lawmakers investigators paramedics firefighters volunteers survivors families
  services agency agencies official diplomat source witness analyst expert observer
`);
