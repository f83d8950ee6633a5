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

export function inkRow(line: string, cols: number): string | null {
  // As the Viewport draws an empty line, a blank: Ink cuts it to nothing.
  if (line === '' || line === ' ') return '';
  if (line.includes('\x9b')) return null;
  if (displayWidth(line) > cols) return null;
  if (!line.includes('\x1b')) return line.trimEnd();
  const text = line.replace(SGR, '');
  if (text.includes('\x1b') || TRAILING_BLANK.test(text)) return null;
  return `${line}\x1b[0m`;
}
