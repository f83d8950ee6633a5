import { writeSync } from 'node:fs';

export interface ProgressBar {
  update(done: number, total: number): void;
  done(): void;
}

/** How often the bar may redraw: often enough to look alive, rarely enough to cost nothing. */
const REDRAW_INTERVAL_MS = 100;

/**
 * One line on stderr, redrawn at most ten times a second and erased when done. Only for a terminal:
 * the caller creates it when stderr is a TTY. Writes synchronously, because the work it reports on
 * is synchronous and would hold back an asynchronous write until it had finished.
 */
export function createProgressBar(label: string, columns: number, fd = 2): ProgressBar {
  let drawnAt = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - drawnAt < REDRAW_INTERVAL_MS && done < total) return;
      drawnAt = now;
      const counts = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
      const width = Math.max(5, Math.min(40, columns - label.length - counts.length - 6));
      const filled = total ? Math.round((done / total) * width) : width;
      writeSync(fd, `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${counts}`);
    },
    done() {
      if (drawnAt) writeSync(fd, '\r\x1b[2K');
    },
  };
}
