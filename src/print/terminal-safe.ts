import { HAS_CONTROL_OR_BIDI } from '../library/controls.js';
import { sanitizeText } from '../library/sanitize.js';

/**
 * The last check before bytes reach stdout: whatever the text's origin (a file, the cache, a library,
 * the command line), only our own styling survives. Articles are cleaned when loaded, but cached output
 * and cached index text come back from disk, where anyone could have changed them.
 *
 * Kept: text, newlines, tabs and, when styling is on, SGR sequences (colours and styles, which cannot
 * move the cursor, retitle the window or touch the clipboard). Everything else the sanitiser removes.
 */

// Anything the sanitiser could remove, in a string: controls other than \n and \t, DEL, C1, bidi marks,
// and the numeric references that could spell one.
const SUSPECT = new RegExp(`${HAS_CONTROL_OR_BIDI.source}|&(?:amp;)*#`);
const SGR = /\x1b\[[0-9;]*m/g;

/** Bytes that are text as they are (printable ASCII but "&", newline, tab, and what follows a lead byte) by value: 1, else 0. */
const PLAIN_BYTE = new Uint8Array(256);
for (let byte = 0x20; byte < 0x7f; byte++) PLAIN_BYTE[byte] = 1;
for (let byte = 0x80; byte < 0x100; byte++) PLAIN_BYTE[byte] = 1;
PLAIN_BYTE[0x0a] = PLAIN_BYTE[0x09] = 1;
// "&" may start a numeric reference; C2, D8 and E2 lead the C1 controls, U+061C and the bidi marks.
PLAIN_BYTE[0x26] = PLAIN_BYTE[0xc2] = PLAIN_BYTE[0xd8] = PLAIN_BYTE[0xe2] = 0;
/** PLAIN_BYTE for two bytes at once, as a 16-bit view reads them: half the loop for the usual all-plain text. */
const PLAIN_PAIR = new Uint8Array(65536);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
for (let first = 0; first < 256; first++) {
  for (let second = 0; second < 256; second++) PLAIN_PAIR[LITTLE_ENDIAN ? first | (second << 8) : (first << 8) | second] = PLAIN_BYTE[first] & PLAIN_BYTE[second];
}

/** Whether the byte at `i` starts anything SUSPECT matches; a sequence may read on to `dataEnd`. */
function suspectAt(bytes: Uint8Array, i: number, dataEnd: number): boolean {
  const byte = bytes[i];
  if (byte < 0x20 || byte === 0x7f || byte === 0x26) return byte !== 0x0a && byte !== 0x09;
  const next = i + 1 < dataEnd ? bytes[i + 1] : -1;
  // C1 controls (U+0080–U+009F) are C2 80–C2 9F; U+061C is D8 9C.
  if (byte === 0xc2 && next >= 0x80 && next <= 0x9f) return true;
  if (byte === 0xd8 && next === 0x9c) return true;
  // Bidi marks: U+200E/F and U+202A–E are E2 80 8E/8F/AA–AE; U+2066–9 are E2 81 A6–A9.
  if (byte === 0xe2) {
    const third = i + 2 < dataEnd ? bytes[i + 2] : -1;
    if (next === 0x80 && (third === 0x8e || third === 0x8f || (third >= 0xaa && third <= 0xae))) return true;
    if (next === 0x81 && third >= 0xa6 && third <= 0xa9) return true;
  }
  return false;
}

/**
 * Whether UTF-8 bytes hold anything SUSPECT matches starting in [from, end), reading up to `dataEnd`
 * for a sequence that runs past `end`: a byte scan, so cached output (100 MB) can be checked a piece
 * at a time with the same answer as for the whole.
 */
export function bytesNeedCleaningIn(bytes: Uint8Array, from: number, end: number, dataEnd: number): boolean {
  let i = from;
  // Two bytes per step through a 16-bit view where the bytes' place in memory allows one (the usual case).
  if (i >= end) return false;
  if (((bytes.byteOffset + i) & 1) === 1) {
    if (suspectAt(bytes, i, dataEnd)) return true;
    i++;
  }
  const pairs = new Uint16Array(bytes.buffer, bytes.byteOffset + i, Math.max(0, end - i) >> 1);
  for (let k = 0; k < pairs.length; k++) {
    if (PLAIN_PAIR[pairs[k]] === 1) continue;
    const at = i + 2 * k;
    if (suspectAt(bytes, at, dataEnd) || suspectAt(bytes, at + 1, dataEnd)) return true;
  }
  i += 2 * pairs.length;
  return i < end && suspectAt(bytes, i, dataEnd);
}

/** Whether UTF-8 bytes hold anything SUSPECT matches. */
export function bytesNeedCleaning(bytes: Uint8Array): boolean {
  return bytesNeedCleaningIn(bytes, 0, bytes.length, bytes.length);
}

function cleanText(text: string, sgr: boolean): string {
  if (!SUSPECT.test(text)) return text;
  if (!sgr) return sanitizeText(text);
  // Our SGR sequences are kept; every stretch between them is sanitised on its own.
  let out = '';
  let last = 0;
  for (const match of text.matchAll(SGR)) {
    out += sanitizeText(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + sanitizeText(text.slice(last));
}

/** Output made safe for a terminal: the same value when nothing needs removing (the usual case). */
export function terminalSafe(output: string | Uint8Array, options: { sgr: boolean }): string | Uint8Array {
  if (typeof output === 'string') return cleanText(output, options.sgr);
  return bytesNeedCleaning(output) ? cleanText(Buffer.from(output).toString('utf8'), options.sgr) : output;
}
