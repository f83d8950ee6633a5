import type { Match } from './types.js';

/**
 * Every case-insensitive occurrence of `query` in the given lines (already without styling).
 * Matches do not span lines: the lines are what the reader sees.
 */
export function findMatches(plainLines: readonly string[], query: string): Match[] {
  const needle = query.toLowerCase();
  if (needle === '') return [];
  const matches: Match[] = [];
  for (let line = 0; line < plainLines.length; line++) {
    const haystack = plainLines[line].toLowerCase();
    // toLowerCase can change length for a few characters; offsets are only exact when it does not.
    if (haystack.length !== plainLines[line].length) continue;
    let from = 0;
    for (;;) {
      const start = haystack.indexOf(needle, from);
      if (start < 0) break;
      matches.push({ line, start, end: start + needle.length });
      from = start + Math.max(1, needle.length);
    }
  }
  return matches;
}

/** Inverse video marks a match (readable without colour); the current one is underlined as well. */
const MATCH_ON = '\x1b[7m';
const MATCH_OFF = '\x1b[27m';
const CURRENT_ON = '\x1b[4;7m';
const CURRENT_OFF = '\x1b[24;27m';

/**
 * A styled line with the given ranges (offsets into its unstyled text) shown in inverse video.
 * Applied only to the lines on screen, so its cost does not grow with the article.
 */
export function highlightRanges(
  line: string,
  ranges: readonly { start: number; end: number; current: boolean }[],
): string {
  if (ranges.length === 0) return line;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let out = '';
  let plain = 0;
  let next = 0;
  let open: { end: number; current: boolean } | null = null;
  for (let i = 0; i <= line.length; ) {
    if (open && plain === open.end) {
      out += open.current ? CURRENT_OFF : MATCH_OFF;
      open = null;
    }
    while (!open && next < sorted.length && sorted[next].start <= plain) {
      const range = sorted[next++];
      if (range.end > plain) {
        out += range.current ? CURRENT_ON : MATCH_ON;
        open = range;
      }
    }
    if (i === line.length) break;
    if (line[i] === '\x1b') {
      const sgr = /^\x1b\[[0-9;]*m/.exec(line.slice(i, i + 32));
      if (sgr) {
        out += sgr[0];
        i += sgr[0].length;
        continue;
      }
    }
    out += line[i];
    i += 1;
    plain += 1;
  }
  if (open) out += open.current ? CURRENT_OFF : MATCH_OFF;
  return out;
}
