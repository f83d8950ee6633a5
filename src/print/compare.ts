import { wrapStyled } from '../render/wrap.js';
import type { Comparison, Statement } from '../analysis/types.js';
import { createStyler, type Styler } from './style.js';
import { evidencePointer } from './summary.js';

/**
 * The comparison as text to read (grouped by speaker, each statement under its article's
 * title and date, narration apart, disagreements last) and as JSON for scripts.
 */

export interface ComparisonTextOptions {
  width: number;
  color: boolean;
}

function wrapIndented(text: string, indent: string, width: number): string[] {
  const room = Math.max(20, width - indent.length);
  return wrapStyled(text, room).map((l) => indent + l);
}

function articleHeading(c: Comparison, id: string, st: Styler): string {
  const a = c.articles.find((x) => x.id === id);
  const title = a?.title || id;
  return `${st.bold(title)}${a?.date ? st.dim(` (${a.date})`) : ''}`;
}

function statementLines(s: Statement, width: number, st: Styler): string[] {
  const label = `[${s.kind} · ${s.stance}] ${st.dim(evidencePointer(s.evidence))}`;
  const dates = s.dates.length > 0 ? st.dim(`dates: ${s.dates.map((d) => (d.date ? `${d.text} = ${d.date}` : d.text)).join('; ')}`) : '';
  return [
    ...wrapIndented(`${st.accent(label)}`, '    ', width),
    ...wrapIndented(s.text, '      ', width),
    ...(dates ? wrapIndented(dates, '      ', width) : []),
  ];
}

/**
 * Adds lines one by one: `lines.push(...more)` passes every line as an argument, and past about 130,000
 * lines (a comparison over a large library) that overflows the call stack.
 */
function append(lines: string[], more: string[]): void {
  for (const line of more) lines.push(line);
}

/** Statements grouped by article, in the order the articles were given. */
function byArticle(c: Comparison, statements: Statement[], width: number, st: Styler, indent: string): string[] {
  const lines: string[] = [];
  for (const a of c.articles) {
    const mine = statements.filter((s) => s.article === a.id);
    if (mine.length === 0) continue;
    lines.push(...wrapIndented(articleHeading(c, a.id, st), indent, width));
    for (const s of mine) append(lines, statementLines(s, width, st));
  }
  return lines;
}

/** The comparison's sections: each speaker's statements, the narration, the disagreements. */
export function comparisonSections(c: Comparison, width: number, st: Styler): string[] {
  const lines: string[] = [];
  for (const row of c.speakers) {
    const aka = row.aliases.length > 0 ? st.dim(` (also: ${row.aliases.join(', ')})`) : '';
    const count = st.dim(` — ${row.statements} statement${row.statements === 1 ? '' : 's'}`);
    lines.push('', st.bold(st.accent(row.name)) + aka + count);
    append(lines, byArticle(c, c.statements.filter((s) => s.speaker === row.name), width, st, '  '));
  }
  const narration = c.statements.filter((s) => s.speaker === null);
  if (narration.length > 0) {
    lines.push('', st.bold('Narration (the articles’ own words)'));
    append(lines, byArticle(c, narration, width, st, '  '));
  }
  if (c.disagreements.length > 0) {
    lines.push('', st.bold('Disagreements'));
    for (const d of c.disagreements) {
      const a = c.statements[d.a];
      const b = c.statements[d.b];
      lines.push(...wrapIndented(st.warn(`${a.speaker} (${a.stance}) vs ${b.speaker} (${b.stance})`), '  ', width));
      lines.push(...wrapIndented(`“${a.text}”`, '    ', width));
      lines.push(...wrapIndented(`“${b.text}”`, '    ', width));
    }
  }
  return lines;
}

/** The comparison as plain text (styled only when `color` is true). */
export function formatComparisonText(c: Comparison, options: ComparisonTextOptions): string {
  const st = createStyler(options.color);
  const width = Math.max(40, options.width);
  const withTopic = new Set(c.statements.map((s) => s.article));
  const lines: string[] = [
    st.bold(`Topic: ${c.topic}`),
    ...wrapIndented(st.dim(`Terms: ${c.terms.join(', ')}`), '', width),
    `${c.statements.length} statement${c.statements.length === 1 ? '' : 's'} in ${withTopic.size} of ${c.articles.length} article${c.articles.length === 1 ? '' : 's'}`,
  ];
  if (c.statements.length === 0) {
    lines.push('', `No article mentions ${c.topic}.`);
    return lines.join('\n') + '\n';
  }
  append(lines, comparisonSections(c, width, st));
  return lines.join('\n') + '\n';
}

/** The comparison as the JSON the issue specifies (plus the disagreements, by statement index). */
export function comparisonToJson(c: Comparison): object {
  return {
    topic: c.topic,
    terms: c.terms,
    articles: c.articles.map((a) => ({ id: a.id, title: a.title, date: a.date })),
    statements: c.statements.map((s) => ({
      article: s.article,
      speaker: s.speaker,
      kind: s.kind,
      stance: s.stance,
      text: s.text,
      dates: s.dates,
      evidence: s.evidence,
      speakerRole: s.speakerRole ?? null,
      unnamed: s.unnamed === true,
    })),
    speakers: c.speakers.map((r) => ({
      name: r.name, aliases: r.aliases, articles: r.articles, statements: r.statements, role: r.role ?? null, unnamed: r.unnamed === true,
    })),
    disagreements: c.disagreements,
  };
}
