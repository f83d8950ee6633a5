import type { AnalysisInput, Comparison, SpeakerRow, Statement } from './types.js';
import { splitSentences } from './sentences.js';
import { attributeDetailed, balancedRange } from './attribution.js';
import { findDates } from './dates.js';
import { topicMatcher, topicTerms } from './topics.js';
import { DEFAULT_TOPIC } from './default-topic.js';
import { topicalSentences } from './topic.js';
import { statementStance, stancesDisagree } from './stance.js';
import { foldAccents, fuller, samePerson } from './names.js';

/**
 * Who said what about a topic across articles. Runs over whole corpora, so each
 * article is first tested against the topic in one regex pass per paragraph; only
 * articles that mention the topic are split and attributed (topic.ts decides which of
 * their sentences are about it, attribution.ts who says each).
 */

/** Most disagreements listed: beyond this the screen can't show them and the pairing is quadratic. */
const MAX_DISAGREEMENTS = 200;

interface SpeakerAcc {
  row: SpeakerRow;
  person: boolean;
  /** row.articles as a set: a speaker of thousands of articles is looked up per statement. */
  articles: Set<string>;
}

function plainKey(name: string): string {
  return foldAccents(name).toLowerCase().replace(/^the\s+/, '').trim();
}

/**
 * One row per speaker across articles: people merge by the alias rules, bodies by their folded
 * name; an unnamed source is a row of its own article only, never merged with another's.
 */
function speakerRows(statements: readonly StatementHead[], personNames: Set<string>): { rows: SpeakerRow[]; canonical: Map<string, string> } {
  const accs: SpeakerAcc[] = [];
  const canonical = new Map<string, string>();
  // Speakers repeat across a corpus: each distinct spelling is matched against the rows once.
  const rowOf = new Map<string, SpeakerAcc>();
  for (const st of statements) {
    if (!st.speaker) continue;
    const key = st.unnamed ? `${st.article}\u0000${st.speaker}` : st.speaker;
    const person = personNames.has(st.speaker);
    let acc: SpeakerAcc | undefined =
      rowOf.get(key) ??
      (st.unnamed
        ? undefined
        : accs.find((a) => !a.row.unnamed && (a.person && person ? samePerson(st.speaker!, a.row.name) : plainKey(a.row.name) === plainKey(st.speaker!))));
    if (!acc) {
      acc = { row: { name: st.speaker, aliases: [], articles: [], statements: 0, role: st.speakerRole ?? null, unnamed: st.unnamed === true }, person, articles: new Set() };
      accs.push(acc);
    } else if (st.speaker !== acc.row.name) {
      if (person && fuller(st.speaker, acc.row.name)) {
        acc.row.aliases.push(acc.row.name);
        acc.row.name = st.speaker;
      } else if (!acc.row.aliases.includes(st.speaker)) acc.row.aliases.push(st.speaker);
    }
    acc.row.role ??= st.speakerRole ?? null;
    rowOf.set(key, acc);
    acc.row.statements++;
    if (!acc.articles.has(st.article)) {
      acc.articles.add(st.article);
      acc.row.articles.push(st.article);
    }
    if (!st.unnamed) canonical.set(st.speaker, acc.row.name);
  }
  for (const a of accs) a.row.aliases = a.row.aliases.filter((x, i, all) => x !== a.row.name && all.indexOf(x) === i);
  // The first row (in order) that lists a name among its aliases.
  const aliasOf = new Map<string, SpeakerAcc>();
  for (const a of accs) for (const alias of a.row.aliases) if (!aliasOf.has(alias)) aliasOf.set(alias, a);
  for (const [form, name] of canonical) {
    const acc = aliasOf.get(name);
    if (acc) canonical.set(form, acc.row.name);
  }
  const rows = accs.map((a) => a.row).sort((x, y) => y.statements - x.statements || x.name.localeCompare(y.name));
  return { rows, canonical };
}

/** Pairs of statements by different speakers whose stances oppose, found per stance bucket (not all pairs). */
function disagreements(statements: readonly StatementHead[], storyOf?: (article: string) => string): Comparison['disagreements'] {
  const buckets = new Map<string, number[]>();
  statements.forEach((st, i) => {
    if (!st.speaker || st.stance === 'neutral') return;
    const list = buckets.get(st.stance) ?? [];
    list.push(i);
    buckets.set(st.stance, list);
  });
  const out: Comparison['disagreements'] = [];
  const stances = [...buckets.keys()];
  for (const x of stances) {
    for (const y of stances) {
      if (x >= y || !stancesDisagree(x as Statement['stance'], y as Statement['stance'])) continue;
      for (const a of buckets.get(x)!) {
        for (const b of buckets.get(y)!) {
          if (out.length >= MAX_DISAGREEMENTS) return out;
          const [sa, sb] = [statements[Math.min(a, b)], statements[Math.max(a, b)]];
          if (sa.speaker === sb.speaker) continue;
          // Speakers disagree about one event, not about two truces in two wars.
          if (storyOf && storyOf(sa.article) !== storyOf(sb.article)) continue;
          out.push({ a: Math.min(a, b), b: Math.max(a, b), why: `${sa.speaker} ${sa.stance}, ${sb.speaker} ${sb.stance}` });
        }
      }
    }
  }
  return out.sort((p, q) => p.a - q.a || p.b - q.b);
}

