import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { isRunning } from './atomic.js';

/**
 * A lock file beside a file that several processes read, change and write back (the reading state):
 * created with O_EXCL, so only one process holds it; it names its holder (pid and time), so a lock
 * left by a process that died (kill -9, a crash, a power cut) is taken over instead of blocking forever.
 */

/** A lock older than this is stale whatever its pid says (the pid may have been reused, or be on another host). */
export const STALE_LOCK_MS = 10_000;
/**
 * How long a save waits for another process's lock before giving up. A holder keeps it for a few ms,
 * but a loaded machine's fsync can take seconds: a save waits until the lock would count as stale (and
 * be taken over), so it is never dropped for a live, slow holder.
 */
export const LOCK_WAIT_MS = STALE_LOCK_MS + 2_000;

export class LockTimeoutError extends Error {
  constructor(path: string, holder: string) {
    super(`${path} is held by ${holder}`);
  }
}

export function lockPathFor(path: string): string {
  return `${path}.lock`;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

interface Holder {
  pid: number;
  time: number;
}

function readHolder(path: string): Holder | null {
  try {
    const [pid, time] = readFileSync(path, 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(pid) && pid > 0 && Number.isFinite(time) ? { pid, time } : null;
  } catch {
    return null;
  }
}

/** A lock file with nothing usable in it older than this was left half-made (its maker died between create and write). */
const UNNAMED_LOCK_MS = 1_000;

function ageOf(path: string, now: number): number {
  try {
    return now - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Whether a lock's holder is gone: its process no longer runs, or the lock is too old. */
function isStale(holder: Holder | null, now: number, lock: string): boolean {
  if (!holder) return ageOf(lock, now) > UNNAMED_LOCK_MS;
  if (holder.pid === process.pid) return false;
  return !isRunning(holder.pid) || now - holder.time > STALE_LOCK_MS;
}

/**
 * Removes a stale lock without removing a fresh one another process took meanwhile: the lock is
 * moved aside (one mover wins), and if what was moved turns out to be someone's new lock it is put
 * back (link fails rather than replace a lock taken since).
 */
function breakStaleLock(lock: string, seen: Holder | null): void {
  const aside = `${lock}.stale.${process.pid}.${Date.now()}`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // someone else broke it first
  }
  const moved = readHolder(aside);
  const same = seen === null ? moved === null || isStale(moved, Date.now(), aside) : moved !== null && moved.pid === seen.pid && moved.time === seen.time;
  if (!same) {
    try {
      linkSync(aside, lock);
    } catch {
      // a newer lock is in place already
    }
  }
  rmSync(aside, { force: true });
}

/** Takes the lock for `path`, waiting up to `waitMs`; returns the function that releases it. */
export function acquireLockSync(path: string, waitMs = LOCK_WAIT_MS): () => void {
  const lock = lockPathFor(path);
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    let fd: number | undefined;
    try {
      fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, `${process.pid} ${Date.now()}\n`);
      closeSync(fd);
      fd = undefined;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        // Only our own lock: a lock broken as stale and taken by another process is theirs.
        if (readHolder(lock)?.pid === process.pid) rmSync(lock, { force: true });
      };
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(lock);
    if (isStale(holder, Date.now(), lock)) {
      breakStaleLock(lock, holder);
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeoutError(lock, holder ? `process ${holder.pid}` : 'another process');
    sleepSync(Math.min(2 + attempt, 20));
  }
}

/** Runs `action` holding the lock for `path` (see acquireLockSync). */
export function withLockSync<T>(path: string, action: () => T, waitMs = LOCK_WAIT_MS): T {
  const release = acquireLockSync(path, waitMs);
  try {
    return action();
  } finally {
    release();
  }
}
