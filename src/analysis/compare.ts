import type { AnalysisInput, Comparison, Person, Sentence, SpeakerRow, Statement } from './types.js';
import { splitSentences } from './sentences.js';
import { findMentions, groupPeople, type Mention } from './entities.js';
import { OPENING_QUOTE, attributeSentences, balancedRange } from './attribution.js';
import { findDates } from './dates.js';
import { topicMatcher, topicTerms } from './topics.js';
import { DEFAULT_TOPIC } from './default-topic.js';
import { statementStance, stancesDisagree } from './stance.js';
import { ROLE_NOUNS, foldAccents, fuller, samePerson } from './names.js';

/**
 * Who said what about a topic across articles. Runs over whole corpora, so each
 * article is first tested against the topic in one regex pass per paragraph; only
 * articles that mention the topic are split, scanned for people and attributed.
 */

/** Most disagreements listed: beyond this the screen can't show them and the pairing is quadratic. */
const MAX_DISAGREEMENTS = 200;

interface SpeakerAcc {
  row: SpeakerRow;
  person: boolean;
}

function plainKey(name: string): string {
  return foldAccents(name).toLowerCase().replace(/^the\s+/, '').trim();
}

/** One row per speaker across articles: people merge by the alias rules, bodies by their folded name. */
function speakerRows(statements: Statement[], personNames: Set<string>): { rows: SpeakerRow[]; canonical: Map<string, string> } {
  const accs: SpeakerAcc[] = [];
  const canonical = new Map<string, string>();
  // Speakers repeat across a corpus: each distinct spelling is matched against the rows once.
  const rowOf = new Map<string, SpeakerAcc>();
  for (const st of statements) {
    if (!st.speaker) continue;
    const person = personNames.has(st.speaker);
    let acc =
      rowOf.get(st.speaker) ??
      accs.find((a) => (a.person && person ? samePerson(st.speaker!, a.row.name) : plainKey(a.row.name) === plainKey(st.speaker!)));
    if (!acc) {
      acc = { row: { name: st.speaker, aliases: [], articles: [], statements: 0 }, person };
      accs.push(acc);
    } else if (st.speaker !== acc.row.name) {
      if (person && fuller(st.speaker, acc.row.name)) {
        acc.row.aliases.push(acc.row.name);
        acc.row.name = st.speaker;
      } else if (!acc.row.aliases.includes(st.speaker)) acc.row.aliases.push(st.speaker);
    }
    rowOf.set(st.speaker, acc);
    acc.row.statements++;
    if (!acc.row.articles.includes(st.article)) acc.row.articles.push(st.article);
    canonical.set(st.speaker, acc.row.name);
  }
  for (const a of accs) a.row.aliases = a.row.aliases.filter((x, i, all) => x !== a.row.name && all.indexOf(x) === i);
  for (const [form, name] of canonical) {
    const acc = accs.find((a) => a.row.aliases.includes(name));
    if (acc) canonical.set(form, acc.row.name);
  }
  const rows = accs.map((a) => a.row).sort((x, y) => y.statements - x.statements || x.name.localeCompare(y.name));
  return { rows, canonical };
}

