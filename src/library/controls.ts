/**
 * The characters that must never reach a terminal from text we did not write, in one place: the
 * sanitiser (at load) and the renderer (its second guard) both use these sets.
 */

/** C0 controls other than tab and newline (ESC included), DEL, and C1 controls, as a character-class body. */
const CONTROL_RANGES = '\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f';
/** The same without ESC, for text that may carry our own SGR styling. */
const CONTROL_RANGES_BUT_ESC = '\\x00-\\x08\\x0b-\\x1a\\x1c-\\x1f\\x7f-\\x9f';
/** Bidi embeddings, overrides, isolates and marks: they can make a URL read backwards. */
const BIDI_RANGES = '\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c';

export const CONTROL_CHARACTERS = new RegExp(`[${CONTROL_RANGES}]`, 'g');
export const BIDI_CONTROLS = new RegExp(`[${BIDI_RANGES}]`, 'g');
/** Controls and bidi marks (global: for replace). */
export const CONTROLS_AND_BIDI = new RegExp(`[${CONTROL_RANGES}${BIDI_RANGES}]`, 'g');
/** Whether a text holds any control or bidi mark (not global, so `test` keeps no state). */
export const HAS_CONTROL_OR_BIDI = new RegExp(`[${CONTROL_RANGES}${BIDI_RANGES}]`);
/** Every control and bidi mark, and an ESC that does not start an SGR sequence (styled text keeps its SGR). */
export const CONTROLS_BUT_SGR = new RegExp(`\\x1b(?!\\[[0-9;]*m)|[${CONTROL_RANGES_BUT_ESC}${BIDI_RANGES}]`, 'g');

/** Numeric character references, also when their "&" is itself escaped ("&amp;#27;"). */
export const NUMERIC_ENTITY = /&(?:amp;)*#(?:x0*([0-9a-f]{1,6})|0*([0-9]{1,7}));?/gi;

/** Whether a code point is a control (tab and newline included), a bidi mark, or no code point at all. */
export function isControlCodePoint(code: number): boolean {
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

/** Text without the numeric references that would decode to a control character (tab and newline too: prose never needs them spelt so). */
export function removeControlEntities(text: string): string {
  return text.replace(NUMERIC_ENTITY, (entity, hex: string | undefined, dec: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
    return isControlCodePoint(code) ? '' : entity;
  });
}
