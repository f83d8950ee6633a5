import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Viewport } from '../../src/tui/components/Viewport.js';
import { clampTop, percentThrough, revealLine, scrollTop } from '../../src/tui/viewport.js';
import { Command } from '../../src/tui/keymap.js';

const lines = Array.from({ length: 1000 }, (_, i) => `line ${i}`);

describe('Viewport', () => {
  it('draws exactly the visible window, padded to its height', () => {
    const { lastFrame } = render(<Viewport lines={lines} top={10} height={5} />);
    expect(lastFrame()!.split('\n')).toEqual(['line 10', 'line 11', 'line 12', 'line 13', 'line 14']);
    const short = render(<Viewport lines={['only']} top={0} height={3} />);
    expect(short.lastFrame()!.split('\n')).toHaveLength(3);
  });

  it('decorates only the lines it draws', () => {
    const seen: number[] = [];
    render(<Viewport lines={lines} top={500} height={4} decorate={(line, i) => (seen.push(i), line.toUpperCase())} />);
    expect([...new Set(seen)]).toEqual([500, 501, 502, 503]);
  });
});

describe('pager', () => {
  it('scrolls within bounds', () => {
    expect(scrollTop(0, Command.LineUp, 100, 10)).toBe(0);
    expect(scrollTop(0, Command.PageDown, 100, 10)).toBe(10);
    expect(scrollTop(95, Command.PageDown, 100, 10)).toBe(90);
    expect(scrollTop(20, Command.HalfPageUp, 100, 10)).toBe(15);
    expect(scrollTop(20, Command.Bottom, 100, 10)).toBe(90);
    expect(scrollTop(20, Command.Quit, 100, 10)).toBeNull();
    expect(clampTop(50, 5, 10)).toBe(0);
  });

  it('reveals a line only when it is off screen', () => {
    expect(revealLine(10, 15, 100, 10)).toBe(10);
    expect(revealLine(10, 60, 100, 10)).toBe(58);
  });

  it('gives the position as a percentage of the bottom line', () => {
    expect(percentThrough(0, 5, 10)).toBe(100);
    expect(percentThrough(0, 100, 10)).toBe(10);
    expect(percentThrough(90, 100, 10)).toBe(100);
  });
});

describe('marks', () => {
  it('draws the marks of the lines it shows, in inverse video', () => {
    const marks = [
      { line: 11, start: 0, end: 4, current: false },
      { line: 40, start: 0, end: 4, current: true },
    ];
    const { lastFrame } = render(<Viewport lines={lines} top={10} height={3} marks={marks} />);
    const frame = lastFrame()!.split('\n');
    expect(frame[0]).toBe('line 10');
    expect(frame[1]).toContain('\x1b[7mline\x1b[27m 11');
  });
});