/** Pairs of statements by different speakers whose stances oppose, found per stance bucket (not all pairs). */
function disagreements(statements: Statement[], storyOf?: (article: string) => string): Comparison['disagreements'] {
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

/** Sentences before a statement that "he said" may reach back to (attribution looks four back). */
const CONTEXT_SENTENCES = 4;

/**
 * The sentences attribution needs for the statements: the opening paragraph (where people are
 * usually introduced with full names and roles), each paragraph holding a statement, the
 * paragraphs before it up to a few sentences of context, and further back while a paragraph
 * opens with a quote (it may continue the previous paragraph's speaker).
 */
function contextWindow(input: AnalysisInput, sentences: Sentence[], topical: Sentence[]): Sentence[] {
  const byParagraph: Sentence[][] = input.paragraphs.map(() => []);
  for (const s of sentences) byParagraph[s.paragraph].push(s);
  const keep = new Set<number>([0]);
  for (const p of new Set(topical.map((s) => s.paragraph))) {
    keep.add(p);
    let q = p;
    let before = 0;
    while (q > 0 && (before < CONTEXT_SENTENCES || OPENING_QUOTE.test(input.paragraphs[q]))) {
      q--;
      keep.add(q);
      before += byParagraph[q].length;
    }
  }
  if (keep.size === input.paragraphs.length) return sentences;
  return sentences.filter((s) => keep.has(s.paragraph));
}

/** "the prime minister said": a role that stands for a person the article may have named earlier. */
const THE_ROLE = new RegExp(`\\b[Tt]he\\s+(?:[a-z-]+\\s+){0,2}(${[...ROLE_NOUNS].join('|')})\\b`, 'g');

/**
 * People named in the window, with the full names and roles the rest of the article gives them:
 * "Trump told reporters" in the window is "Donald Trump" when the lead, outside it, says so, and
 * "the prime minister said" finds the prime minister named paragraphs before. Only sentences
 * outside the window that hold one of the window's one-word names or role nouns are read.
 */
function windowPeople(input: AnalysisInput, sentences: Sentence[], window: Sentence[]): Person[] {
  const persons = (list: Mention[]): Mention[] => list.filter((m) => m.kind === 'person');
  const inWindow = persons(findMentions(input, window));
  if (window === sentences) return groupPeople(inWindow);
  const single = [...new Set(inWindow.filter((m) => !m.text.includes(' ')).map((m) => m.text))];
  const roles = new Set<string>();
  for (const s of window) for (const m of s.text.matchAll(THE_ROLE)) roles.add(m[1]);
  if (single.length === 0 && roles.size === 0) return groupPeople(inWindow);
  const kept = new Set(window.map((s) => s.index));
  const wanted = (text: string): boolean => {
    if (single.some((name) => text.includes(name))) return true;
    if (roles.size === 0) return false;
    const lower = text.toLowerCase();
    for (const r of roles) if (lower.includes(r)) return true;
    return false;
  };
  const extra = sentences.filter((s) => !kept.has(s.index) && wanted(s.text));
  if (extra.length === 0) return groupPeople(inWindow);
  const outside = persons(findMentions(input, extra)).filter((m) => m.text.includes(' '));
  return groupPeople([...inWindow, ...outside].sort((a, b) => a.start - b.start));
}

/** Does any paragraph mention the topic? One regex pass per paragraph, no joined copy of the text. */
function mentionsTopic(input: AnalysisInput, matcher: RegExp): boolean {
  return input.paragraphs.some((p) => matcher.test(p));
}

/**
 * Every statement about the topic in every article, with speakers merged across articles.
 * Only articles that mention the topic are split; only the paragraphs around their statements
 * are scanned for names and attributed, and only the statements are read for dates.
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
  const topical = sentences.filter((s) => matcher.test(s.text));
  if (topical.length === 0) return { statements, people: [] };
  const window = contextWindow(input, sentences, topical);
  const people = windowPeople(input, sentences, window);
  const attributions = attributeSentences(input, window, people);
  const dates = findDates(input, topical, false);
  for (const s of topical) {
    const att = attributions[s.index];
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
    });
  }
  return { statements, people: people.map((p) => p.name) };
}

/** The comparison from every article's statements (in the articles' order): speakers merged, disagreements found. */
export function combineStatements(
  articles: readonly Pick<AnalysisInput, 'id' | 'title' | 'date'>[],
  topic: string,
  perArticle: readonly ArticleStatements[],
  options: Pick<CompareOptions, 'storyOf'> = {},
): Comparison {
  const statements = perArticle.flatMap((one) => one.statements);
  const personNames = new Set(perArticle.flatMap((one) => one.people));
  const { rows, canonical } = speakerRows(statements, personNames);
  for (const st of statements) if (st.speaker) st.speaker = canonical.get(st.speaker) ?? st.speaker;
  return {
    topic,
    terms: topicTerms(topic),
    articles: articles.map((i) => ({ id: i.id, title: i.title, date: i.date })),
    statements,
    speakers: rows,
    disagreements: disagreements(statements, options.storyOf),
  };
}
