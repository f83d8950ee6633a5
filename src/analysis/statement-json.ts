import type { Statement } from './types.js';

/**
 * A statement as the comparison's JSON gives it, and many statements as the bytes of that JSON: a
 * comparison over thousands of articles is ~90 MB of JSON, so the worker threads that find the
 * statements also write them (parallel.ts), and the main thread only puts the pieces in order and
 * puts each speaker's merged name in (print/compare.ts comparisonJsonPieces).
 */

/** The statement's fields, in the order the JSON lists them. */
export function statementToJson(s: Statement): object {
  return {
    article: s.article,
    speaker: s.speaker,
    kind: s.kind,
    stance: s.stance,
    text: s.text,
    dates: s.dates,
    evidence: s.evidence,
    speakerRole: s.speakerRole ?? null,
    unnamed: s.unnamed === true,
  };
}

/** Where a statement sits in the comparison's JSON: an element of the root object's "statements" array. */
export const STATEMENT_INDENT = '    ';

/**
 * One article's statements as UTF-8 JSON, each indented as an element of "statements" and joined by
 * ",\n"; `speakers` holds, per statement, the byte range of its speaker's value (a JSON string or
 * null), where a merged name replaces the article's own.
 */
export interface StatementsJson {
  bytes: Uint8Array;
  speakers: number[];
}

const encoder = new TextEncoder();

export function statementsJson(statements: readonly Statement[]): StatementsJson {
  const speakers: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const [k, s] of statements.entries()) {
    const text = STATEMENT_INDENT + JSON.stringify(statementToJson(s), null, 2).replaceAll('\n', `\n${STATEMENT_INDENT}`);
    const head = `${STATEMENT_INDENT}{\n${STATEMENT_INDENT}  "article": ${JSON.stringify(s.article)},\n${STATEMENT_INDENT}  "speaker": `;
    const speaker = JSON.stringify(s.speaker);
    // The speaker is the second field: its value starts right after that head, whatever the texts hold.
    if (!text.startsWith(head + speaker)) throw new Error('statementsJson: a statement is not laid out as expected');
    if (k > 0) at += 2;
    const start = at + Buffer.byteLength(head);
    speakers.push(start, start + Buffer.byteLength(speaker));
    at += Buffer.byteLength(text);
    parts.push(text);
  }
  return { bytes: encoder.encode(parts.join(',\n')), speakers };
}
