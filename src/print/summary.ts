import type { NamedEntity, Summary } from '../analysis/types.js';
import { summarySheet } from '../render/summary.js';
import { sheetText } from './sheet.js';

/**
 * The summary for a terminal or a pipe, and as JSON for scripts. The text is the reader's summary
 * screen (render/summary.ts), each fact ending with where it came from ("para 2, sentence 5", both
 * counted from 1) so a reader can check it against the article.
 */

export interface SummaryTextOptions {
  width: number;
  color: boolean;
}

/** The summary as a readable sheet: title and date, lead, then one section per kind of fact. */
export function formatSummaryText(s: Summary, options: SummaryTextOptions): string {
  const width = Math.max(20, Math.floor(options.width));
  return sheetText(summarySheet(s, { width, color: options.color, article: 0 }), { width, color: options.color });
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
