import { describe, expect, it } from 'vitest';
import { scrollAhead } from '../../src/tui/article-frame.js';
import { warmScrollPath } from '../../src/tui/warm-scroll.js';
import { makeArticle } from '../render/fixtures.js';
import { press, reader, startState } from './helpers.js';

const BODY = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of a long read, long enough to wrap at the width of the terminal it is read in.`).join('\n\n');

describe('warmScrollPath', () => {
  it('runs a scroll with nothing changed: the article stays where it was and the next key draws as it would have', () => {
    const opened = press(startState({ articles: [makeArticle({ body: BODY, title: 'Long read' })], problems: [] }, { cols: 100, rows: 30, color: true }), 'enter');
    const before = JSON.stringify(reader(opened)?.viewport);
    const expected = scrollAhead(opened, press(opened, 'j'));
    expect(expected).not.toBeNull();
    warmScrollPath(opened);
    expect(JSON.stringify(reader(opened)?.viewport)).toBe(before);
    expect(scrollAhead(opened, press(opened, 'j'))).toEqual(expected);
  });

  it('does nothing on a screen that is not an article', () => {
    const list = startState({ articles: [makeArticle({ body: BODY, title: 'Long read' })], problems: [] });
    expect(() => warmScrollPath(list)).not.toThrow();
  });
});
