import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomicSync } from '../../src/platform/atomic.js';
import { stateDirectory, stateFilePath } from '../../src/platform/paths.js';
import { emptyReadState, loadReadState, markOpened, recordPosition, saveReadState } from '../../src/state/read-state.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-state-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

describe('state directory', () => {
  it('uses $XDG_STATE_HOME/newsdesk, or ~/.local/state/newsdesk when unset or relative', () => {
    expect(stateDirectory({ XDG_STATE_HOME: '/x/state' }, '/home/me')).toBe('/x/state/newsdesk');
    expect(stateDirectory({}, '/home/me')).toBe('/home/me/.local/state/newsdesk');
    expect(stateDirectory({ XDG_STATE_HOME: 'relative' }, '/home/me')).toBe('/home/me/.local/state/newsdesk');
  });
});

describe('read state', () => {
  it('starts empty when there is no file, and reads back what it saved', () => {
    expect(loadReadState(dir)).toEqual({ state: emptyReadState(), problem: null });
    const state = recordPosition(markOpened(emptyReadState(), '/a.md', new Date('2025-01-01T00:00:00Z')), '/a.md', 4);
    expect(saveReadState(dir, state)).toBeNull();
    expect(loadReadState(dir).state).toEqual(state);
  });

  it('writes through a temporary file and leaves no temporary behind', () => {
    saveReadState(dir, markOpened(emptyReadState(), '/a.md', new Date()));
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(stateFilePath(dir), 'utf8')).articles['/a.md']).toBeDefined();
  });

  it('replaces the file whole: an existing file is never seen half-written', () => {
    const path = join(dir, 'f.json');
    writeFileAtomicSync(path, 'old');
    writeFileAtomicSync(path, 'new contents');
    expect(readFileSync(path, 'utf8')).toBe('new contents');
  });

  it('sets a corrupt file aside with a timestamp, says so once, and starts empty', () => {
    writeFileSync(stateFilePath(dir), '{"articles": {"/a.md": ');
    const now = new Date('2025-06-01T12:00:00Z');
    const { state, problem } = loadReadState(dir, now);
    expect(state).toEqual(emptyReadState());
    expect(problem?.message).toMatch(/corrupt; set aside as .*state\.json\.corrupt-2025-06-01T12-00-00-000Z/);
    expect(existsSync(stateFilePath(dir))).toBe(false);
    expect(readdirSync(dir)).toEqual(['state.json.corrupt-2025-06-01T12-00-00-000Z']);
    expect(loadReadState(dir).problem).toBeNull();
  });

  it('treats valid JSON of the wrong shape as corrupt too', () => {
    writeFileSync(stateFilePath(dir), '[1,2,3]');
    expect(loadReadState(dir).problem?.message).toMatch(/corrupt/);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unwritable folder instead of throwing', () => {
    chmodSync(dir, 0o500);
    const problem = saveReadState(join(dir, 'sub'), emptyReadState());
    expect(problem?.message).toMatch(/could not save/);
  });

  it('reports a folder that cannot be created instead of throwing', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const problem = saveReadState(join(file, 'newsdesk'), emptyReadState());
    expect(problem?.message).toMatch(/could not save/);
  });
});

describe('temporary files left by a killed writer', () => {
  it('are removed on load when their process is gone, and kept while it runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-stale-'));
    const path = stateFilePath(dir);
    writeFileAtomicSync(path, JSON.stringify(emptyReadState()));
    // Process ids wrap below 2^22 on Linux: this one cannot be running.
    const stale = join(dir, `.state.json.${2 ** 22 + 7}.1700000000000.tmp`);
    const live = join(dir, `.state.json.${process.ppid}.1700000000000.tmp`);
    writeFileSync(stale, '{"half');
    writeFileSync(live, '{"half');
    loadReadState(dir);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(path)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

