import xtermHeadless from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { FrameWriter, frameUpdate, parseInkFrame } from '../../src/tui/frame-update.js';
import { seededRandom } from '../helpers/random.mjs';

// The frame writer must leave the terminal exactly as Ink's whole-frame write does: the same character,
// style and colours in every cell (a written blank told from an empty one) and the cursor in the same
// place, after every frame of a long run of scrolls, pages, edits and frames of another height.

const { Terminal } = xtermHeadless;
const COLS = 60;
const ROWS = 24;

/** Ink's write of a frame: erase the last one (its rows and the row below), then every line, each ended by a line break. */
function inkWrite(lines: readonly string[], previousCount: number): string {
  let erase = '';
  for (let i = 0; i < previousCount; i++) erase += '\x1b[2K' + (i < previousCount - 1 ? '\x1b[1A' : '');
  if (previousCount > 0) erase += '\x1b[G';
  return `\x1b[?2026h${erase}${lines.join('\n')}\n\x1b[?2026l`;
}

function terminal(): InstanceType<typeof Terminal> {
  // convertEol: the pty's line discipline turns "\n" into CR LF (ONLCR stays on in raw mode).
  // No scrollback, as on the alternate screen the reader draws on.
  return new Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true, convertEol: true, scrollback: 0 });
}

function write(term: InstanceType<typeof Terminal>, text: string): Promise<void> {
  return new Promise((done) => term.write(text, done));
}

/** Every cell (text, empty or a written blank, bold, italic, underline, inverse, colours) and the cursor. */
function cells(term: InstanceType<typeof Terminal>): string[] {
  const buffer = term.buffer.active;
  const cell = buffer.getNullCell();
  const out: string[] = [`cursor ${buffer.cursorX},${buffer.cursorY}`];
  for (let y = 0; y < ROWS; y++) {
    const line = buffer.getLine(buffer.viewportY + y)!;
    let row = '';
    for (let x = 0; x < COLS; x++) {
      line.getCell(x, cell);
      row += `${cell.getChars() || '∅'}${cell.isBold()}${cell.isItalic()}${cell.isUnderline()}${cell.isInverse()}${cell.getFgColor()}/${cell.getBgColor()}|`;
    }
    out.push(row);
  }
  return out;
}

const WORDS = ['the', 'ceasefire', 'held', 'overnight', 'officials', 'said', 'ministry', '—', 'Zürich', '東京', 'talks'];

function randomLine(random: () => number): string {
  const kind = random();
  if (kind < 0.15) return '';
  let text = '';
  // Ink's rows fit the width (東京 takes four columns): at most 5 words of at most 9 columns and a blank each.
  const words = 1 + Math.floor(random() * 5);
  for (let i = 0; i < words; i++) {
    const word = WORDS[Math.floor(random() * WORDS.length)];
    const style = random();
    if (style < 0.15) text += `\x1b[1m${word}\x1b[22m `;
    else if (style < 0.25) text += `\x1b[7m${word}\x1b[27m `;
    else if (style < 0.3) text += `\x1b[38;5;${Math.floor(random() * 255)}m${word}\x1b[39m `;
    else text += `${word} `;
  }
  // Ink's rows end with their styles closed; some keep a trailing blank, as Ink's cells do.
  return random() < 0.5 ? text.trimEnd() : text;
}

