import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/library/types.js';
import { startNotice } from '../../src/tui/model.js';

const loaded = { path: '/news/loaded.md' } as Article;

describe('the reader’s start-up notice', () => {
  it('tells a file that loaded with warnings from one that did not load, and from the scan cap', () => {
    expect(startNotice({ articles: [loaded], problems: [{ path: '/news/loaded.md', reason: 'tags is not a list; ignored' }] })).toBe(
      '1 file loaded with warnings (loaded.md: tags is not a list; ignored)',
    );
    expect(startNotice({ articles: [loaded], problems: [{ path: '/news/empty.md', reason: 'empty file' }] })).toBe('1 file not loaded (empty.md: empty file)');
    const capped = startNotice({ articles: [loaded], problems: [{ path: '/news', reason: 'more than 50,000 article files; the rest were not scanned' }] });
    expect(capped).toBe('more than 50,000 article files: the rest were not scanned');
    expect(capped).not.toMatch(/not loaded/);
  });
});
