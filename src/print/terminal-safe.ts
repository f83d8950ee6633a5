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

/** Whether UTF-8 bytes hold anything SUSPECT matches (a byte scan: cached output can be 100 MB). */
function bytesNeedCleaning(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte >= 0x20 && byte < 0x7f && byte !== 0x26) continue;
    if (byte === 0x0a || byte === 0x09) continue;
    if (byte < 0x20 || byte === 0x7f || byte === 0x26) return true;
    const next = bytes[i + 1];
    // C1 controls (U+0080–U+009F) are C2 80–C2 9F; U+061C is D8 9C.
    if (byte === 0xc2 && next >= 0x80 && next <= 0x9f) return true;
    if (byte === 0xd8 && next === 0x9c) return true;
    // Bidi marks: U+200E/F and U+202A–E are E2 80 8E/8F/AA–AE; U+2066–9 are E2 81 A6–A9.
    if (byte === 0xe2) {
      const third = bytes[i + 2];
      if (next === 0x80 && (third === 0x8e || third === 0x8f || (third >= 0xaa && third <= 0xae))) return true;
      if (next === 0x81 && third >= 0xa6 && third <= 0xa9) return true;
    }
  }
  return false;
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
