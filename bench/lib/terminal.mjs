// The bench's side of the pty harness (test/helpers/pty.mjs, shared with the end-to-end tests): a user's
// environment for the programs it times, and the time a key takes to redraw.
import { isCiVariable, spawnPty } from '../../test/helpers/pty.mjs';

/** The environment a user's shell would give: CI removed (Ink draws only the last frame under CI). */
export function terminalEnv(extra = {}) {
  const env = { ...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor', ...extra };
  for (const key of Object.keys(env)) {
    if (isCiVariable(key) || env[key] === undefined) delete env[key];
  }
  return env;
}

/** A program in a real pseudo-terminal, its screen read as a person would see it. */
export function startTerminal({ file, args = [], cols = 80, rows = 24, env = terminalEnv(), cwd = process.cwd() }) {
  return spawnPty({ file, args, cols, rows, env, cwd });
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
