/**
 * Types shared by every analysis module and by their consumers (print, tui).
 * All character offsets are into `AnalysisInput.text`, which is the article's
 * plain paragraphs joined by "\n\n" (see `analysisText` in ./text.ts).
 */

export interface AnalysisInput {
  id: string;
  title: string;
  /** ISO date (YYYY-MM-DD) the article's relative dates resolve against; null when unknown. */
  date: string | null;
  paragraphs: string[];
}

/** Where a fact came from: a sentence and a character range inside the article text. */
export interface Evidence {
  /** Index into the article's sentence list. */
  sentence: number;
  /** Index of the paragraph that holds the sentence. */
  paragraph: number;
  /** Character range [start, end) in the article text. */
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  paragraph: number;
  /** Character range [start, end) in the article text. */
  start: number;
  end: number;
  text: string;
}

export type CasualtyKind = 'killed' | 'injured' | 'missing' | 'captured' | 'displaced' | 'evacuated';
export type Qualifier = 'exact' | 'over' | 'about' | 'at least' | 'up to' | 'under' | 'nearly';

export interface Casualty {
  kind: CasualtyKind;
  count: number;
  qualifier: Qualifier;
  /** Who: "civilians", "soldiers", "people", "children"; null when not stated. */
  group: string | null;
  /** Parts of the total that the text names ("including two children"): never added to count. */
  including: { count: number; group: string }[];
  /** The words the count was read from, e.g. "wounded more than seventy others". */
  text: string;
  evidence: Evidence;
  /** Set when the text gives an order of magnitude ("hundreds"): count is then its smallest sensible value. */
  vague?: boolean;
}

export interface Quantity {
  count: number;
  qualifier: Qualifier;
  /** What is counted: "Shahed-type drones", "day freeze", "people evacuated". */
  what: string;
  /** "weapon", "duration", "people", "money", "other". */
  category: 'weapon' | 'duration' | 'people' | 'money' | 'other';
  text: string;
  evidence: Evidence;
  /** Set when the text gives an order of magnitude ("hundreds"): count is then its smallest sensible value. */
  vague?: boolean;
  /** For money, the currency as written ("$", "€", "euros"); absent otherwise. */
  unit?: string;
}

export interface Person {
  /** The fullest clean form of the name seen ("Vladimir Putin"). */
  name: string;
  /** Role or title when the text gives one ("Special Envoy", "Russian President"). */
  role: string | null;
  mentions: number;
  /** Every other form the person was named by ("Putin", "Zelenskyy"). */
  aliases: string[];
  evidence: Evidence[];
}

export interface NamedEntity {
  name: string;
  mentions: number;
  aliases: string[];
  evidence: Evidence[];
}

export interface DateMention {
  /** The words as written ("Sept. 7", "44 days ago"). */
  text: string;
  /** Resolved ISO date (YYYY-MM-DD, YYYY-MM for a month, YYYY for a year alone), or null when it can't be resolved. */
  date: string | null;
  /** The event the sentence ties the date to, when it says ("Trump-Putin summit in Alaska"). */
  event: string | null;
  evidence: Evidence;
}

export type StatementKind = 'direct' | 'indirect' | 'narration';

export interface Quote {
  /** Canonical speaker name, or null when it can't be attributed. */
  speaker: string | null;
  /** The quoted words, without the quote marks. */
  text: string;
  kind: 'direct' | 'indirect';
  evidence: Evidence;
  /** Set when the speaker is an unnamed source ("a senior official"), kept to its article. */
  unnamed?: boolean;
}

/** Who is speaking in one sentence, as worked out by the attribution module. */
export interface SentenceAttribution {
  sentence: number;
  /** Canonical speaker name, or null for the article's own narration. */
  speaker: string | null;
  kind: StatementKind;
  /** Direct quotes inside the sentence (text without marks). */
  quotes: string[];
  /** The speaker is an unnamed source ("a senior Aldorian official"). */
  unnamed?: boolean;
  /** The speaker's role as the article gives it ("Defence Minister", "Aldorian envoy"). */
  role?: string | null;
}

