import { describe, expect, it } from 'vitest';
import { listRow, sourceColumnWidth } from '../../src/tui/list-rows.js';
import { displayWidth } from '../../src/render/text.js';
import { makeArticle } from '../render/fixtures.js';

describe('listRow', () => {
  it('puts the reading time beside the title, not at the far edge of a wide terminal', () => {
    const article = makeArticle({ body: 'word '.repeat(900), title: 'Ferry timetable approved' });
    const row = listRow(article, { selected: false, read: false, cols: 200, screenReader: false });
    expect(displayWidth(row)).toBe(200);
    const minutes = row.indexOf('5 min');
    const title = row.indexOf('Ferry');
    expect(minutes).toBeGreaterThan(0);
    expect(title - minutes).toBeLessThan(10);
  });

  it("shows each article's source in a column of its own before the title, when the library has sources", () => {
    const feedItem = makeArticle({ body: 'Talks resumed.', title: 'Harbour talks resume', source: 'Harbour Gazette' });
    const plain = makeArticle({ body: 'A report.', title: 'Bundled report', source: null });
    const width = sourceColumnWidth([feedItem, plain]);
    expect(width).toBe(15);
    const rows = [feedItem, plain].map((article) => listRow(article, { selected: false, read: false, cols: 100, screenReader: false, sourceWidth: width }));
    expect(rows[0]).toMatch(/Harbour Gazette {2}Harbour talks resume/);
    expect(rows[0].indexOf('Harbour talks')).toBe(rows[1].indexOf('Bundled report'));
    expect(rows.every((row) => displayWidth(row) === 100)).toBe(true);
    expect(sourceColumnWidth([plain])).toBe(0);
    expect(listRow(feedItem, { selected: false, read: false, cols: 100, screenReader: true })).toContain('from Harbour Gazette');
  });
});
