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

/** Where each statement's speaker key starts in that JSON: the only line with this key at this depth. */
const SPEAKER_KEY = Buffer.from(`\n${STATEMENT_INDENT}  "speaker": `);

export function statementsJson(statements: readonly Statement[]): StatementsJson {
  if (statements.length === 0) return { bytes: new Uint8Array(0), speakers: [] };
  // Laid out at the depth the comparison puts them, then cut out of the wrapper: one stringify per
  // article, no re-indenting. Raw newlines are only ever between fields (JSON escapes those in text).
  const wrapped = JSON.stringify({ statements: statements.map(statementToJson) }, null, 2);
  const open = '{\n  "statements": [\n';
  const close = '\n  ]\n}';
  // TextEncoder, not Buffer.from: the same bytes, a third of the time on a string with curly quotes.
  const encoded = encoder.encode(wrapped.slice(open.length, wrapped.length - close.length));
  const bytes = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  const speakers: number[] = [];
  // The first statement's key line follows its "{" line; every later one likewise.
  for (let at = bytes.indexOf(SPEAKER_KEY); at >= 0; at = bytes.indexOf(SPEAKER_KEY, at + SPEAKER_KEY.length)) {
    const start = at + SPEAKER_KEY.length;
    // The value ends its line, before the comma: "speaker": "Name",
    speakers.push(start, bytes.indexOf(0x0a, start) - 1);
  }
  if (speakers.length !== 2 * statements.length) throw new Error('statementsJson: a statement is not laid out as expected');
  return { bytes, speakers };
}