export interface Summary {
  id: string;
  title: string;
  date: string | null;
  lead: string;
  leadEvidence: Evidence[];
  casualties: Casualty[];
  quantities: Quantity[];
  people: Person[];
  places: NamedEntity[];
  organizations: NamedEntity[];
  dates: DateMention[];
  quotes: Quote[];
}

export type Stance =
  | 'proposes'
  | 'accepts'
  | 'rejects'
  | 'violation'
  | 'doubts'
  | 'hopes'
  | 'deadline'
  | 'on-hold'
  | 'expired'
  | 'supports'
  | 'neutral';

export interface Statement {
  /** Article id. */
  article: string;
  speaker: string | null;
  kind: StatementKind;
  stance: Stance;
  text: string;
  /** Date expressions in the statement, resolved against the article date. */
  dates: { text: string; date: string | null }[];
  evidence: Evidence;
  /** The speaker's role as the article gives it, kept apart from the name; null when none. */
  speakerRole?: string | null;
  /** The speaker is an unnamed source: never merged with another article's. */
  unnamed?: boolean;
}

export interface SpeakerRow {
  name: string;
  aliases: string[];
  /** Ids of the articles the speaker has statements in. */
  articles: string[];
  /** Number of statements. */
  statements: number;
  /** The role the articles give the speaker, when they do. */
  role?: string | null;
  /** An unnamed source: a row of one article only. */
  unnamed?: boolean;
}

export interface Comparison {
  topic: string;
  terms: string[];
  articles: { id: string; title: string; date: string | null }[];
  statements: Statement[];
  speakers: SpeakerRow[];
  /** Pairs of statements on the same topic whose stances disagree. */
  disagreements: { a: number; b: number; why: string }[];
}

// ---------------------------------------------------------------------------------------------------
// Stories: articles about one event, and what the articles of one story say differently.

/** One story: the articles that report one event or development (a lone article is its own story). */
export interface Story {
  /** The id of its earliest article: stable while that article is in it, and readable. */
  id: string;
  /** The title of its earliest article (ties: the lowest id). */
  title: string;
  articles: { id: string; title: string; source: string | null; date: string | null }[];
  /** Distinct outlets (source, or the article id when it has none). */
  outlets: number;
  /** The names the story's articles share most, by kind; at most a handful each. */
  people: string[];
  places: string[];
  /** Earliest and latest article date; null when no article is dated. */
  span: { from: string; to: string } | null;
}

/** One quotation as carried by several articles of a story, or one quote whose wording drifted. */
export interface QuoteProvenance {
  speaker: string | null;
  /** The wording of the earliest article that carried it. */
  text: string;
  /** Every article that carried it, earliest first, with its own wording and where it is. */
  carriers: { article: string; source: string | null; date: string | null; text: string; evidence: Evidence }[];
  /** The article that published it first (earliest date; undated articles come last). */
  earliest: string;
  /** Set when the wordings differ ("quote drift"). */
  drift: boolean;
}

/** Figures for one fact (a kind of casualty, or one quantity) that differ between the story's articles. */
export interface NumberConflict {
  /** "killed", "injured", … or the quantity's "what". */
  fact: string;
  figures: { article: string; source: string | null; date: string | null; count: number; qualifier: Qualifier; text: string; sentence: string; evidence: Evidence }[];
  /** "update" when a later report says the figure rose or was revised; otherwise "contradiction". */
  verdict: 'update' | 'contradiction';
}

/** Whom one outlet quotes directly, reports indirectly, or leaves out, among the story's speakers. */
export interface VoiceShare {
  outlet: string;
  articles: string[];
  direct: string[];
  indirect: string[];
  absent: string[];
}

/** What the articles of one story say differently. */
export interface StoryReport {
  story: Story;
  quotes: QuoteProvenance[];
  conflicts: NumberConflict[];
  voices: VoiceShare[];
  /** Statements (and quotes) that rest on unnamed sources, by article and sentence. */
  unnamed: { article: string; text: string; evidence: Evidence }[];
}

/** What story clustering reads of an article: the analysis input and its outlet. */
export interface StoryInput extends AnalysisInput {
  source: string | null;
}
