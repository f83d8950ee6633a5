/**
 * Writes only what changed between two of Ink's frames. Ink redraws a frame whole: it erases every row of
 * the last one and writes every row again, about 6 KB at 120x40 for a scroll of one line. The terminal
 * already shows the last frame, so the rows that are the same need not be written, and rows that moved
 * (a line scrolled, a page of a sheet) can be moved by the terminal itself: a scroll region (DECSTBM)
 * around them and index / reverse index (IND, RI, VT100) scroll them by whole rows, and only the rows that
 * came into view are written. `j` in an article then writes one row and the status line.
 *
 * What the terminal shows is the same as after Ink's own write, cell for cell: a row written is erased
 * first and then written as Ink writes it, rows scrolled in are blank as Ink's erase leaves them, and the
 * cursor ends where Ink's write leaves it (the start of the row below the frame), so Ink's next full frame
 * erases the right rows. Anything that is not a frame of the expected shape (a resize, a suspended
 * reader, Ink clearing its output) goes out as it came and the screen is treated as unknown until the
 * next full frame. test/tui/frame-update.test.ts draws frames both ways in a headless terminal and
 * compares every cell. Pure: strings in, strings out.
 */

/** What Ink writes before and after a frame (DEC mode 2026). */
export const BEGIN_SYNCHRONIZED_UPDATE = '\x1b[?2026h';
export const END_SYNCHRONIZED_UPDATE = '\x1b[?2026l';
const ERASE_LINE = '\x1b[2K';
const CURSOR_UP = '\x1b[1A';
const CURSOR_COLUMN_1 = '\x1b[G';
/** Scrolls the region up a row when the cursor is on its bottom row (index), down from its top (reverse index). */
const INDEX = '\x1bD';
const REVERSE_INDEX = '\x1bM';
const RESET_SCROLL_REGION = '\x1b[r';
/** Writes that change no cell (cli-cursor hides and shows the cursor): the screen stays known. */
const CURSOR_VISIBILITY = new Set(['\x1b[?25l', '\x1b[?25h']);

/** A frame as Ink writes it: the count of rows it erased first, then its lines (the last row below them is blank). */
export interface InkFrame {
  erased: number;
  lines: string[];
}

/**
 * Ink's frame write (synchronized update begun, the last frame erased, the new frame's lines each ended
 * by a line break, the update ended), or null for anything else.
 */
