import type { DateMention, Evidence, NamedEntity, Person, Quote, Summary } from '../analysis/types.js';
import { casualtyLabel, quantityLabel, quoteLabel } from './fact-labels.js';
import { makeStyles } from './style.js';
import { wrapLine } from './text.js';
import { GUTTER, type Anchor, type Sheet } from './sheet.js';

/**
 * The summary screen's text: one section per kind of fact, each fact an item the cursor stops on and
 * Enter follows to its sentence. Pure: a Summary and a width in, lines and items out.
 */

export interface SummaryLayout {
  width: number;
  color: boolean;
  /** Index of the summarised article among the loaded ones: where Enter on a fact goes. */
  article: number;
}

/** Items are indented under their heading; continuation lines hang under the item's first word. */
const ITEM_INDENT = '  ';
/** Each fact starts with a bullet, so facts that wrap stay apart without colour. */
const BULLET = '• ';

export function personLabel(p: Person): string {
  const mentions = `${p.mentions} mention${p.mentions === 1 ? '' : 's'}`;
  return `${p.name}${p.role ? ` — ${p.role}` : ''} · ${mentions}`;
}

export function entityLabel(e: NamedEntity): string {
  return `${e.name} · ${e.mentions} mention${e.mentions === 1 ? '' : 's'}`;
}

export function dateLabel(d: DateMention): string {
  return `${d.text} → ${d.date ?? 'unresolved'}${d.event ? ` · ${d.event}` : ''}`;
}

/**
 * The lead, one item per sentence: the analysis joins the lead's sentences with a space and gives each
 * one's evidence, so each sentence's text is the next (end - start) characters. One item for the whole
 * lead when that does not hold.
 */
export function leadSentences(summary: Summary): { text: string; evidence: Evidence | null }[] {
  const lead = summary.lead.trim();
  if (lead === '') return [];
  const pieces: { text: string; evidence: Evidence }[] = [];
  let at = 0;
  for (const evidence of summary.leadEvidence) {
    while (at < lead.length && /\s/.test(lead[at])) at += 1;
    const length = evidence.end - evidence.start;
    if (length <= 0 || at + length > lead.length) return [{ text: lead, evidence: summary.leadEvidence[0] ?? null }];
    pieces.push({ text: lead.slice(at, at + length), evidence });
    at += length;
  }
  if (pieces.length === 0 || lead.slice(at).trim() !== '') return [{ text: lead, evidence: summary.leadEvidence[0] ?? null }];
  return pieces;
}

interface Section<T> {
  name: string;
  items: readonly T[];
  label: (item: T) => string;
  evidence: (item: T) => Evidence | undefined;
}

function section<T>(name: string, items: readonly T[], label: (item: T) => string, evidence: (item: T) => Evidence | undefined): Section<unknown> {
  return { name, items, label, evidence } as Section<unknown>;
}

/** Direct quotes first: they are the speakers' own words. */
function quotesInOrder(quotes: readonly Quote[]): Quote[] {
  return [...quotes.filter((q) => q.kind === 'direct'), ...quotes.filter((q) => q.kind !== 'direct')];
}

/** The summary as a sheet: title and date, then Lead, Casualties, Quantities, People, Places, Organisations, Dates, Quotes. */
export function summarySheet(summary: Summary, layout: SummaryLayout): Sheet {
  const width = Math.max(GUTTER.length + ITEM_INDENT.length + 4, Math.floor(layout.width));
  const styles = makeStyles(layout.color);
  const lines: string[] = [];
  const anchors: Anchor[] = [];
  const push = (text: string, indent: string, style: (text: string) => string = (t) => t): void => {
    for (const row of wrapLine(`${indent}${style(text)}`, width)) lines.push(row);
  };
  const item = (key: string, text: string, evidence: Evidence | null | undefined): void => {
    const line = lines.length;
    push(text, GUTTER + BULLET);
    anchors.push({ key, line, end: lines.length, target: evidence ? { article: layout.article, evidence } : null });
  };

  push(summary.title, GUTTER, styles.title);
  push(`${summary.date ?? 'undated'} · ${summary.id}`, GUTTER, styles.dim);

  const lead = leadSentences(summary);
  lines.push('');
  push('Lead', GUTTER, styles.heading);
  if (lead.length === 0) push('none found', GUTTER + ITEM_INDENT, styles.dim);
  lead.forEach((sentence, i) => item(`lead:${i}`, sentence.text, sentence.evidence));

  const sections: Section<unknown>[] = [
    section('Casualties', summary.casualties, casualtyLabel, (c) => c.evidence),
    section('Quantities', summary.quantities, quantityLabel, (q) => q.evidence),
    section('People', summary.people, personLabel, (p) => p.evidence[0]),
    section('Places', summary.places, entityLabel, (p) => p.evidence[0]),
    section('Organisations', summary.organizations, entityLabel, (o) => o.evidence[0]),
    section('Dates', summary.dates, dateLabel, (d) => d.evidence),
    section('Quotes', quotesInOrder(summary.quotes), quoteLabel, (q) => q.evidence),
  ];
  for (const { name, items, label, evidence } of sections) {
    lines.push('');
    push(`${name} (${items.length})`, GUTTER, styles.heading);
    if (items.length === 0) push('none found', GUTTER + ITEM_INDENT, styles.dim);
    items.forEach((fact, i) => item(`${name}:${i}`, label(fact), evidence(fact)));
  }
  return { lines, anchors };
}
