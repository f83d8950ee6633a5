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

// String terminators for OSC/DCS/SOS/PM/APC: BEL, ESC \, or 8-bit ST.
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)/g;
const CSI_SEQUENCE = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
// Two-character escapes (ESC 7, ESC c, ESC (B ...), including intermediates.
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
const CONTROL_CHARACTERS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const CONTROL_ENTITY = /&(?:amp;)*#(?:x0*([0-9a-f]{1,6})|0*([0-9]{1,7}));?/gi;

function isControlCodePoint(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c ||
    code > 0x10ffff
  );
}

function removeControlEntities(text: string): string {
  return text.replace(CONTROL_ENTITY, (entity, hex: string | undefined, dec: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
    // Tab and newline are harmless, but an entity spelling them is never needed in prose.
    return isControlCodePoint(code) ? '' : entity;
  });
}

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

/** Make one text field safe to show in a terminal. Newlines and tabs are kept; CR is dropped. */
// Anything sanitizeOnce could remove starts with one of these; most prose has none of them.
const NEEDS_SANITIZING = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]|&(?:amp;)*#/;

export function sanitizeText(text: string): string {
  if (text.isWellFormed() && !NEEDS_SANITIZING.test(text)) return text;
  let current = text.toWellFormed();
  for (;;) {
    const next = sanitizeOnce(current);
    if (next === current) return next;
    current = next;
  }
}

/** Like sanitizeText, for a one-line field (title, date, id): line breaks and tabs become spaces. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(/[\n\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Decode bytes as UTF-8, replacing invalid sequences with U+FFFD and dropping a byte-order mark. */
export function decodeUtf8(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  return text;
}
