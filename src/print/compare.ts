import type { StatementHead } from '../analysis/compare.js';
import { statementToJson, type StatementsJson } from '../analysis/statement-json.js';
import type { Comparison } from '../analysis/types.js';

/** The comparison as JSON for scripts (its text is laid out by render/stories.ts, story by story). */

/** The comparison as the JSON the issue specifies (plus the disagreements, by statement index). */
export function comparisonToJson(c: Comparison): object {
  return {
    ...comparisonHeadToJson(c),
    statements: c.statements.map(statementToJson),
    ...comparisonTailToJson(c),
  };
}

function comparisonHeadToJson(c: Pick<Comparison, 'topic' | 'terms' | 'articles'>): object {
  return { topic: c.topic, terms: c.terms, articles: c.articles.map((a) => ({ id: a.id, title: a.title, date: a.date })) };
}

function comparisonTailToJson(c: Pick<Comparison, 'speakers' | 'disagreements'>): object {
  return {
    speakers: c.speakers.map((r) => ({
      name: r.name, aliases: r.aliases, articles: r.articles, statements: r.statements, role: r.role ?? null, unnamed: r.unnamed === true,
    })),
    disagreements: c.disagreements,
  };
}

/** One article's statements for comparisonJsonPieces: their JSON, the speaker each had there, and each one's head after merging. */
export interface ArticleStatementsJson {
  json: StatementsJson;
  /** The speakers the JSON was written with, before merging renamed them. */
  written: readonly (string | null)[];
  /** The same statements after merging (mergeSpeakers): a speaker that differs from `written` is put in. */
  merged: readonly StatementHead[];
}

const encoder = new TextEncoder();

/**
 * The bytes of `${JSON.stringify({ ...comparisonToJson(c), ...extra }, null, 2)}\n`, as pieces: the
 * statements are the articles' own JSON (statement-json.ts) with the merged speakers' names put in,
 * never parsed or copied into one string. `c` is the comparison without its statements.
 */
export function comparisonJsonPieces(c: Omit<Comparison, 'statements'>, articles: readonly ArticleStatementsJson[], extra: object = {}): Uint8Array[] {
  const doc = `${JSON.stringify({ ...comparisonHeadToJson(c), statements: [], ...comparisonTailToJson(c), ...extra }, null, 2)}\n`;
  const marker = '\n  "statements": []';
  const at = doc.indexOf(marker);
  const pieces: Uint8Array[] = [];
  const withStatements = articles.filter((a) => a.merged.length > 0);
  if (withStatements.length === 0) return [encoder.encode(doc)];
  pieces.push(encoder.encode(`${doc.slice(0, at)}\n  "statements": [\n`));
  withStatements.forEach((article, k) => {
    if (k > 0) pieces.push(SEPARATOR);
    const { bytes, speakers } = article.json;
    let from = 0;
    article.merged.forEach((head, i) => {
      if (head.speaker === article.written[i]) return;
      pieces.push(bytes.subarray(from, speakers[2 * i]), encoder.encode(JSON.stringify(head.speaker)));
      from = speakers[2 * i + 1];
    });
    pieces.push(from === 0 ? bytes : bytes.subarray(from));
  });
  pieces.push(encoder.encode(`\n  ]${doc.slice(at + marker.length)}`));
  return pieces;
}

const SEPARATOR = encoder.encode(',\n');
