import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench', () => {
  // The quick mode exists so this stays a check that the bench works, not a measurement: no timing
  // is asserted, only that every measurement the README's table promises is printed.
  it('prints the table with every measurement on a tiny corpus', () => {
    const env = { ...process.env };
    delete env.CI;
    const result = spawnSync(process.execPath, [join(repoRoot, 'bench', 'run.mjs'), '--quick', '--out', out], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      // The quick bench drives every section in a pty; on a CI machine shared with the rest of the suite it has taken over 110 s.
      timeout: 290_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('| '));
    expect(rows[0]).toMatch(/^\| Section \| Measure \| newsdesk \| Reference \(same run\) \| Ratio \| Target \| Met \|$/);
    const measures = rows.slice(1).map((line) => line.split(' | ').slice(0, 2).join(' / '));
    for (const expected of [
      /^\| Start \/ to list drawn, 3 articles, 80x24$/,
      /^\| Scroll \/ j p95, 50 KB article/,
      /^\| Scroll \/ PgDn p50, 10 KB article/,
      /^\| Scroll \/ j p95, 50 KB vs 10 KB article$/,
      /^\| Library \/ first list frame, 100 articles, cold cache$/,
      /^\| Library \/ first list frame, 100 articles, warm cache$/,
      /^\| Library \/ filter-as-you-type p95, 100 articles/,
      /^\| Library \/ peak RSS, 100 articles/,
      /^\| Analysis \/ summary of one article/,
      /^\| Analysis \/ compare ceasefire --json, 100 articles/,
      /^\| Feeds \/ refresh, 3 local feeds of 10 items, all new/,
      /^\| Footprint \/ runtime dependencies$/,
      /^\| Footprint \/ npm pack tarball/,
      /^\| Footprint \/ installed size/,
    ]) {
      expect(measures.some((measure) => expected.test(measure)), `${expected} in\n${measures.join('\n')}`).toBe(true);
    }
    // Each measured row names its reference from the same run.
    expect(rows.find((line) => line.includes('cold cache'))).toContain('read every file once');
    expect(rows.find((line) => line.includes('to list drawn'))).toContain('minimal Ink app');
    expect(rows.find((line) => line.includes('local feeds'))).toContain('bare fetch loop, same URLs');
  }, 300_000);
});
