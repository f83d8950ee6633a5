import type { Evidence, NamedEntity, Summary } from '../analysis/types.js';
import { casualtyLabel, quantityLabel, quoteLabel } from '../render/fact-labels.js';
import { dateLabel, entityLabel, personLabel } from '../render/summary.js';
import { displayWidth } from '../render/text.js';
import { wrapStyled } from '../render/wrap.js';
import { createStyler } from './style.js';

/**
 * The summary as a sheet to read in a terminal or a pipe, and as JSON for scripts. Every
 * fact ends with where it came from ("para 2, sentence 5", both counted from 1)
 * so a reader can check it against the article.
 */

export interface SummaryTextOptions {
  width: number;
  color: boolean;
}

/** The sheet's styles, from the one printing styler. */
function styles(color: boolean) {
  const st = createStyler(color);
  return { title: st.bold, heading: (s: string) => st.bold(st.accent(s)), dim: st.dim, strong: st.bold };
}

/** "para 2, sentence 5": one-based, as a reader counts, in words a reader needs no key for. */
export function evidencePointer(e: Evidence): string {
  return `para ${e.paragraph + 1}, sentence ${e.sentence + 1}`;
}

/** Wrap `text` to `width` columns with a hanging indent after the first line's prefix. */
function wrapItem(prefix: string, text: string, width: number): string[] {
  const indent = ' '.repeat(displayWidth(prefix));
  const room = Math.max(10, width - displayWidth(prefix));
  return wrapStyled(text, room).map((line, i) => (i === 0 ? prefix : indent) + line);
}

/** The summary as a readable sheet: title and date, lead, then one section per kind of fact. */
export function formatSummaryText(s: Summary, options: SummaryTextOptions): string {
  const width = Math.max(20, Math.floor(options.width));
  const st = styles(options.color);
  const out: string[] = [];

  out.push(...wrapItem('', st.title(s.title), width));
  out.push(st.dim(`${s.date ?? 'undated'} · ${s.id}`));
  out.push('');
  out.push(st.heading('Lead'));
  out.push(...wrapItem('  ', s.lead || '(no lead found)', width));

  const section = <T>(name: string, items: T[], line: (item: T) => string, evidence: (item: T) => Evidence | undefined) => {
    out.push('');
    out.push(st.heading(`${name} (${items.length})`));
    if (!items.length) {
      out.push(st.dim('  none found'));
      return;
    }
    for (const item of items) {
      const e = evidence(item);
      const pointer = e ? `  ${st.dim(evidencePointer(e))}` : '';
      out.push(...wrapItem('  • ', line(item) + pointer, width));
    }
  };

  section('Casualties', s.casualties, casualtyLabel, (c) => c.evidence);
  section('Quantities', s.quantities, quantityLabel, (q) => q.evidence);
  section('People', s.people, personLabel, (p) => p.evidence[0]);
  section('Places', s.places, entityLabel, (p) => p.evidence[0]);
  section('Organisations', s.organizations, entityLabel, (o) => o.evidence[0]);
  section('Dates', s.dates, dateLabel, (d) => d.evidence);
  const quotes = [...s.quotes.filter((q) => q.kind === 'direct'), ...s.quotes.filter((q) => q.kind !== 'direct')];
  section('Quotes', quotes, quoteLabel, (q) => q.evidence);
  return out.join('\n') + '\n';
}

/** The summary for `--json`: plain data, every fact with its evidence (offsets into the article's paragraphs joined by a blank line). */
export function summaryToJson(s: Summary): object {
  return {
    id: s.id,
    title: s.title,
    date: s.date,
    lead: s.lead,
    leadEvidence: s.leadEvidence,
    casualties: s.casualties.map((c) => ({
      kind: c.kind,
      count: c.count,
      qualifier: c.qualifier,
      group: c.group,
      including: c.including,
      ...(c.vague ? { vague: true } : {}),
      text: c.text,
      evidence: c.evidence,
    })),
    quantities: s.quantities.map((q) => ({
      count: q.count,
      qualifier: q.qualifier,
      what: q.what,
      category: q.category,
      ...(q.unit ? { unit: q.unit } : {}),
      ...(q.vague ? { vague: true } : {}),
      text: q.text,
      evidence: q.evidence,
    })),
    people: s.people.map((p) => ({ name: p.name, role: p.role, mentions: p.mentions, aliases: p.aliases, evidence: p.evidence })),
    places: s.places.map(named),
    organizations: s.organizations.map(named),
    dates: s.dates.map((d) => ({ text: d.text, date: d.date, event: d.event, evidence: d.evidence })),
    quotes: s.quotes.map((q) => ({ speaker: q.speaker, text: q.text, kind: q.kind, evidence: q.evidence, unnamed: q.unnamed === true })),
  };
}

function named(e: NamedEntity): object {
  return { name: e.name, mentions: e.mentions, aliases: e.aliases, evidence: e.evidence };
}
