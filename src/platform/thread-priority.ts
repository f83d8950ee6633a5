import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value for background threads: the scheduler runs the reader's own thread first. */
const BACKGROUND_NICE = 10;

/**
 * Lowers the priority of the calling thread (a worker thread doing the analysis), so the thread that
 * reads keys and draws gets the processor as soon as it needs it, even with every core busy. Linux
 * keeps a priority per thread (and threads it starts inherit it); elsewhere this does nothing.
 */
export function lowerThisThreadPriority(): void {
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>"; setpriority on a tid touches that thread alone.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, BACKGROUND_NICE);
  } catch {
    // No /proc (macOS, Windows) or not allowed: the analysis runs at the usual priority.
  }
}
