import type { AnalysisInput, Comparison, Person, SpeakerRow, Statement } from './types.js';
import { analysisText } from './text.js';
import { splitSentences } from './sentences.js';
import { findEntities } from './entities.js';
import { attributeSentences } from './attribution.js';
import { findDates } from './dates.js';
import { topicMatcher, topicTerms } from './topics.js';
import { stanceOf, stancesDisagree } from './stance.js';
import { foldAccents, fuller, samePerson } from './names.js';

/**
 * Who said what about a topic across articles. Runs over whole corpora, so each
 * article is first tested against the topic in one regex pass over its text; only
 * articles that mention the topic are split, scanned for people and attributed.
 */

/**
 * Words without which no sentence holds a date expression; sentences without any skip the date
 * parser, which is the most expensive step of a comparison. Deliberately broad (any digit, any
 * month or weekday stem, relative words): it only gates which sentences findDates sees.
 */
const MAY_HOLD_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|ago|last|next|past|previous|earlier|later|week|month|year|day|night|morning|afternoon|evening|weekend|spring|summer|autumn|fall|winter|christmas|easter|new year|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen|since|until|before|after)/i;

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
function disagreements(statements: Statement[]): Comparison['disagreements'] {
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
          out.push({ a: Math.min(a, b), b: Math.max(a, b), why: `${sa.speaker} ${sa.stance}, ${sb.speaker} ${sb.stance}` });
        }
      }
    }
  }
  return out.sort((p, q) => p.a - q.a || p.b - q.b);
}

/** Every statement about the topic in every article, with speakers merged across articles. */
export function compareArticles(inputs: AnalysisInput[], topic = 'ceasefire'): Comparison {
  const matcher = topicMatcher(topic);
  const statements: Statement[] = [];
  const personNames = new Set<string>();
  for (const input of inputs) {
    if (!matcher.test(analysisText(input))) continue;
    const sentences = splitSentences(input);
    const topical = sentences.filter((s) => matcher.test(s.text));
    if (topical.length === 0) continue;
    const people: Person[] = findEntities(input, sentences).people;
    for (const p of people) personNames.add(p.name);
    const attributions = attributeSentences(input, sentences, people);
    const dates = findDates(input, topical.filter((s) => MAY_HOLD_DATE.test(s.text)));
    for (const s of topical) {
      const att = attributions[s.index];
      statements.push({
        article: input.id,
        speaker: att.speaker,
        kind: att.kind,
        stance: stanceOf(s.text),
        text: s.text,
        dates: dates.filter((d) => d.evidence.sentence === s.index).map((d) => ({ text: d.text, date: d.date })),
        evidence: { sentence: s.index, paragraph: s.paragraph, start: s.start, end: s.end },
      });
    }
  }
  const { rows, canonical } = speakerRows(statements, personNames);
  for (const st of statements) if (st.speaker) st.speaker = canonical.get(st.speaker) ?? st.speaker;
  return {
    topic,
    terms: topicTerms(topic),
    articles: inputs.map((i) => ({ id: i.id, title: i.title, date: i.date })),
    statements,
    speakers: rows,
    disagreements: disagreements(statements),
  };
}