export function parseInkFrame(text: string): InkFrame | null {
  if (!text.startsWith(BEGIN_SYNCHRONIZED_UPDATE) || !text.endsWith(END_SYNCHRONIZED_UPDATE)) return null;
  let at = BEGIN_SYNCHRONIZED_UPDATE.length;
  const end = text.length - END_SYNCHRONIZED_UPDATE.length;
  let erased = 0;
  while (text.startsWith(ERASE_LINE, at)) {
    erased++;
    at += ERASE_LINE.length;
    if (text.startsWith(CURSOR_UP, at)) at += CURSOR_UP.length;
    else break;
  }
  if (erased > 0) {
    if (!text.startsWith(CURSOR_COLUMN_1, at)) return null;
    at += CURSOR_COLUMN_1.length;
  }
  const body = text.slice(at, end);
  if (!body.endsWith('\n')) return null;
  const lines = body.slice(0, -1).split('\n');
  // Our own rows carry only SGR styling: a frame with any other escape (a cursor Ink placed) goes whole.
  for (const line of lines) if (/\x1b(?!\[[0-9;]*m)/.test(line)) return null;
  return { erased, lines };
}

interface Scroll {
  /** Rows the region's content moves up (positive) or down (negative). */
  shift: number;
  /** The region, as frame rows: first and one past the last. */
  top: number;
  bottom: number;
}

/** Rows to write after `scroll` (or with none) to turn `previous` into `next`. */
function rowsToWrite(previous: readonly string[], next: readonly string[], scroll: Scroll | null): number[] {
  const rows: number[] = [];
  for (let row = 0; row < next.length; row++) {
    if (scroll && row >= scroll.top && row < scroll.bottom) {
      // Inside the region: the rows scrolled in are blank; the others hold what moved there.
      const source = row + scroll.shift;
      const movedIn = source < scroll.top || source >= scroll.bottom;
      if (movedIn ? next[row] !== '' : next[row] !== previous[source]) rows.push(row);
    } else if (next[row] !== previous[row]) {
      rows.push(row);
    }
  }
  return rows;
}

/**
 * The shifts worth trying, in increasing order: those that bring a row with text to a row that shows it
 * in `next`. Found through the rows' texts instead of trying every shift against every row (a frame of 40
 * rows has 78 shifts), so a key's update costs about one pass over the frame. Blank rows are left out:
 * they match each other at many shifts, and a shift that moves only blank rows saves no more than
 * erasing a few rows.
 */
function candidateShifts(previous: readonly string[], next: readonly string[]): number[] {
  const rowsOf = new Map<string, number[]>();
  for (let row = 0; row < previous.length; row++) {
    const text = previous[row];
    if (text === '') continue;
    const rows = rowsOf.get(text);
    if (rows) rows.push(row);
    else rowsOf.set(text, [row]);
  }
  const shifts = new Set<number>();
  for (let row = 0; row < next.length; row++) {
    if (next[row] === '') continue;
    for (const source of rowsOf.get(next[row]) ?? []) if (source !== row) shifts.add(source - row);
  }
  return [...shifts].sort((a, b) => a - b);
}

/** The scroll that leaves the fewest rows to write, or null when none beats writing the changed rows. */
function bestScroll(previous: readonly string[], next: readonly string[], changed: number): Scroll | null {
  const count = next.length;
  let best: Scroll | null = null;
  let bestCost = changed;
  for (const shift of candidateShifts(previous, next)) {
    // The longest run of rows that show what was `shift` rows below (above) them.
    let runStart = -1;
    let longest = { start: 0, end: 0 };
    const from = Math.max(0, -shift);
    const to = Math.min(count, count - shift);
    for (let row = from; row <= to; row++) {
      const same = row < to && next[row] === previous[row + shift];
      if (same && runStart < 0) runStart = row;
      if (!same && runStart >= 0) {
        if (row - runStart > longest.end - longest.start) longest = { start: runStart, end: row };
        runStart = -1;
      }
    }
    // A run of one row is not worth a scroll region.
    if (longest.end - longest.start < 2) continue;
    const scroll = shift > 0 ? { shift, top: longest.start, bottom: longest.end + shift } : { shift, top: longest.start + shift, bottom: longest.end };
    // One row's worth for the scroll itself.
    const cost = rowsToWrite(previous, next, scroll).length + 1;
    if (cost < bestCost) {
      best = scroll;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * What to write to turn a screen showing `previous` (a frame from the first row, the cursor at the start
 * of the row below it) into one showing `next`, leaving the cursor in the same place; null when the
 * frames differ in height (Ink's whole frame is written then).
 */
export function frameUpdate(previous: readonly string[], next: readonly string[]): string | null {
  if (previous.length !== next.length) return null;
  let changed = 0;
  for (let row = 0; row < next.length; row++) if (next[row] !== previous[row]) changed++;
  if (changed === 0) return '';
  const scroll = bestScroll(previous, next, changed);
  let out = '';
  if (scroll) {
    // Margins are 1-based and inclusive; setting them homes the cursor, resetting them too.
    const moves = Math.abs(scroll.shift);
    out += `\x1b[${scroll.top + 1};${scroll.bottom}r`;
    out += scroll.shift > 0 ? `\x1b[${scroll.bottom};1H${INDEX.repeat(moves)}` : `\x1b[${scroll.top + 1};1H${REVERSE_INDEX.repeat(moves)}`;
    out += RESET_SCROLL_REGION;
  }
  for (const row of rowsToWrite(previous, next, scroll)) out += `\x1b[${row + 1};1H${ERASE_LINE}${next[row]}`;
  return `${out}\x1b[${next.length + 1};1H`;
}

/**
 * The writer between Ink and the terminal: keeps what the screen shows and turns each of Ink's frames
 * into the update from the last one. `forget()` when anything else changed the screen.
 */
export class FrameWriter {
  private screen: string[] | null = null;

  /** The bytes to write for one of Ink's writes. */
  write(text: string): string {
    if (CURSOR_VISIBILITY.has(text)) return text;
    const frame = parseInkFrame(text);
    if (!frame) {
      this.screen = null;
      return text;
    }
    const previous = this.screen;
    this.screen = frame.lines;
    // Ink erases the rows it last wrote and the one below them: when that is not the frame kept here,
    // the screen is not what this writer thinks, and Ink's own write puts it right.
    if (!previous || frame.erased !== previous.length + 1) return text;
    const update = frameUpdate(previous, frame.lines);
    if (update === null) return text;
    // Nothing changed (the frame was drawn ahead): nothing is written.
    return update === '' ? '' : BEGIN_SYNCHRONIZED_UPDATE + update + END_SYNCHRONIZED_UPDATE;
  }

  /**
   * The bytes that bring the screen to `rows` (a frame drawn ahead of Ink, the same height as the one
   * shown), or null when the screen is not known or the height differs (Ink draws it then).
   */
  draw(rows: string[]): string | null {
    if (!this.screen) return null;
    const update = frameUpdate(this.screen, rows);
    if (update === null) return null;
    this.screen = rows;
    return update === '' ? '' : BEGIN_SYNCHRONIZED_UPDATE + update + END_SYNCHRONIZED_UPDATE;
  }

  /** The screen changed behind Ink's back (a resize cleared it, the reader was suspended). */
  forget(): void {
    this.screen = null;
  }
}
