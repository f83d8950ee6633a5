/**
 * The one sanitiser. Article text is written by strangers and shown in a terminal that obeys escape
 * sequences, so every text field passes through here when it is loaded, before anything renders it.
 *
 * Removed: every ESC sequence (CSI, OSC, DCS, SOS/PM/APC, two-byte escapes) and their 8-bit C1 forms,
 * C0 controls other than newline and tab, DEL, C1 controls, bidi embedding/override/isolate marks,
 * numeric HTML entities that would decode to a control character (also when their "&" is itself
 * escaped, "&amp;#27;"), and lone surrogates. Repeats until the text stops changing, so a sequence
 * that only appears once another is removed ("\x1b\x1b[[31m") goes too.
 */

import { BIDI_CONTROLS, CONTROL_CHARACTERS, HAS_CONTROL_OR_BIDI, removeControlEntities } from './controls.js';

// String terminators for OSC/DCS/SOS/PM/APC: BEL, ESC \, or 8-bit ST.
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)/g;
const CSI_SEQUENCE = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
// Two-character escapes (ESC 7, ESC c, ESC (B ...), including intermediates.
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;

function sanitizeOnce(text: string): string {
  return removeControlEntities(
    text
      .replace(STRING_SEQUENCE, '')
      .replace(CSI_SEQUENCE, '')
      .replace(OTHER_ESCAPE, ''),
  )
    .replace(CONTROL_CHARACTERS, '')
    .replace(BIDI_CONTROLS, '');
}

const ENTITY_START = /&(?:amp;)*#/;

/**
 * Anything sanitizeOnce could remove starts with a control, a bidi mark or an entity; most prose has
 * none of them. Two tests, the second only when there is an "&", are faster than one regex with an alternation.
 */
function needsSanitizing(text: string): boolean {
  return !text.isWellFormed() || HAS_CONTROL_OR_BIDI.test(text) || (text.includes('&') && ENTITY_START.test(text));
}

/** Make one text field safe to show in a terminal. Newlines and tabs are kept; CR is dropped. */
export function sanitizeText(text: string): string {
  if (!needsSanitizing(text)) return text;
  let current = text.toWellFormed();
  for (;;) {
    const next = sanitizeOnce(current);
    if (next === current) return next;
    current = next;
  }
}

// Printable characters other than "&", Unicode whitespace, controls and bidi marks; surrogates are
// allowed here because isPlainProse checks pairing with isWellFormed.
const NOT_PLAIN_PROSE =
  /[^\n\x20-\x25\x27-\x7e\u00a1-\u061b\u061d-\u167f\u1681-\u1fff\u200b-\u200d\u2010-\u2027\u2030-\u205e\u2060-\u2065\u206a-\u2fff\u3001-\ufefe\uff00-\uffff]| {2}/;

/**
 * Whether sanitizeText would leave a text as it is and its only whitespace is newlines and single
 * spaces: true for most articles, and one scan, where sanitising and folding spaces are several.
 */
export function isPlainProse(text: string): boolean {
  return text.isWellFormed() && !NOT_PLAIN_PROSE.test(text);
}

/** Like sanitizeText, for a one-line field (title, date, id): line breaks and tabs become spaces. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(/[\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Decode bytes as UTF-8, replacing invalid sequences with U+FFFD and dropping a byte-order mark. */
export function decodeUtf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

// Without { stream: true } a decoder keeps no state between calls, so one serves every file.
const UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
