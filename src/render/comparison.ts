import type { Comparison, Stance, Statement } from '../analysis/types.js';
import { makeStyles } from './style.js';
import { wrapLine } from './text.js';
import { GUTTER, type Anchor, type Sheet } from './sheet.js';

/**
 * The comparison screen's text, in two orders: by speaker (one group per speaker, statements under
 * the article they are in, the articles' own narration apart) or as a timeline (by the date a statement
 * is about, else its article's date). Every statement is an item the cursor stops on; where two
 * speakers disagree, both statements say so. Pure: a Comparison and a width in, lines and items out.
 */

export type CompareOrder = 'speaker' | 'timeline';

export interface CompareLayout {
  width: number;
  color: boolean;
  order: CompareOrder;
  /** Index among the loaded articles of an article id (statements name their article by id); -1 if none. */
  articleIndex: (id: string) => number;
}

const STANCE_WORDS: Record<Stance, string> = {
  proposes: 'proposes',
  accepts: 'accepts',
  rejects: 'rejects',
  violation: 'reports a violation',
  doubts: 'doubts',
  hopes: 'hopes',
  deadline: 'sets a deadline',
  'on-hold': 'on hold',
  expired: 'expired',
  supports: 'supports',
  neutral: 'no clear stance',
};

export function stanceLabel(stance: Stance): string {
  return STANCE_WORDS[stance] ?? stance;
}

/** The name a statement's speaker goes by on screen: narration is the article's own voice. */
export function speakerName(speaker: string | null): string {
  return speaker ?? 'the narration';
}

export interface DisagreementNote {
  /** The other statement's index. */
  other: number;
  text: string;
}

/** For each statement, the statements that disagree with it, worded from its side: "≠ disagrees with X: accepts vs rejects". */
export function disagreementNotes(comparison: Comparison): Map<number, DisagreementNote[]> {
  const notes = new Map<number, DisagreementNote[]>();
  const add = (self: number, other: number): void => {
    const mine = comparison.statements[self];
    const theirs = comparison.statements[other];
    if (!mine || !theirs) return;
    const text = `≠ disagrees with ${speakerName(theirs.speaker)}: ${stanceLabel(mine.stance)} vs ${stanceLabel(theirs.stance)}`;
    notes.set(self, [...(notes.get(self) ?? []), { other, text }]);
  };
  for (const { a, b } of comparison.disagreements) {
    add(a, b);
    add(b, a);
  }
  return notes;
}

/** The date a statement sits at on the timeline: the first date it mentions that resolved, else its article's. */
export function timelineDate(comparison: Comparison, statement: Statement): { date: string | null; from: string | null } {
  const mentioned = statement.dates.find((d) => d.date !== null);
  if (mentioned) return { date: mentioned.date, from: mentioned.text };
  const article = comparison.articles.find((a) => a.id === statement.article);
  return { date: article?.date ?? null, from: null };
}

/**
 * Statement indexes in timeline order: by date (ISO strings sort by time; "2025-04" before any day in
 * April), undated last, then by article date and place in the article, so the order is stable.
 */
export function timelineOrder(comparison: Comparison): number[] {
  const articleDate = new Map(comparison.articles.map((a) => [a.id, a.date ?? '']));
  const keyed = comparison.statements.map((statement, index) => ({
    index,
    date: timelineDate(comparison, statement).date,
    articleDate: articleDate.get(statement.article) ?? '',
    sentence: statement.evidence.sentence,
    article: statement.article,
  }));
  keyed.sort((x, y) => {
    if (x.date !== y.date) {
      if (x.date === null) return 1;
      if (y.date === null) return -1;
      return x.date < y.date ? -1 : 1;
    }
    if (x.articleDate !== y.articleDate) return x.articleDate < y.articleDate ? -1 : 1;
    if (x.article !== y.article) return x.article < y.article ? -1 : 1;
    return x.sentence - y.sentence;
  });
  return keyed.map((k) => k.index);
}

/** Statement indexes grouped by speaker, in the comparison's speaker order; narration last. */
export function speakerGroups(comparison: Comparison): { speaker: string | null; statements: number[] }[] {
  const bySpeaker = new Map<string | null, number[]>();
  comparison.statements.forEach((statement, index) => {
    const group = bySpeaker.get(statement.speaker);
    if (group) group.push(index);
    else bySpeaker.set(statement.speaker, [index]);
  });
  const order: (string | null)[] = comparison.speakers.map((row) => row.name).filter((name) => bySpeaker.has(name));
  for (const speaker of bySpeaker.keys()) if (speaker !== null && !order.includes(speaker)) order.push(speaker);
  if (bySpeaker.has(null)) order.push(null);
  return order.map((speaker) => ({ speaker, statements: bySpeaker.get(speaker) ?? [] }));
}

function articleLine(comparison: Comparison, id: string): string {
  const article = comparison.articles.find((a) => a.id === id);
  if (!article) return id;
  return `${article.title} (${article.date ?? 'undated'})`;
}

