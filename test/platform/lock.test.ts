/**
 * The lock beside the state file: one holder at a time; a lock left by a process that is gone, or one
 * too old to be anyone's, is taken over; a live holder's fresh lock is waited for and never broken.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLockSync, LockTimeoutError, lockPathFor, STALE_LOCK_MS, withLockSync } from '../../src/platform/lock.js';

let dir: string;
let target: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-lock-'));
  target = join(dir, 'state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has just ended (so no process runs with it, for now). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('the lock file', () => {
  it('names its holder while held and is gone once released', () => {
    const release = acquireLockSync(target);
    expect(readFileSync(lockPathFor(target), 'utf8')).toMatch(new RegExp(`^${process.pid} \\d+\\n$`));
    release();
    expect(existsSync(lockPathFor(target))).toBe(false);
  });

  it('takes over a lock whose process is gone (kill -9 while saving)', () => {
    writeFileSync(lockPathFor(target), `${deadPid()} ${Date.now()}\n`);
    expect(withLockSync(target, () => 'saved', 200)).toBe('saved');
    expect(existsSync(lockPathFor(target))).toBe(false);
  });

  it('takes over a lock too old to be anyone’s, even when its pid runs (reused pids)', () => {
    // pid 1 always runs.
    writeFileSync(lockPathFor(target), `1 ${Date.now() - STALE_LOCK_MS - 1000}\n`);
    expect(withLockSync(target, () => 'saved', 200)).toBe('saved');
  });

  it('takes over a lock file left empty, once it is old', () => {
    writeFileSync(lockPathFor(target), '');
    const old = (Date.now() - 5000) / 1000;
    utimesSync(lockPathFor(target), old, old);
    expect(withLockSync(target, () => 'saved', 200)).toBe('saved');
  });

  it('waits for a live holder’s fresh lock and gives up with its pid named, leaving the lock alone', () => {
    const held = `1 ${Date.now()}\n`;
    writeFileSync(lockPathFor(target), held);
    let ran = false;
    expect(() =>
      withLockSync(
        target,
        () => {
          ran = true;
        },
        100,
      ),
    ).toThrow(LockTimeoutError);
    expect(ran).toBe(false);
    expect(readFileSync(lockPathFor(target), 'utf8')).toBe(held);
    expect(() => acquireLockSync(target, 50)).toThrow(/held by process 1/);
  });
});
