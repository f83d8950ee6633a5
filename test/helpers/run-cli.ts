import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const binPath = join(repoRoot, 'bin', 'newsdesk.js');

/** The built CLI caches by default: tests keep their caches and state out of the user's home. */
const isolatedHome = mkdtempSync(join(tmpdir(), 'newsdesk-cli-test-'));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI with stdin and stdout as pipes (never a terminal). Colour variables from the
 * caller's environment are removed unless the test sets them.
 */
/** `timeoutMs`: how long the program may run before it is killed (a status of null). */
export function runCli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 60_000): CliResult {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    XDG_CACHE_HOME: join(isolatedHome, 'cache'),
    XDG_STATE_HOME: join(isolatedHome, 'state'),
    // No subscriptions unless a test makes some: the default library is the bundled articles.
    XDG_CONFIG_HOME: join(isolatedHome, 'config'),
    XDG_DATA_HOME: join(isolatedHome, 'data'),
    ...env,
  };
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd: repoRoot,
    env: Object.fromEntries(Object.entries(childEnv).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv,
    encoding: 'utf8',
    input: '',
    timeout: timeoutMs,
    // A comparison of a few hundred articles is megabytes of JSON (the default limit is 1 MB).
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