/** The next frame: a scroll of a region, a page, a few rows changed, or another height. */
function nextFrame(random: () => number, frame: string[], pool: string[]): string[] {
  const choice = random();
  const height = frame.length;
  if (choice < 0.1) return Array.from({ length: 3 + Math.floor(random() * (ROWS - 4)) }, () => randomLine(random));
  const next = [...frame];
  if (choice < 0.6) {
    // A viewport of rows 1..height-2 (a title above, a status line below) scrolled by a few lines.
    const top = random() < 0.5 ? 0 : 1;
    const bottom = height - 1;
    const shift = Math.floor(random() * 7) - 3 || 1;
    const region = frame.slice(top, bottom);
    const moved = shift > 0 ? [...region.slice(shift), ...Array.from({ length: Math.min(shift, region.length) }, () => pool[Math.floor(random() * pool.length)])] : [...Array.from({ length: Math.min(-shift, region.length) }, () => pool[Math.floor(random() * pool.length)]), ...region.slice(0, shift)];
    next.splice(top, region.length, ...moved.slice(0, region.length));
  }
  const edits = Math.floor(random() * 3);
  for (let i = 0; i < edits; i++) next[Math.floor(random() * height)] = randomLine(random);
  return next.slice(0, height);
}

describe('frame writer', () => {
  it('leaves every cell and the cursor as Ink’s whole-frame writes do, frame after frame', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const pool = Array.from({ length: 200 }, () => randomLine(random));
      const ink = terminal();
      const ours = terminal();
      const writer = new FrameWriter();
      let frame = Array.from({ length: ROWS - 1 }, () => randomLine(random));
      let previousCount = 0;
      let savedBytes = 0;
      for (let step = 0; step < 150; step++) {
        const text = inkWrite(frame, previousCount);
        const written = writer.write(text);
        savedBytes += text.length - written.length;
        await write(ink, text);
        await write(ours, written);
        expect(cells(ours), `seed ${seed}, frame ${step}`).toEqual(cells(ink));
        previousCount = frame.length + 1;
        frame = nextFrame(random, frame, pool);
      }
      // It did write less than Ink (else it would not be doing its job).
      expect(savedBytes).toBeGreaterThan(0);
      ink.dispose();
      ours.dispose();
    }
  });

  it('scrolls a line with a scroll region: one row written, and the status line', () => {
    const previous = ['title', 'a', 'b', 'c', 'd', 'status 10%'];
    const next = ['title', 'b', 'c', 'd', 'e', 'status 12%'];
    expect(frameUpdate(previous, next)).toBe('\x1b[2;5r\x1b[5;1H\x1bD\x1b[r\x1b[5;1H\x1b[2Ke\x1b[6;1H\x1b[2Kstatus 12%\x1b[7;1H');
    // And back up: a reverse index.
    expect(frameUpdate(next, previous)).toBe('\x1b[2;5r\x1b[2;1H\x1bM\x1b[r\x1b[2;1H\x1b[2Ka\x1b[6;1H\x1b[2Kstatus 10%\x1b[7;1H');
  });

  it('writes a whole frame as Ink does when it cannot be sure of the screen', () => {
    const writer = new FrameWriter();
    const first = inkWrite(['a', 'b'], 0);
    expect(writer.write(first)).toBe(first);
    // Ink erased a different number of rows than the writer's screen had: Ink's write goes out.
    const odd = inkWrite(['a', 'c'], 5);
    expect(writer.write(odd)).toBe(odd);
    expect(writer.write(inkWrite(['a', 'd'], 3))).toBe('\x1b[?2026h\x1b[2;1H\x1b[2Kd\x1b[3;1H\x1b[?2026l');
    // Another height, a write that is not a frame, a forgotten screen: whole frames again.
    const taller = inkWrite(['a', 'd', 'e'], 3);
    expect(writer.write(taller)).toBe(taller);
    expect(writer.write('\x1b[2K\x1b[G')).toBe('\x1b[2K\x1b[G');
    const after = inkWrite(['a', 'd', 'f'], 4);
    expect(writer.write(after)).toBe(after);
    writer.forget();
    const forgotten = inkWrite(['a', 'd', 'g'], 4);
    expect(writer.write(forgotten)).toBe(forgotten);
    // A row with an escape other than SGR (a cursor Ink placed) is not a frame this writer edits.
    expect(parseInkFrame(inkWrite(['a\x1b[5Cb'], 0))).toBeNull();
  });
});
