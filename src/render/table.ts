import { displayWidth, stripStyle } from './text.js';
import { wrapStyled } from './wrap.js';

export type CellAlign = 'left' | 'right' | 'center' | null;

/** Box characters for a table: Unicode lines, or plain ASCII where the terminal may not show them. */
export interface TableGlyphs {
  vertical: string;
  horizontal: string;
  cross: string;
}

export const UNICODE_TABLE: TableGlyphs = { vertical: '│', horizontal: '─', cross: '┼' };
export const ASCII_TABLE: TableGlyphs = { vertical: '|', horizontal: '-', cross: '+' };

/** A column never shrinks below this many columns, unless the table cannot fit at all otherwise. */
const MIN_COLUMN = 3;

function longestWord(cell: string): number {
  let longest = 0;
  for (const word of stripStyle(cell).split(/\s+/)) longest = Math.max(longest, displayWidth(word));
  return longest;
}

/**
 * Column widths that fit `available` columns of cell text: each column starts at its widest cell and,
 * while the table is too wide, the widest column gives up one column at a time (as glow does), so short
 * columns keep their natural width and long prose wraps in its own cell.
 */
export function fitColumnWidths(natural: readonly number[], available: number, floors: readonly number[] = []): number[] {
  const widths = natural.map((w) => Math.max(1, w));
  let total = widths.reduce((sum, w) => sum + w, 0);
  const floorOf = (i: number): number => Math.min(widths[i], Math.max(MIN_COLUMN, floors[i] ?? 0));
  const floor = widths.map((_, i) => floorOf(i));
  // First pass: shrink the widest columns down towards their longest word.
  while (total > available) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (widths[i] > floor[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
    }
    if (widest < 0) break;
    widths[widest] -= 1;
    total -= 1;
  }
  // Still too wide: words are broken, down to a one-column floor.
  while (total > available) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i] > 1 && (widest < 0 || widths[i] > widths[widest])) widest = i;
    if (widest < 0) break;
    widths[widest] -= 1;
    total -= 1;
  }
  return widths;
}

function pad(text: string, width: number, align: CellAlign): string {
  const room = Math.max(0, width - displayWidth(stripStyle(text)));
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') {
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + text + ' '.repeat(room - left);
  }
  return text + ' '.repeat(room);
}

/**
 * A table laid out in at most `width` columns: cells wrapped inside their column, each aligned as its
 * column says (`---:` right, `:---:` centre), a rule under the header, columns split by a bar.
 * Cells arrive already styled; styling never crosses a cell.
 */
export function layoutTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly CellAlign[],
  options: { width: number; glyphs: TableGlyphs; headerStyle: (text: string) => string; borderStyle: (text: string) => string },
): string[] {
  const { glyphs, headerStyle, borderStyle } = options;
  const columns = Math.max(header.length, ...rows.map((row) => row.length));
  if (columns === 0) return [];
  const cellOf = (row: readonly string[], i: number): string => (row[i] ?? '').replace(/\s*\n\s*/g, ' ').trim();
  const all = [header, ...rows];
  const natural = Array.from({ length: columns }, (_, i) => Math.max(1, ...all.map((row) => displayWidth(stripStyle(cellOf(row, i))))));
  const words = Array.from({ length: columns }, (_, i) => Math.max(...all.map((row) => longestWord(cellOf(row, i)))));
  // Each column has one space either side; columns are joined by a bar.
  const chrome = columns * 2 + (columns - 1);
  const widths = fitColumnWidths(natural, Math.max(columns, options.width - chrome), words);
  const bar = borderStyle(glyphs.vertical);

  const layoutRow = (row: readonly string[], style: (text: string) => string): string[] => {
    const cells = widths.map((w, i) => {
      const text = cellOf(row, i);
      return text === '' ? [''] : wrapStyled(text, w);
    });
    const height = Math.max(...cells.map((cell) => cell.length));
    const out: string[] = [];
    for (let r = 0; r < height; r++) {
      const parts = widths.map((w, i) => {
        const text = cells[i][r] ?? '';
        return ` ${pad(text === '' ? '' : style(text), w, align[i] ?? null)} `;
      });
      out.push(parts.join(bar).replace(/ +$/, ''));
    }
    return out;
  };

  const rule = borderStyle(widths.map((w) => glyphs.horizontal.repeat(w + 2)).join(glyphs.cross));
  return [...layoutRow(header, headerStyle), rule, ...rows.flatMap((row) => layoutRow(row, (text) => text))];
}
