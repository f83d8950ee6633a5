import { describe, expect, it } from 'vitest';
import { capLineLength, displayWidth, truncateToWidth, wrapLine } from '../../src/render/text.js';

describe('text helpers', () => {
  it('measures CJK and emoji as two columns', () => {
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('😀a')).toBe(3);
  });

  it('truncates by display width with an ellipsis', () => {
    expect(truncateToWidth('中文中文中文', 7)).toBe('中文中…');
    expect(displayWidth(truncateToWidth('中文中文中文', 7))).toBeLessThanOrEqual(7);
    expect(truncateToWidth('short', 10)).toBe('short');
  });

  it('gives list items a hanging indent when wrapping', () => {
    const rows = wrapLine('  * one two three four five six seven eight nine ten', 20);
    expect(rows[0]).toMatch(/^ {2}\* one/);
    for (const row of rows.slice(1)) expect(row).toMatch(/^ {4}\S/);
  });

  it('cuts a line past the limit and says how much is missing', () => {
    const cut = capLineLength('x'.repeat(50), 20);
    expect(cut.startsWith('x'.repeat(20))).toBe(true);
    expect(cut).toContain('30 more characters');
    expect(capLineLength('short', 20)).toBe('short');
  });

  it('never splits a surrogate pair when cutting', () => {
    const cut = capLineLength(`${'a'.repeat(19)}😀😀`, 20);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