/** Does any paragraph mention the topic? One regex pass per paragraph, no joined copy of the text. */
function mentionsTopic(input: AnalysisInput, matcher: RegExp): boolean {
  return input.paragraphs.some((p) => matcher.test(p));
}

/**
 * Every statement about the topic in every article, with speakers merged across articles.
 * Only articles that mention the topic are split and attributed, and only the statements are
 * read for dates.
 */
export interface CompareOptions {
  /** Called as articles are done, for a progress bar: thousands of articles take seconds. */
  onProgress?: (done: number, total: number) => void;
  /** The story an article belongs to (stories.ts): disagreements are only paired within one story. */
  storyOf?: (article: string) => string;
}

export function compareArticles(inputs: AnalysisInput[], topic = DEFAULT_TOPIC, options: CompareOptions = {}): Comparison {
  const matcher = topicMatcher(topic);
  const perArticle: ArticleStatements[] = [];
  for (const [done, input] of inputs.entries()) {
    options.onProgress?.(done, inputs.length);
    perArticle.push(articleStatements(input, matcher));
  }
  options.onProgress?.(inputs.length, inputs.length);
  return combineStatements(inputs, topic, perArticle, options);
}

/** What one article says about the topic: its statements, and the people named around them. */
export interface ArticleStatements {
  statements: Statement[];
  people: string[];
}

/**
 * One article's statements about the topic (`matcher` from topicMatcher), before speakers are merged
 * across articles. Depends on nothing but the article, so articles can be done apart (worker threads)
 * and put together by combineStatements in their order.
 */
export function articleStatements(input: AnalysisInput, matcher: RegExp): ArticleStatements {
  const statements: Statement[] = [];
  if (!mentionsTopic(input, matcher)) return { statements, people: [] };
  const sentences = splitSentences(input);
  // The ceasefire topic and its kin ask that an article be about a conflict, not a tennis "truce".
  const conflictTopic = matcher === topicMatcher(DEFAULT_TOPIC);
  const about = topicalSentences(sentences, matcher, { conflictTopic, paragraphs: input.paragraphs, title: input.title });
  if (about.size === 0) return { statements, people: [] };
  const topical = sentences.filter((s) => about.has(s.index));
  const attributions = attributeDetailed(input, sentences);
  const dates = findDates(input, topical, false);
  const people = new Set<string>();
  for (const s of topical) {
    const att = attributions[s.index];
    if (att.entity?.kind === 'person' || att.entity?.kind === 'word') people.add(att.entity.name);
    // A sentence cut from a longer quote drops its leftover mark; the evidence narrows with it, so it stays exact.
    const [from, to] = balancedRange(s.text);
    statements.push({
      article: input.id,
      speaker: att.speaker,
      kind: att.kind,
      stance: statementStance(s.text),
      text: s.text.slice(from, to),
      dates: dates.filter((d) => d.evidence.sentence === s.index).map((d) => ({ text: d.text, date: d.date })),
      evidence: { sentence: s.index, paragraph: s.paragraph, start: s.start + from, end: s.start + to },
      speakerRole: att.speaker ? (att.role ?? null) : null,
      unnamed: att.unnamed === true,
    });
  }
  return { statements, people: [...people] };
}

/** What merging speakers and pairing disagreements read of a statement. */
export type StatementHead = Pick<Statement, 'article' | 'speaker' | 'stance' | 'speakerRole' | 'unnamed'>;

/**
 * Every article's statements (in the articles' order) as one list, each named speaker renamed to the
 * name its merged row goes by, with the rows and the disagreements: what a comparison adds to the
 * articles' own statements, for whole statements or only their heads.
 */
export function mergeSpeakers<S extends StatementHead>(
  perArticle: readonly { statements: readonly S[]; people: readonly string[] }[],
  storyOf?: (article: string) => string,
): { statements: S[]; speakers: SpeakerRow[]; disagreements: Comparison['disagreements'] } {
  const statements = perArticle.flatMap((one) => one.statements);
  const personNames = new Set(perArticle.flatMap((one) => one.people));
  const { rows, canonical } = speakerRows(statements, personNames);
  for (const st of statements) if (st.speaker && !st.unnamed) st.speaker = canonical.get(st.speaker) ?? st.speaker;
  return { statements, speakers: rows, disagreements: disagreements(statements, storyOf) };
}

/** The comparison from every article's statements (in the articles' order): speakers merged, disagreements found. */
export function combineStatements(
  articles: readonly Pick<AnalysisInput, 'id' | 'title' | 'date'>[],
  topic: string,
  perArticle: readonly ArticleStatements[],
  options: Pick<CompareOptions, 'storyOf'> = {},
): Comparison {
  const { statements, speakers, disagreements: pairs } = mergeSpeakers(perArticle, options.storyOf);
  return {
    topic,
    terms: topicTerms(topic),
    articles: articles.map((i) => ({ id: i.id, title: i.title, date: i.date })),
    statements,
    speakers,
    disagreements: pairs,
  };
}
