/**
 * Two readers saving at the same moment, for real: two processes each save their own read marks as
 * fast as they can, merged with the disk under the state file's lock. Every mark of both must be on
 * disk at the end; without the lock the second of two overlapping saves drops the first one's change.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReadState } from '../../src/state/read-state.js';
import { ROOT } from '../e2e/helpers/terminal.js';

const SAVES = 150;
let work: string;
let saver: string;

/** The child: waits for "go" on stdin, then opens SAVES articles of its own, saving after each as a reader does. */
const SAVER_SOURCE = `
import { loadReadState, markOpened, saveReadStateMerged } from ${JSON.stringify(join(ROOT, 'src', 'state', 'read-state.ts'))};
const [directory, name, count] = process.argv.slice(2);
process.stdout.write('ready\\n');
process.stdin.once('data', () => {
  let base = loadReadState(directory).state;
  let state = base;
  for (let i = 0; i < Number(count); i++) {
    state = markOpened(state, '/' + name + '/' + i + '.md', new Date());
    const { problem } = saveReadStateMerged(directory, state, base);
    if (problem) { console.error(problem.message); process.exit(3); }
    base = state;
  }
  process.exit(0);
});
`;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'newsdesk-concurrent-'));
  const entry = join(work, 'saver-entry.ts');
  writeFileSync(entry, SAVER_SOURCE);
  saver = join(work, 'saver.mjs');
  // The children run the real src/state code, bundled once for plain node.
  buildSync({ entryPoints: [entry], outfile: saver, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function startSaver(directory: string, name: string) {
  const child = spawn(process.execPath, [saver, directory, name, String(SAVES)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const done = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`saver ${name} ended with ${code}: ${stderr}`)))),
  );
  return { child, ready, done };
}

describe('two readers saving at once', () => {
  it(`lose nothing: ${SAVES} saves each from two processes at the same moment`, async () => {
    const directory = join(work, 'state');
    const savers = [startSaver(directory, 'a'), startSaver(directory, 'b')];
    await Promise.all(savers.map((s) => s.ready));
    for (const { child } of savers) child.stdin.end('go\n');
    await Promise.all(savers.map((s) => s.done));
    const { state, problem } = loadReadState(directory);
    expect(problem).toBeNull();
    const keys = Object.keys(state.articles);
    const missing = ['a', 'b'].flatMap((name) => Array.from({ length: SAVES }, (_, i) => `/${name}/${i}.md`)).filter((key) => !(key in state.articles));
    expect(missing).toEqual([]);
    expect(keys).toHaveLength(2 * SAVES);
    // The lock is released at the end, and nothing is left beside the state file.
    expect(readdirSync(directory).sort()).toEqual(['state.json']);
  }, 60_000);
});
