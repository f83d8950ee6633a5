import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const source = join(import.meta.dirname, '..', '..', 'src', 'platform', 'thread-priority.ts');

/** The nice value of each thread of a fresh Node after lowerOtherThreadsPriority(), the calling (main) thread first. */
function nicesAfterLowering(): { main: number; others: number[] } {
  const { code } = transformSync(readFileSync(source, 'utf8'), { loader: 'ts', format: 'esm' });
  const script = `${code}
import { readdirSync as listTasks, readFileSync as readTask } from 'node:fs';
lowerOtherThreadsPriority();
const nice = (tid) => Number(readTask('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[16]);
const tids = listTasks('/proc/self/task').map(Number);
console.log(JSON.stringify({ main: nice(process.pid), others: tids.filter((tid) => tid !== process.pid).map(nice) }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout.trim()) as { main: number; others: number[] };
}

describe('lowerOtherThreadsPriority', () => {
  it.runIf(process.platform === 'linux')("lowers V8's and libuv's threads and leaves the calling thread as it was", () => {
    const { main, others } = nicesAfterLowering();
    expect(main).toBe(0);
    expect(others.length).toBeGreaterThan(0);
    for (const nice of others) expect(nice).toBe(10);
  });
});
