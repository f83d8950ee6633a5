import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { stripStyle } from '../../src/render/text.js';
import { wrapStyled } from '../../src/render/wrap.js';

const words = (text: string) => stripStyle(text).split(/\s+/).filter(Boolean);

describe('wrapStyled', () => {
  it('fills rows up to the width and keeps every word', () => {
    const text = 'The harbour council voted on Tuesday to approve the new ferry timetable after a long debate.';
    const rows = wrapStyled(text, 20);
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(20);
    expect(words(rows.join(' '))).toEqual(words(text));
    expect(rows[0]).toBe('The harbour council');
  });

  it('measures CJK and emoji as two columns and never splits a character', () => {
    const rows = wrapStyled('東京の中央卸売市場では早朝から新しい競りが始まった 🐟🐟🐟', 9);
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(9);
    expect(rows.join('').replace(/ /g, '')).toBe('東京の中央卸売市場では早朝から新しい競りが始まった🐟🐟🐟');
    const family = wrapStyled('👩‍👩‍👧'.repeat(5), 4);
    expect(family.every((row) => row === '👩‍👩‍👧👩‍👩‍👧' || row === '👩‍👩‍👧')).toBe(true);
  });

  it('closes styles at a break and reopens them on the next row, so each row stands alone', () => {
    const rows = wrapStyled('plain \x1b[1mbold words that wrap\x1b[22m end', 12);
    expect(rows[0]).toBe('plain \x1b[1mbold\x1b[0m');
    expect(rows[1]).toBe('\x1b[1mwords that\x1b[0m');
    expect(rows[2]).toBe('\x1b[1mwrap\x1b[22m end');
  });

  it('breaks a word longer than the row', () => {
    expect(wrapStyled('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('keeps the indentation a line starts with, within the width', () => {
    expect(wrapStyled('    code()', 20)).toEqual(['    code()']);
    for (const row of wrapStyled('    javascript:alert(1)', 20)) expect(stringWidth(row)).toBeLessThanOrEqual(20);
  });
});
