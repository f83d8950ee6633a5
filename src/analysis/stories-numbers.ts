import type { Casualty, NumberConflict, Quantity } from './types.js';
import type { StoryMember } from './stories-quotes.js';
import { splitSentences } from './sentences.js';

/**
 * Number conflicts within one story: the figure each article gives for the same fact (a kind of
 * casualty, or a quantity of the same thing) when the articles disagree. An article's figure for a
 * fact is its first one, or a later one the text calls an update ("the toll rose to 17"); figures
 * about the past ("in 2024", "over the years") and orders of magnitude ("hundreds") are background,
 * not this event's. Two figures too far apart (more than MAX_RATIO) are different facts.
 */

const UPDATE = /\b(?:rose|rise[sn]?|rising|climb(?:ed|s|ing)?|jump(?:ed|s)?|increas(?:ed|es|ing)|grew|revised|updated|risen|now stands?|has reached|reached)\b/i;
const BACKGROUND =
  /\b(?:last\s+(?:week|month|year|spring|summer|autumn|winter)|in\s+(?:19|20)\d\d|since\s+(?:19|20)\d\d|since\s+the\b|decades?|over\s+the\s+(?:past|last)|earlier\s+this\s+(?:month|year)|a\s+year\s+ago|months\s+ago|years\s+ago|(?:previous|earlier)\s+(?:attack|raid|strike|war|clashes))\b/i;
const MAX_RATIO = 3;

interface Figure {
  member: number;
  count: number;
  qualifier: Casualty['qualifier'];
  text: string;
  sentence: string;
  evidence: Casualty['evidence'];
  update: boolean;
}

function headline(member: number, figures: (Casualty | Quantity)[], sentences: string[], title: string): Figure | null {
  const own = figures
    .filter((f) => !f.vague && !BACKGROUND.test(sentences[f.evidence.sentence] ?? ''))
    .sort((a, b) => a.evidence.start - b.evidence.start);
  if (own.length === 0) return null;
  const updated = own.find((f) => UPDATE.test(sentences[f.evidence.sentence] ?? ''));
  const pick = updated ?? own[0];
  const sentence = sentences[pick.evidence.sentence] ?? pick.text;
  // A headline that says the toll rose to this figure makes the article's figure an update too.
  const update = UPDATE.test(sentence) || (UPDATE.test(title) && title.includes(String(pick.count)));
  return { member, count: pick.count, qualifier: pick.qualifier, text: pick.text, sentence, evidence: pick.evidence, update };
}

function quantityKey(q: Quantity): string | null {
  if (q.category === 'duration') return null;
  const key = q.what.toLowerCase().replace(/[^a-z ]/g, '').trim();
  return key.length > 0 ? `${q.category}:${key}` : null;
}

export function numberConflicts(members: StoryMember[]): NumberConflict[] {
  const sentences = members.map((m) => splitSentences(m.input).map((s) => s.text));
  const facts = new Map<string, Figure[]>();
  members.forEach((m, i) => {
    const byFact = new Map<string, (Casualty | Quantity)[]>();
    for (const c of m.summary.casualties) byFact.set(c.kind, [...(byFact.get(c.kind) ?? []), c]);
    for (const q of m.summary.quantities) {
      const key = quantityKey(q);
      if (key) byFact.set(key, [...(byFact.get(key) ?? []), q]);
    }
    for (const [fact, figures] of byFact) {
      const figure = headline(i, figures, sentences[i], m.input.title);
      if (figure) facts.set(fact, [...(facts.get(fact) ?? []), figure]);
    }
  });
  const out: NumberConflict[] = [];
  for (const [fact, figures] of facts) {
    const counts = figures.map((f) => f.count);
    const [low, high] = [Math.min(...counts), Math.max(...counts)];
    if (figures.length < 2 || low === high || high > low * MAX_RATIO) continue;
    const dated = (f: Figure): string => members[f.member].input.date ?? '';
    // An update: every higher figure comes from a report that says the figure rose, no earlier than the lower ones.
    const update = figures.every((f) => f.count === low || (f.update && figures.every((g) => g.count >= f.count || !dated(g) || !dated(f) || dated(g) <= dated(f))));
    out.push({
      fact: fact.replace(/^[a-z]+:/, ''),
      figures: figures.map((f) => {
        const input = members[f.member].input;
        return { article: input.id, source: input.source, date: input.date, count: f.count, qualifier: f.qualifier, text: f.text, sentence: f.sentence, evidence: f.evidence };
      }),
      verdict: update ? 'update' : 'contradiction',
    });
  }
  return out;
}
