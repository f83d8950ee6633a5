import { describe, expect, it } from 'vitest';
import { listRow } from '../../src/tui/list-rows.js';
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
});
