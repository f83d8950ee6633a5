// The one pseudo-terminal harness, shared by the end-to-end tests (test/e2e/helpers/terminal.ts) and the
// bench (bench/lib/terminal.mjs): a program runs in a real pty (node-pty) and its output is fed to a
// headless xterm, so both read the screen a person would see, with the arrival time of every chunk.
// Plain JavaScript so the bench runs it with node alone; its types are in pty.d.mts.
import { readFileSync } from 'node:fs';
import xtermHeadless from '@xterm/headless';
import pty from 'node-pty';

const { Terminal } = xtermHeadless;

/** Environment variables that make Ink (is-in-ci) print only the last frame instead of drawing. */
export function isCiVariable(name) {
  return name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_') || name === 'BUILD_NUMBER' || name === 'RUN_ID';
}

export function spawnPty({ file = process.execPath, args = [], cols = 80, rows = 24, env, cwd = process.cwd(), scrollback = 0, record = false }) {
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback });
  const startedAt = performance.now();
  const child = pty.spawn(file, args, { name: 'xterm-256color', cols, rows, cwd, env });
  let output = '';
  // When the last chunk arrived, and when the last chunk whose parsing has finished arrived.
  let lastArrivalAt = 0;
  let lastChunkAt = 0;
  let chunkCount = 0;
  let exitInfo = null;
  let parsing = Promise.resolve();
  const listeners = new Set();
  const exitWaiters = [];

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  child.onData((data) => {
    const at = performance.now();
    lastArrivalAt = at;
    if (record) output += data;
    parsing = new Promise((done) =>
      term.write(data, () => {
        lastChunkAt = at;
        chunkCount++;
        done();
      }),
    );
    void parsing.then(notify);
  });
  child.onExit((info) => {
    const at = performance.now();
    // Reported once what came before the exit has been parsed, so the last screen is whole.
    void parsing.then(() => {
      exitInfo = { exitCode: info.exitCode, signal: info.signal, at };
      notify();
      for (const resolve of exitWaiters.splice(0)) resolve(exitInfo);
    });
  });

  /** The visible rows, trailing spaces trimmed. */
  const lines = () => {
    const buffer = term.buffer.active;
    const rows_ = [];
    for (let y = 0; y < term.rows; y++) rows_.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return rows_;
  };
  const screenText = () => lines().join('\n');

  /**
   * Resolves with the arrival time of the chunk after which `predicate(screen)` first held; rejects
   * with the screen when the program exits first or `timeoutMs` passes.
   */
  const waitFor = (predicate, timeoutMs = 10_000, describe = 'the screen awaited') =>
    parsing.then(
      () =>
        new Promise((resolve, reject) => {
          if (predicate(screenText())) return resolve(lastChunkAt);
          const check = () => {
            if (predicate(screenText())) {
              stop();
              resolve(lastChunkAt);
            } else if (exitInfo) {
              stop();
              reject(new Error(`program exited (${JSON.stringify({ exitCode: exitInfo.exitCode, signal: exitInfo.signal })}) before ${describe}; screen:\n${screenText()}`));
            }
          };
          const timer = setTimeout(() => {
            stop();
            reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe}; screen:\n${screenText()}`));
          }, timeoutMs);
          const stop = () => {
            clearTimeout(timer);
            listeners.delete(check);
          };
          listeners.add(check);
        }),
    );

  /** Waits until no output has arrived for `quietMs` and all of it has been parsed. */
  const settle = async (quietMs) => {
    for (;;) {
      await parsing;
      const quietFor = performance.now() - lastArrivalAt;
      if (quietFor >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, quietMs - quietFor));
    }
  };

  /**
   * Waits until output has started after `since` and then stayed quiet for `quietMs`. Returns the
   * arrival time of the last chunk, or null when nothing arrived within `noOutputMs`.
   */
  const waitSettle = (since, { quietMs = 40, noOutputMs = 1000, timeoutMs = 10_000 } = {}) =>
    new Promise((resolve) => {
      const deadline = since + timeoutMs;
      const tick = () => {
        const now = performance.now();
        if (lastChunkAt < since) {
          if (now - since >= noOutputMs || exitInfo) return resolve(null);
        } else if (now - lastChunkAt >= quietMs || now >= deadline || exitInfo) {
          return resolve(lastChunkAt);
        }
        setTimeout(tick, 5);
      };
      tick();
    });

  /** The exit status once the program has exited, or null after `timeoutMs`. */
  const waitExit = (timeoutMs = 5000) =>
    exitInfo
      ? Promise.resolve(exitInfo)
      : new Promise((resolve) => {
          const timer = setTimeout(() => resolve(null), timeoutMs);
          exitWaiters.push((info) => {
            clearTimeout(timer);
            resolve(info);
          });
        });

  /** Peak resident set size so far, from the kernel (Linux), in bytes; null elsewhere. */
  const peakRss = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return match ? Number(match[1]) * 1024 : null;
    } catch {
      return null;
    }
  };

  const kill = (signal = 'SIGTERM') => {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  };

  /** Quits with `quitKeys` (killed if that does not end it within 3 s), then frees the terminal. */
  const close = async (quitKeys = 'q') => {
    if (!exitInfo && quitKeys) child.write(quitKeys);
    if (!(await waitExit(quitKeys ? 3000 : 0))) {
      kill('SIGKILL');
      await waitExit(2000);
    }
    term.dispose();
  };

  return {
    startedAt,
    pid: child.pid,
    term,
    write: (data) => {
      if (!exitInfo) child.write(data);
    },
    resize: (newCols, newRows) => {
      term.resize(newCols, newRows);
      child.resize(newCols, newRows);
    },
    kill,
    /** Closes the master side, as a dropped SSH session does: stdin ends, writes fail, then SIGHUP. */
    hangUp: () => child.destroy(),
    /** The slave side's device (/dev/pts/N), for `stty -F` from outside. */
    get device() {
      return child._pty;
    },
    lines,
    screenText,
    waitFor,
    settle,
    waitSettle,
    waitExit,
    peakRss,
    close,
    /** After a dispose the terminal is gone: the program is killed if it still runs. */
    dispose: () => {
      if (!exitInfo) kill('SIGKILL');
      term.dispose();
    },
    /** Resolves once everything received so far has been parsed. */
    get parsed() {
      return parsing;
    },
    get output() {
      return output;
    },
    get exitInfo() {
      return exitInfo;
    },
    get exited() {
      return exitInfo !== null;
    },
    get chunkCount() {
      return chunkCount;
    },
  };
}
