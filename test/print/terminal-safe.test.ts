import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesNeedCleaning, bytesNeedCleaningIn, terminalSafe } from '../../src/print/terminal-safe.js';

/** The byte rule written plainly, one byte at a time: what the fast scan must agree with. */
function plainRule(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const [byte, next, third] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    if ((byte < 0x20 && byte !== 0x0a && byte !== 0x09) || byte === 0x7f || byte === 0x26) return true;
    if (byte === 0xc2 && next >= 0x80 && next <= 0x9f) return true;
    if (byte === 0xd8 && next === 0x9c) return true;
    if (byte === 0xe2 && next === 0x80 && (third === 0x8e || third === 0x8f || (third >= 0xaa && third <= 0xae))) return true;
    if (byte === 0xe2 && next === 0x81 && third >= 0xa6 && third <= 0xa9) return true;
  }
  return false;
}

// Bytes near the rule's edges, so random arrays hit every branch.
const edgeByte = fc.constantFrom(0x00, 0x09, 0x0a, 0x1b, 0x1f, 0x20, 0x26, 0x41, 0x7e, 0x7f, 0x80, 0x8e, 0x8f, 0x9c, 0x9f, 0xa0, 0xa6, 0xa9, 0xaa, 0xae, 0xaf, 0xc2, 0xd8, 0xe2, 0x81);
const bytesArb = fc.array(fc.oneof(edgeByte, fc.integer({ min: 0x20, max: 0x7e })), { maxLength: 40 }).map((list) => Uint8Array.from(list));

describe('the last check before stdout', () => {
  it('finds what the byte rule finds, at any offset in memory and cut into pieces anywhere', () => {
    fc.assert(
      fc.property(bytesArb, fc.nat(3), fc.nat(40), (bytes, shift, cut) => {
        // The same bytes at an odd or even place in a larger buffer (the scan reads two at a time where it can).
        const host = new Uint8Array(bytes.length + shift + 2).fill(0x41);
        host.set(bytes, shift);
        const view = host.subarray(shift, shift + bytes.length);
        const expected = plainRule(bytes);
        expect(bytesNeedCleaning(view)).toBe(expected);
        const at = Math.min(cut, bytes.length);
        // A piece at a time, each reading on past its end as the file reader does: the same answer as the whole.
        expect(bytesNeedCleaningIn(view, 0, at, bytes.length) || bytesNeedCleaningIn(view.subarray(at), 0, bytes.length - at, bytes.length - at)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('passes clean bytes through as they are and cleans the rest as text', () => {
    const clean = Buffer.from('{"x": "“quoted” — fine"}\n');
    expect(terminalSafe(clean, { sgr: false })).toBe(clean);
    expect(terminalSafe(Buffer.from('a\u202eb\x1b[2Jc'), { sgr: false })).toBe('abc');
  });
});
