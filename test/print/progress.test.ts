import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../../src/print/progress.js';

describe('createProgressBar', () => {
  it('draws a bar with counts, always draws the end, and erases itself when done', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'newsdesk-progress-')), 'err');
    const fd = openSync(path, 'w');
    const bar = createProgressBar('Comparing', 60, fd);
    for (let done = 0; done <= 10_000; done++) bar.update(done, 10_000);
    bar.done();
    closeSync(fd);
    const output = readFileSync(path, 'utf8');
    const frames = output.split('\r').filter(Boolean);
    // Throttled: far fewer redraws than updates.
    expect(frames.length).toBeLessThan(50);
    expect(frames[0]).toMatch(/^Comparing \[ +\] 0\/10,000$/);
    expect(frames.at(-2)).toMatch(/^Comparing \[#+\] 10,000\/10,000$/);
    expect(frames.at(-1)).toBe('\x1b[2K');
    for (const frame of frames) expect(frame.length).toBeLessThanOrEqual(60);
  });
});
