/**
 * Two readers open at once: each saves only what it changed, merged per article with what is on disk,
 * so neither loses the other's read marks and positions. And a state path that is not a regular file
 * (a FIFO, a link to /dev/zero) is reported and left alone: loading never blocks or reads forever.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stateFilePath } from '../../src/platform/paths.js';
import { emptyReadState, loadReadState, markOpened, mergeReadState, recordPosition, saveReadStateMerged } from '../../src/state/read-state.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-merge-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (iso: string) => new Date(iso);

describe('saving merges with what is on disk', () => {
  it('keeps both readers’ articles when two readers save in turn', () => {
    const a0 = loadReadState(dir).state;
    const b0 = loadReadState(dir).state;
    const a1 = recordPosition(markOpened(a0, '/x.md', at('2025-01-01T10:00:00Z')), '/x.md', 5);
    const b1 = recordPosition(markOpened(b0, '/y.md', at('2025-01-01T10:01:00Z')), '/y.md', 9);
    expect(saveReadStateMerged(dir, a1, a0).problem).toBeNull();
    expect(saveReadStateMerged(dir, b1, b0).problem).toBeNull();
    const disk = loadReadState(dir).state.articles;
    expect(disk['/x.md']?.paragraph).toBe(5);
    expect(disk['/y.md']?.paragraph).toBe(9);
  });

  it('does not overwrite the other reader’s newer position with an entry this reader never changed', () => {
    const seeded = recordPosition(markOpened(emptyReadState(), '/x.md', at('2025-01-01T09:00:00Z')), '/x.md', 1);
    saveReadStateMerged(dir, seeded, emptyReadState());
    const a0 = loadReadState(dir).state;
    const b0 = loadReadState(dir).state;
    // A reads on in /x.md and saves; B only opens /y.md, still holding the old /x.md entry.
    const a1 = recordPosition(a0, '/x.md', 30);
    saveReadStateMerged(dir, a1, a0);
    const b1 = markOpened(b0, '/y.md', at('2025-01-01T11:00:00Z'));
    saveReadStateMerged(dir, b1, b0);
    const disk = loadReadState(dir).state.articles;
    expect(disk['/x.md']?.paragraph).toBe(30);
    expect(disk['/y.md']).toBeDefined();
  });

  it('is a per-article three-way merge (pure)', () => {
    const base = recordPosition(emptyReadState(), '/a.md', 1);
    const mine = recordPosition(recordPosition(base, '/a.md', 2), '/b.md', 3);
    const disk = recordPosition(recordPosition(base, '/a.md', 7), '/c.md', 4);
    const merged = mergeReadState(disk, base, mine);
    expect(Object.fromEntries(Object.entries(merged.articles).map(([key, entry]) => [key, entry.paragraph]))).toEqual({ '/a.md': 2, '/b.md': 3, '/c.md': 4 });
  });
});

describe('a state file that is not a regular file', () => {
  it('a FIFO: loading returns at once with a message, and saving leaves it alone', () => {
    mkdirSync(dir, { recursive: true });
    execFileSync('mkfifo', [stateFilePath(dir)]);
    const { state, problem } = loadReadState(dir);
    expect(state).toEqual(emptyReadState());
    expect(problem?.message).toMatch(/named pipe \(FIFO\)/);
    const saved = saveReadStateMerged(dir, markOpened(state, '/a.md', new Date()), state);
    expect(saved.problem?.message).toMatch(/FIFO/);
  });

  it('a link to /dev/zero: reported as a device, never read', () => {
    symlinkSync('/dev/zero', stateFilePath(dir));
    const { problem } = loadReadState(dir);
    expect(problem?.message).toMatch(/character device/);
    expect(existsSync(stateFilePath(dir))).toBe(true);
  });

  it('a file over the size cap is reported, not read', () => {
    execFileSync('truncate', ['-s', '17M', stateFilePath(dir)]);
    expect(loadReadState(dir).problem?.message).toMatch(/limit|over/);
    expect(readFileSync(stateFilePath(dir)).length).toBe(17 * 1024 * 1024);
  });
});
