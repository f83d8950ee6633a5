import { displayWidth } from '../render/text.js';

/**
 * A line of text as Ink's output writes it for a <Text> alone on its row, from column 0, with the line
 * fast path (scripts/ink-line-fast-path.mjs, whose newsdeskFastRow this follows): unstyled text with its
 * trailing blanks cut; styled text as it is, closed with a reset. Null when Ink would draw the row its own
 * way (cell by cell): a styled line ending in blanks, an escape other than SGR with parameters, a line
 * wider than the terminal (Ink cuts it). test/e2e/scroll-ahead.test.ts checks the rows drawn ahead
 * against Ink's own frames in a real terminal.
 */

const SGR = /\x1b\[\d+(?:;\d+)*m/g;
const TRAILING_BLANK = /\s$/;
/** Text whose width is its length. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function rowOf(line: string, cols: number): string | null {
  // As the Viewport draws an empty line, a blank: Ink cuts it to nothing.
  if (line === '' || line === ' ') return '';
  if (line.includes('\x9b')) return null;
  const styled = line.includes('\x1b');
  const text = styled ? line.replace(SGR, '') : line;
  if (styled && text.includes('\x1b')) return null;
  if (!(text.length <= cols && PRINTABLE_ASCII.test(text)) && displayWidth(text) > cols) return null;
  if (!styled) return line.trimEnd();
  if (TRAILING_BLANK.test(text)) return null;
  return `${line}\x1b[0m`;
}

/**
 * Rows already made, by line (a scroll shows the same lines again, one row further up), for one width.
 * Bounded: cleared when full.
 */
const made = new Map<string, string | null>();
const MAX_MADE = 4096;
let madeFor = 0;

export function inkRow(line: string, cols: number): string | null {
  if (cols !== madeFor || made.size >= MAX_MADE) {
    made.clear();
    madeFor = cols;
  }
  let row = made.get(line);
  if (row === undefined) {
    row = rowOf(line, cols);
    made.set(line, row);
  }
  return row;
}
