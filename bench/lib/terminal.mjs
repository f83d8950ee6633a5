// A program in a real pseudo-terminal, its output fed to a headless xterm so the bench can read the
// screen as a person would see it, with the arrival time of every chunk of output.
import { readFileSync } from 'node:fs';
import xtermHeadless from '@xterm/headless';
import pty from 'node-pty';

const { Terminal } = xtermHeadless;

/** The environment a user's shell would give: CI removed (Ink draws only the last frame under CI). */
export function terminalEnv(extra = {}) {
  const env = { ...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor', ...extra };
  for (const key of Object.keys(env)) {
    if (key === 'CI' || key.startsWith('CI_') || key === 'CONTINUOUS_INTEGRATION' || env[key] === undefined) delete env[key];
  }
  return env;
}

export function startTerminal({ file = process.execPath, args = [], cols = 80, rows = 24, env = terminalEnv(), cwd = process.cwd() }) {
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  const startedAt = performance.now();
  const child = pty.spawn(file, args, { name: 'xterm-256color', cols, rows, cwd, env });
  let lastChunkAt = 0;
  let chunkCount = 0;
  let exited = false;
  let exitInfo = null;
  const waiters = new Set();
  const exitWaiters = [];

  const notify = () => {
    for (const waiter of [...waiters]) waiter();
  };
  child.onData((data) => {
    const at = performance.now();
    term.write(data, () => {
      lastChunkAt = at;
      chunkCount++;
      notify();
    });
  });
  child.onExit((info) => {
    exited = true;
    exitInfo = { ...info, at: performance.now() };
    notify();
    for (const resolve of exitWaiters.splice(0)) resolve(exitInfo);
  });

  const screenText = () => {
    const buffer = term.buffer.active;
    const lines = [];
    for (let y = 0; y < term.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };

  /** Resolves with the arrival time of the chunk after which `predicate(screen)` first held. */
  const waitFor = (predicate, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      if (predicate(screenText())) return resolve(lastChunkAt);
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms; screen:\n${screenText()}`));
      }, timeoutMs);
      function check() {
        if (predicate(screenText())) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(lastChunkAt);
        } else if (exited) {
          clearTimeout(timer);
          waiters.delete(check);
          reject(new Error(`exited (code ${exitInfo?.exitCode}) before the screen showed what was awaited; screen:\n${screenText()}`));
        }
      }
      waiters.add(check);
    });

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
          if (now - since >= noOutputMs || exited) return resolve(null);
        } else if (now - lastChunkAt >= quietMs || now >= deadline || exited) {
          return resolve(lastChunkAt);
        }
        setTimeout(tick, 5);
      };
      tick();
    });

  const waitExit = (timeoutMs = 5000) =>
    exited
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

  const close = async (quitKeys = 'q') => {
    if (!exited && quitKeys) child.write(quitKeys);
    if (!(await waitExit(quitKeys ? 3000 : 0))) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
      await waitExit(2000);
    }
    term.dispose();
  };

  return {
    startedAt,
    pid: child.pid,
    write: (data) => child.write(data),
    screenText,
    waitFor,
    waitSettle,
    waitExit,
    peakRss,
    close,
    get exited() {
      return exited;
    },
    get chunkCount() {
      return chunkCount;
    },
  };
}

/**
 * Time from a keypress to the end of the redraw it caused: the last chunk of the burst of output
 * that followed. Returns { ms, changed } or null when the key drew nothing.
 */
export async function measureKey(session, key, { quietMs = 40, noOutputMs = 600 } = {}) {
  const before = session.screenText();
  const sentAt = performance.now();
  session.write(key);
  const last = await session.waitSettle(sentAt, { quietMs, noOutputMs });
  if (last === null) return null;
  return { ms: last - sentAt, changed: session.screenText() !== before };
}
