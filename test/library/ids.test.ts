import { describe, expect, it } from 'vitest';
import { assignIds } from '../../src/library/ids.js';

const source = (path: string) => ({ name: path.split('/').pop()!.replace(/\.[^.]+$/, ''), path });

describe('assignIds', () => {
  it('uses the file name when it is unique and the shortest unique end of the path otherwise', () => {
    const paths = ['/a/news/inner/ferry.md', '/b/news/inner/ferry.md', '/a/news/ferry.md', '/a/news/tram.md'];
    expect(assignIds(paths.map(source))).toEqual(['a/news/inner/ferry', 'b/news/inner/ferry', 'news/ferry', 'tram']);
  });

  it('does not depend on the order files come in', () => {
    const paths = ['/a/x/same.md', '/a/y/same.md', '/a/z/other.md'];
    const forward = assignIds(paths.map(source));
    const backward = assignIds([...paths].reverse().map(source)).reverse();
    expect(backward).toEqual(forward);
  });

  it('keeps the extension for files that differ only by it', () => {
    expect(assignIds(['/a/ferry.md', '/a/ferry.txt'].map(source))).toEqual(['a/ferry.md', 'a/ferry.txt']);
  });
});
