import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const source = join(import.meta.dirname, '..', '..', 'src', 'platform', 'young-generation.ts');

/** The young generation's size (MB) in a fresh Node after keeping 100,000 objects, with or without the call. */
function youngGenerationAfterKeeping(call: boolean, worker?: 'watched' | 'unwatched'): { size: number; stdout: string } {
  const { code } = transformSync(readFileSync(source, 'utf8'), { loader: 'ts', format: 'esm' });
  // A worker thread started after the call sets V8's flags back, unless it is watched.
  const start = worker
    ? `const { Worker } = process.getBuiltinModule('node:worker_threads');
const worker = new Worker('setTimeout(() => {}, 200)', { eval: true });
${worker === 'watched' ? 'keepYoungGenerationSmallAfter(worker);' : ''}
await new Promise((resolve) => worker.once('online', () => setImmediate(resolve)));`
    : '';
  const script = `${code}
${call ? 'keepYoungGenerationSmall();' : ''}
${start}
const kept = [];
for (let i = 0; i < 100000; i++) kept.push({ text: 'item ' + i, numbers: [i, i + 1, i + 2, i + 3] });
const young = process.getBuiltinModule('node:v8').getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
console.log(JSON.stringify({ size: young.space_size / 1048576, kept: kept.length }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  const last = child.stdout.trim().split('\n').at(-1)!;
  return { size: (JSON.parse(last) as { size: number }).size, stdout: child.stdout };
}

describe('keepYoungGenerationSmall', () => {
  const major = Number(process.versions.v8.split('.')[0]);
  it.runIf(major === 11)('stops the young generation growing while much of what is allocated is kept, and writes nothing', () => {
    const grown = youngGenerationAfterKeeping(false);
    const kept = youngGenerationAfterKeeping(true);
    expect(grown.size).toBeGreaterThan(kept.size);
    expect(kept.size).toBeLessThanOrEqual(4);
    // V8 writes a flag it does not know to stdout (the reader's screen): only the script's line is there.
    expect(kept.stdout.trim().split('\n')).toHaveLength(1);
  });

  it.runIf(major === 11)('stays small after a worker thread starts, when the worker is watched', () => {
    expect(youngGenerationAfterKeeping(true, 'unwatched').size).toBeGreaterThan(4);
    expect(youngGenerationAfterKeeping(true, 'watched').size).toBeLessThanOrEqual(4);
  });
});
