import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The import-cycle check `npm test` runs over src/, tried on folders with and without a cycle. */
function check(folder: string) {
  return spawnSync(process.execPath, ['scripts/check-cycles.mjs', folder], { encoding: 'utf8' });
}

describe('the import-cycle check', () => {
  it('fails on a cycle, type-only imports included, and names its modules', () => {
    const result = check('test/fixtures/cycles/ring');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ring/a.ts → test/fixtures/cycles/ring/b.ts → test/fixtures/cycles/ring/c.ts → test/fixtures/cycles/ring/a.ts');
  });

  it('passes a folder without one, and src/', () => {
    expect(check('test/fixtures/cycles/line').status).toBe(0);
    const src = check('src');
    expect(src.stderr).toBe('');
    expect(src.status).toBe(0);
  });
});