/** The comparison as a sheet, in the order asked for: its topic line, then its statements. */
export function comparisonSheet(comparison: Comparison, layout: CompareLayout): Sheet {
  const width = Math.max(GUTTER.length + 8, Math.floor(layout.width));
  const lines: string[] = [];
  const articles = new Set(comparison.statements.map((s) => s.article)).size;
  const count = comparison.statements.length;
  const topic = `Topic: ${comparison.topic} · ${count} statement${count === 1 ? '' : 's'} in ${articles} of ${comparison.articles.length} articles`;
  for (const row of wrapLine(`${GUTTER}${makeStyles(layout.color).dim(topic)}`, width)) lines.push(row);
  if (count === 0) {
    lines.push('');
    for (const row of wrapLine(`${GUTTER}No statement about “${comparison.topic}” in the loaded articles.`, width)) lines.push(row);
    return { lines, anchors: [] };
  }
  return appendComparisonGroups({ lines, anchors: [] }, comparison, layout);
}

/**
 * The comparison's statements appended to `sheet`: grouped by speaker (under the article each is in) or
 * on a timeline, then a summary of the disagreements. Printed output draws these too, story by story.
 */
export function appendComparisonGroups(sheet: Sheet, comparison: Comparison, layout: CompareLayout): Sheet {
  const width = Math.max(GUTTER.length + 8, Math.floor(layout.width));
  const styles = makeStyles(layout.color);
  const notes = disagreementNotes(comparison);
  const lines = [...sheet.lines];
  const anchors = [...sheet.anchors];
  const push = (text: string, indent: string, style: (text: string) => string = (t) => t): void => {
    for (const row of wrapLine(`${indent}${style(text)}`, width)) lines.push(row);
  };
  const target = (statement: Statement): Anchor['target'] => {
    const article = layout.articleIndex(statement.article);
    return article >= 0 ? { article, evidence: statement.evidence } : null;
  };
  const statementItem = (index: number, indent: string, head: string, extra: string[] = []): void => {
    const statement = comparison.statements[index];
    const line = lines.length;
    push(`${head}${statement.text}`, indent);
    for (const text of extra) push(text, indent + '  ', styles.dim);
    if (statement.dates.length > 0) {
      push(`dates: ${statement.dates.map((d) => `${d.text} → ${d.date ?? 'unresolved'}`).join('; ')}`, indent + '  ', styles.dim);
    }
    for (const note of notes.get(index) ?? []) push(note.text, indent + '  ', styles.strong);
    anchors.push({ key: `statement:${index}`, line, end: lines.length, target: target(statement) });
  };

  if (layout.order === 'speaker') {
    for (const group of speakerGroups(comparison)) {
      lines.push('');
      const n = group.statements.length;
      const name = group.speaker === null ? 'Narration (the articles’ own words)' : group.speaker;
      push(`${name} · ${n} statement${n === 1 ? '' : 's'}`, GUTTER, styles.heading);
      const byArticle = new Map<string, number[]>();
      for (const index of group.statements) {
        const id = comparison.statements[index].article;
        const mine = byArticle.get(id);
        if (mine) mine.push(index);
        else byArticle.set(id, [index]);
      }
      for (const [id, indexes] of byArticle) {
        push(articleLine(comparison, id), GUTTER + '  ', styles.dim);
        for (const index of indexes) {
          const statement = comparison.statements[index];
          statementItem(index, GUTTER + '    ', `[${statement.kind} · ${stanceLabel(statement.stance)}] `);
        }
      }
    }
  } else {
    let heading: string | undefined;
    for (const index of timelineOrder(comparison)) {
      const statement = comparison.statements[index];
      const { date, from } = timelineDate(comparison, statement);
      const label = date ?? 'undated';
      if (label !== heading) {
        heading = label;
        lines.push('');
        push(label, GUTTER, styles.heading);
      }
      const dated = from ? ` · dated by “${from}”` : ' · article date';
      const who = statement.speaker === null ? 'Narration' : `${statement.speaker} — ${statement.kind}`;
      const head = `${who} · ${stanceLabel(statement.stance)}${dated}: `;
      statementItem(index, GUTTER + '  ', head, [articleLine(comparison, statement.article)]);
    }
  }

  if (comparison.disagreements.length > 0) {
    lines.push('');
    push(`Disagreements (${comparison.disagreements.length})`, GUTTER, styles.heading);
    // A summary of the ≠ notes above, not items of its own: the cursor stops on statements only.
    for (const { a, b } of comparison.disagreements) {
      const first = comparison.statements[a];
      const second = comparison.statements[b];
      if (!first || !second) continue;
      push(`${speakerName(first.speaker)} (${stanceLabel(first.stance)}) ≠ ${speakerName(second.speaker)} (${stanceLabel(second.stance)})`, GUTTER + '  ');
    }
  }
  return { lines, anchors };
}
