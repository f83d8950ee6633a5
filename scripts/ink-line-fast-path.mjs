// Build-time patch of Ink's Output.get (ink/build/output.js): a line fast path for the pager.
//
// Every frame, Ink's Output.get fills a width x height grid of cells, splits each written line's SGR
// codes into one styled cell per character (@alcalzone/ansi-tokenize), then joins every row back into a
// string. For a screen of text that is about 5 of the 8 ms a keypress costs, and it buys nothing when a
// row is written once, whole: its string is already what the terminal needs. The patched get() keeps a
// row as the line that was written until a second write touches it (a border, an overlap), and only then
// builds that row's cells, exactly as Ink does; rows never written stay blank without cells.
//
// What the terminal shows is the same cell for cell: a fast row is its text (its SGR codes as written
// instead of re-encoded), its trailing blanks cut as Ink cuts them, closed with a reset as Ink closes
// every row's styles; a styled row ending in blanks takes Ink's way (which blanks Ink keeps depends on
// their styles, and a kept blank is content when a terminal reflows on resize). Only lines whose escapes are all SGR take the fast path (Ink's
// tokenizer also parses OSC links; those rows go the slow way).
//
// The patch replaces get() whole, so it checks that get() is the code it was written against (a hash of
// its source) and fails the build otherwise: an Ink update must be looked at, not silently lose the patch.
// test/build/ink-line-fast-path.test.ts pins the version and compares fast rows with Ink's own, cell
// for cell in a headless terminal.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const INK_OUTPUT = /[\\/]ink[\\/]build[\\/]output\.js$/;
/** sha256 of Ink 6.8.0's Output.get(), from `    get() {` to the end of the class. */
const ORIGINAL_GET_SHA256 = '27abe5b4354d8a7bbcdb23e823546fc5925258dedc7c91891b8ff9bff0f42c3d';
const GET_START = '    get() {';
const CLASS_END = /\n}\n(\/\/# sourceMappingURL=output\.js\.map\s*)?$/;

const FAST_GET = String.raw`    get() {
        // newsdesk line fast path (scripts/ink-line-fast-path.mjs). A row is undefined (never written:
        // blank), a string (written once, whole, at column 0 onward) or Ink's array of cells.
        const width = this.width;
        const output = new Array(this.height);
        const blankRow = () => {
            const row = [];
            for (let x = 0; x < width; x++) {
                row.push({ type: 'char', value: ' ', fullWidth: false, styles: [] });
            }
            return row;
        };
        const writeCells = (currentLine, x, line) => {
            const characters = this.caches.getStyledChars(line);
            let offsetX = x;
            for (const character of characters) {
                currentLine[offsetX] = character;
                const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));
                if (characterWidth > 1) {
                    for (let index = 1; index < characterWidth; index++) {
                        currentLine[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
                    }
                }
                offsetX += characterWidth;
            }
        };
        const fastStart = new Array(this.height);
        const cellsOf = (row) => {
            const current = output[row];
            if (Array.isArray(current)) {
                return current;
            }
            const cells = blankRow();
            if (typeof current === 'string') {
                writeCells(cells, fastStart[row], current);
            }
            output[row] = cells;
            return cells;
        };
        const clips = [];
        for (const operation of this.operations) {
            if (operation.type === 'clip') {
                clips.push(operation.clip);
            }
            if (operation.type === 'unclip') {
                clips.pop();
            }
            if (operation.type === 'write') {
                const { text, transformers } = operation;
                let { x, y } = operation;
                let lines = text.split('\n');
                const clip = clips.at(-1);
                if (clip) {
                    const clipHorizontally = typeof clip?.x1 === 'number' && typeof clip?.x2 === 'number';
                    const clipVertically = typeof clip?.y1 === 'number' && typeof clip?.y2 === 'number';
                    if (clipHorizontally) {
                        const width = this.caches.getWidestLine(text);
                        if (x + width < clip.x1 || x > clip.x2) {
                            continue;
                        }
                    }
                    if (clipVertically) {
                        const height = lines.length;
                        if (y + height < clip.y1 || y > clip.y2) {
                            continue;
                        }
                    }
                    if (clipHorizontally) {
                        lines = lines.map(line => {
                            const from = x < clip.x1 ? clip.x1 - x : 0;
                            const width = this.caches.getStringWidth(line);
                            const to = x + width > clip.x2 ? clip.x2 - x : width;
                            return sliceAnsi(line, from, to);
                        });
                        if (x < clip.x1) {
                            x = clip.x1;
                        }
                    }
                    if (clipVertically) {
                        const from = y < clip.y1 ? clip.y1 - y : 0;
                        const height = lines.length;
                        const to = y + height > clip.y2 ? clip.y2 - y : height;
                        lines = lines.slice(from, to);
                        if (y < clip.y1) {
                            y = clip.y1;
                        }
                    }
                }
                let offsetY = 0;
                for (let [index, line] of lines.entries()) {
                    const row = y + offsetY;
                    // As in Ink: a line outside the pre-sized rows is dropped (and the rest follow it).
                    if (!(row >= 0 && row < this.height && Number.isInteger(row))) {
                        continue;
                    }
                    for (const transformer of transformers) {
                        line = transformer(line, index);
                    }
                    if (output[row] === undefined && Number.isInteger(x) && x >= 0 && x <= width && newsdeskFastLine(line)) {
                        output[row] = line;
                        fastStart[row] = x;
                    }
                    else {
                        writeCells(cellsOf(row), x, line);
                    }
                    offsetY++;
                }
            }
        }
        const rows = [];
        let fast;
        for (let row = 0; row < this.height; row++) {
            const current = output[row];
            if (current === undefined) {
                rows.push('');
            }
            else if (typeof current === 'string' && (fast = newsdeskFastRow(current, fastStart[row])) !== undefined) {
                rows.push(fast);
            }
            else {
                const cells = cellsOf(row);
                // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
                const lineWithoutEmptyItems = cells.filter(item => item !== undefined);
                rows.push(styledCharsToString(lineWithoutEmptyItems).trimEnd());
            }
        }
        return {
            output: rows.join('\n'),
            height: this.height,
        };
    }
}
// Every escape in the line is an SGR sequence with its parameters (Ink's tokenizer takes ESC [ m, which a
// terminal reads as a reset, for no reset: such a line goes Ink's way, to draw as Ink draws it).
const NEWSDESK_SGR = /\x1b\[\d+(?:;\d+)*m/g;
function newsdeskFastLine(line) {
    if (!line.includes('\x1b') && !line.includes('\x9b')) {
        return true;
    }
    const rest = line.replace(NEWSDESK_SGR, '');
    return !rest.includes('\x1b') && !rest.includes('\x9b');
}
// What Ink's cells would print for a row written once: blanks before the line, trailing blanks cut,
// styles closed at the end. A styled line whose text ends in blanks goes Ink's way (undefined): which of
// those blanks Ink cuts depends on their styles, and a blank kept is content when a terminal reflows.
const NEWSDESK_TRAILING_BLANK = /\s$/;
function newsdeskFastRow(line, x) {
    const text = x > 0 ? ' '.repeat(x) + line : line;
    if (!text.includes('\x1b')) {
        return text.trimEnd();
    }
    if (NEWSDESK_TRAILING_BLANK.test(text.replace(NEWSDESK_SGR, ''))) {
        return undefined;
    }
    return text + '\x1b[0m';
}
`;

/** Ink's output.js with the line fast path in Output.get (throws when get() is not the expected code). */
export function inkLineFastPath(source) {
  const start = source.indexOf(GET_START);
  const end = source.search(CLASS_END);
  if (start < 0 || end < start) throw new Error('ink line fast path: Output.get() not found; check scripts/ink-line-fast-path.mjs');
  const original = source.slice(start, end);
  const hash = createHash('sha256').update(original).digest('hex');
  if (hash !== ORIGINAL_GET_SHA256) {
    throw new Error(`ink line fast path: Ink's Output.get() is not the code the patch was written against (sha256 ${hash}); check scripts/ink-line-fast-path.mjs`);
  }
  return `${source.slice(0, start)}${FAST_GET}${source.slice(end + '\n}\n'.length)}`;
}

export const inkLineFastPathPlugin = {
  name: 'newsdesk-ink-line-fast-path',
  setup(build) {
    build.onLoad({ filter: INK_OUTPUT }, async ({ path }) => ({ contents: inkLineFastPath(await readFile(path, 'utf8')), loader: 'js' }));
  },
};
