import { readdirSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value for background threads: the scheduler runs the reader's own thread first. */
const BACKGROUND_NICE = 10;

/** The calling thread's id: "/proc/thread-self" links to "<pid>/task/<tid>". Throws without /proc. */
function currentThreadId(): number {
  return Number(readlinkSync('/proc/thread-self').split('/').pop());
}

/**
 * Lowers the priority of the calling thread (a worker thread doing the analysis), so the thread that
 * reads keys and draws gets the processor as soon as it needs it, even with every core busy. Linux
 * keeps a priority per thread (and threads it starts inherit it); elsewhere this does nothing.
 */
export function lowerThisThreadPriority(): void {
  try {
    // setpriority on a tid touches that thread alone.
    const tid = currentThreadId();
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, BACKGROUND_NICE);
  } catch {
    // No /proc (macOS, Windows) or not allowed: the analysis runs at the usual priority.
  }
}

/**
 * Lowers the priority of every other thread this process has now (V8's helpers, which compile hot code
 * and collect garbage alongside the program, and libuv's pool), leaving the calling thread as it is.
 * A key wakes the reader's thread while the helpers may still be compiling what the last frame ran:
 * on a machine with two cores, a helper, the terminal and the reader then want the processor at once,
 * and the key waits its turn. Threads started later take the priority of the thread that starts them.
 * Linux only, like lowerThisThreadPriority; elsewhere, or when not allowed, nothing changes.
 */
export function lowerOtherThreadsPriority(): void {
  try {
    const self = currentThreadId();
    for (const entry of readdirSync('/proc/self/task')) {
      const tid = Number(entry);
      if (!Number.isInteger(tid) || tid <= 0 || tid === self) continue;
      try {
        setPriority(tid, BACKGROUND_NICE);
      } catch {
        // Gone already, or not allowed: that thread keeps its priority.
      }
    }
  } catch {
    // No /proc: nothing changes.
  }
}
