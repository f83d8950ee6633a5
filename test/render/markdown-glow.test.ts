import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderArticle } from '../../src/render/article.js';
import { shouldUseAscii } from '../../src/render/color.js';
import { fitColumnWidths } from '../../src/render/table.js';
import { displayWidth, stripStyle } from '../../src/render/text.js';
import { makeArticle } from './fixtures.js';

/** The same Markdown glow's golden files exercise: tables, tasks, headings, code, images, notes, autolinks. */
const GLOW = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'markdown', 'glow.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');

function render(body: string, options: { width?: number; color?: boolean; ascii?: boolean } = {}) {
  return renderArticle(makeArticle({ body }), { width: options.width ?? 60, color: options.color ?? false, ascii: options.ascii });
}

function text(body: string, options: { width?: number; color?: boolean; ascii?: boolean } = {}): string {
  return render(body, options).lines.map(stripStyle).join('\n');
}

describe('tables like glow', () => {
  const table = GLOW.slice(GLOW.indexOf('| Name'), GLOW.indexOf('- [ ]'));

  it('shrinks columns to fit the measure and wraps long cells inside their column', () => {
    for (const width of [40, 60, 80]) {
      const lines = render(table, { width }).lines.map(stripStyle);
      const rows = lines.filter((line) => line.includes('│'));
      expect(rows.length).toBeGreaterThan(3);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      // Every row has its bars in the same columns: one table, not scattered pieces.
      const bars = (line: string) => [...line].flatMap((ch, i) => (ch === '│' || ch === '┼' ? [i] : []));
      const header = bars(lines.find((line) => line.includes('Name'))!);
      expect(header).toHaveLength(3);
      for (const row of rows) expect(bars(row)).toEqual(header);
      // The long description wrapped inside its cell: its words sit on several rows of the table.
      expect(rows.filter((row) => /command|container|health|token|separate/.test(row.split('│')[1] ?? '')).length).toBeGreaterThan(2);
    }
  });

  it('honours ---: (right) and :---: (centre) alignment', () => {
    const lines = text('| left | right | centre |\n|:--|--:|:-:|\n| a | b | c |\n| aaaaaaaa | bbbbbbbb | cccccccc |', { width: 60 }).split('\n');
    const row = lines.find((line) => line.startsWith(' a '))!;
    const [left, right, centre] = row.split('│');
    expect(left).toMatch(/^ a +$/);
    expect(right).toMatch(/^ +b $/);
    expect(centre).toMatch(/^ {4,5}c$/); // centred in 8 columns; the row's trailing spaces are trimmed
  });

  it('gives the widest column the room it gives up first', () => {
    expect(fitColumnWidths([5, 100, 4], 50, [5, 10, 4])).toEqual([5, 41, 4]);
    expect(fitColumnWidths([10, 10], 30)).toEqual([10, 10]);
  });
});

describe('task lists', () => {
  it('shows ☐ and ☑ once, with the text on the same line', () => {
    const lines = text('- [ ] Outstanding task\n- [x] Finished task', { color: true }).split('\n');
    expect(lines).toContain('  ☐ Outstanding task');
    expect(lines).toContain('  ☑ Finished task');
  });

  it('falls back to [ ] and [x] without colour or Unicode', () => {
    for (const options of [{ color: false }, { color: true, ascii: true }]) {
      const lines = text('- [ ] Outstanding task\n- [x] Finished task', options).split('\n');
      expect(lines).toContain('  [ ] Outstanding task');
      expect(lines).toContain('  [x] Finished task');
    }
  });

  it('takes the locale to decide on ASCII', () => {
    expect(shouldUseAscii({ LANG: 'C' })).toBe(true);
    expect(shouldUseAscii({ LANG: 'en_GB.UTF-8' })).toBe(false);
    expect(shouldUseAscii({ LC_ALL: 'POSIX', LANG: 'en_GB.UTF-8' })).toBe(true);
    expect(shouldUseAscii({})).toBe(false);
  });
});

describe('headings, code, bullets', () => {
  it('gives h1 to h4 each their own colour', () => {
    const lines = render('# One\n\n## Two\n\n### Three\n\n#### Four', { color: true }).lines;
    const opening = (word: string) => /^\x1b\[([0-9;]+)m/.exec(lines.find((line) => line.includes(word))!)?.[1];
    const styles = ['One', 'Two', 'Three', 'Four'].map(opening);
    expect(new Set(styles).size).toBe(4);
    for (const style of styles) expect(style).toBeDefined();
  });

  it('marks heading levels with #s when there is no colour', () => {
    expect(text('# One\n\n### Three')).toMatch(/^# One$[\s\S]*^### Three$/m);
  });

  it('sets code blocks in from the text on a background, with their language', () => {
    const lines = render('Text.\n\n```typescript\nconst a = 1;\nconsole.log(a);\n```', { color: true }).lines;
    const label = lines.findIndex((line) => stripStyle(line).trim() === 'typescript');
    expect(label).toBeGreaterThan(0);
    const code = lines.slice(label + 1, label + 3);
    for (const line of code) {
      expect(line).toMatch(/^ {2}\x1b\[[0-9;]*10[0-7]m/); // a margin, then a background colour
    }
    // Padded to one width, so the background is a block.
    expect(new Set(code.map((line) => displayWidth(stripStyle(line)))).size).toBe(1);
  });

  it('uses • for bullets', () => {
    expect(text('* first\n* second\n  * nested')).toMatch(/^ {2}• first$\n^ {2}• second$\n^ +• nested$/m);
  });
});

describe('images, footnotes and autolinks', () => {
  it('shows an image as its alt text and address, numbered with the links', () => {
    const rendered = render('Before.\n\n![The harbour at dawn](https://example.com/harbour.jpg)\n\nA [link](https://example.com/x).', { width: 100 });
    const body = rendered.lines.map(stripStyle).join('\n');
    expect(body).toMatch(/Image: The harbour at dawn → https:\/\/example\.com\/harbour\.jpg\[1\]/);
    expect(rendered.links[0]).toEqual({ text: 'Image: The harbour at dawn', url: 'https://example.com/harbour.jpg' });
    expect(rendered.links[1].url).toBe('https://example.com/x');
    expect(body).toContain('link[2]');
  });

  it('numbers footnotes in the order they are referred to, and lists them after the text', () => {
    const body = text('One[^b] and two[^a].\n\n[^a]: Note a.\n[^b]: Note b, with **bold**.');
    expect(body).not.toContain('[^');
    expect(body).toContain('One¹ and two².');
    expect(body).toMatch(/^1\. Note b, with bold\.$\n^2\. Note a\.$/m);
  });

  it('writes footnote numbers as text under ASCII', () => {
    expect(text('One[^x].\n\n[^x]: Note.', { ascii: true })).toContain('One[^1].');
  });

  it('does not print an autolink twice', () => {
    const body = text('Visit <https://example.com/auto> today.');
    expect(body.split('https://example.com/auto').length - 1).toBe(2); // once in the text, once in Links
    expect(body).toMatch(/^\[1\] https:\/\/example\.com\/auto$/m);
  });
});
