import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a reader (or a crash, or SIGKILL) only ever sees the old contents or the new:
 * the data goes to a temporary file in the same folder, is flushed to disk, then renamed over the target.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array | readonly Uint8Array[], options: { durable?: boolean } = {}): void {
  // Durable (flushed to disk) unless the caller can afford to lose the file, like a cache, and not the wait.
  const durable = options.durable ?? true;
  const directory = dirname(path);
  mkdirSync(directory, { recursive: true });
  const temporary = join(directory, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'w', 0o600);
    // writeFileSync on a descriptor writes it all; one writeSync may write only part of a large buffer.
    // Parts are written one after another: a 90 MB body is not copied to put a header before it.
    for (const part of typeof data === 'string' || data instanceof Uint8Array ? [data] : data) writeFileSync(fd, part);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  if (durable) syncDirectory(directory);
}

/** Whether a process with this pid runs (as anyone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files that writeFileAtomicSync left for `path` when its process was killed
 * mid-write (SIGKILL gives no chance to clean up). A file of a process still running is left alone:
 * it may be writing right now.
 */
export function removeStaleTemporaries(path: string): void {
  const name = basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  removeTemporariesOfDeadWriters(dirname(path), new RegExp(`^\\.${name}\\.(\\d+)\\.\\d+\\.tmp$`));
}

/**
 * Removes every temporary file in a folder of ours (a cache) whose writer is no longer running: a
 * writeFileAtomicSync temporary (`.name.<pid>.<time>.tmp`) or a cache segment being written
 * (`bodies-….bin.<pid>.tmp`). kill -9 leaves them behind, and nothing else ever would remove them.
 */
export function removeDeadTemporaries(directory: string): void {
  removeTemporariesOfDeadWriters(directory, /\.(\d+)(?:\.\d{10,})?\.tmp$/);
}

/** Removes the files in `directory` whose name matches `pattern`, its first group the writer's pid, when that writer is gone. */
function removeTemporariesOfDeadWriters(directory: string, pattern: RegExp): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (match && Number(match[1]) !== process.pid && !isRunning(Number(match[1]))) {
      rmSync(join(directory, name), { force: true });
    }
  }
}

/** Makes the rename itself durable; some platforms cannot open a folder for this, which is harmless. */
function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, 'r');
    fsyncSync(fd);
  } catch {
    // Windows and some file systems refuse; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
