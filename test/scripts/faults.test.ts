import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

describe('npm run faults (quick)', () => {
  it('tries every fault in the catalogue and every one holds', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'faults.mjs'), '--quick'], { cwd: repoRoot, encoding: 'utf8', timeout: 280_000 });
    const summary = /(\d+) tried, (\d+) held/.exec(result.stdout);
    expect(summary, result.stdout + result.stderr).not.toBeNull();
    expect(summary![2], result.stdout).toBe(summary![1]);
    expect(result.status).toBe(0);
  }, 300_000);
});
