import { describe, expect, it } from 'vitest';
import { decodeUtf8, sanitizeLine, sanitizeText } from '../../src/library/sanitize.js';

const ESC = '\x1b';

describe('sanitizeText', () => {
  it.each([
    ['OSC 52 clipboard', `a${ESC}]52;c;ZWNobyBoaQ==\x07b`, 'ab'],
    ['OSC 0 title with ST', `a${ESC}]0;owned${ESC}\\b`, 'ab'],
    ['OSC 8 disguised link', `${ESC}]8;;http://evil${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['CSI erase and home', `x${ESC}[2J${ESC}[Hy${ESC}[K`, 'xy'],
    ['CSI colour', `${ESC}[31mred${ESC}[0m`, 'red'],
    ['DCS', `a${ESC}P1$r0m${ESC}\\b`, 'ab'],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['8-bit OSC ended by 8-bit ST', 'a\u009d0;title\u009cb', 'ab'],
    ['unterminated OSC swallows the rest', `a${ESC}]52;c;AAAA`, 'a'],
    ['BEL, DEL, NUL, backspace', 'a\x07b\x7fc\x00d\x08e', 'abcde'],
    ['bidi override', 'http://\u202egro.elpmaxe\u202c', 'http://gro.elpmaxe'],
    ['bidi isolates', '\u2066a\u2069', 'a'],
    ['numeric entity for ESC', 'a&#27;[31mb', 'a[31mb'],
    ['hex entity for ESC', 'a&#x1b;b', 'ab'],
    ['double-escaped entity', 'a&amp;#27;b', 'ab'],
    ['entity for C1 CSI', 'a&#155;b', 'ab'],
    ['nested, revealed after one pass', `${ESC}${ESC}[[31mx`, '1mx'],
    ['carriage return', 'a\rb', 'ab'],
  ])('removes %s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('keeps newlines, tabs, ordinary entities and all printable Unicode', () => {
    const text = 'Zelenskyy said: “ceasefire” — 停火 🕊️\tend\n&amp; &#233;';
    expect(sanitizeText(text)).toBe(text);
  });

  it('repairs lone surrogates', () => {
    expect(sanitizeText('a\ud800b')).toBe('a\ufffdb');
  });

  it('leaves no ESC or C1 byte whatever the input', () => {
    const hostile = Array.from({ length: 200 }, (_, i) => String.fromCharCode(i % 160)).join('[31m]');
    expect(sanitizeText(hostile)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });
});

describe('sanitizeLine', () => {
  it('folds line breaks and tabs into single spaces', () => {
    expect(sanitizeLine(' a\n\tb  c ')).toBe('a b c');
  });
});

describe('decodeUtf8', () => {
  it('replaces invalid bytes and drops a byte-order mark', () => {
    expect(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62]))).toBe('a\ufffdb');
  });
});
