/**
 * The state file survives the program being killed mid-write: a child process saves the read state in a
 * tight loop and is SIGKILLed at a random moment, again and again; after each kill the file must parse and
 * hold a whole state. And a corrupt state file is set aside with a timestamp and reported once, in the
 * real reader.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stateFilePath } from '../../src/platform/paths.js';
import { loadReadState } from '../../src/state/read-state.js';
import { ensureBuilt, openTerminal, ROOT, type TestTerminal } from '../e2e/helpers/terminal.js';

const KILLS = 30;
let work: string;
let writer: string;

/**
 * The child: saves a state with a growing number of articles (so each write differs in length) as fast
 * as it can, and says "ready" after the first save so the kill lands among writes, not before them.
 */
const WRITER_SOURCE = `
import { saveReadState, markOpened, emptyReadState } from ${JSON.stringify(join(ROOT, 'src', 'state', 'read-state.ts'))};
const directory = process.argv[2];
let state = emptyReadState();
for (let i = 0; ; i++) {
  state = markOpened(state, '/articles/' + process.pid + '/' + i + '-' + 'x'.repeat(i % 97) + '.md', new Date());
  const problem = saveReadState(directory, state);
  if (problem) { console.error(problem.message); process.exit(3); }
  if (i === 0) process.stdout.write('ready\\n');
}
`;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'newsdesk-kill-'));
  const entry = join(work, 'writer-entry.ts');
  writeFileSync(entry, WRITER_SOURCE);
  writer = join(work, 'writer.mjs');
  // The child runs the real src/state code, bundled once for plain node.
  buildSync({ entryPoints: [entry], outfile: writer, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Resolves with the writer's pid once it was killed. */
function writeUntilKilled(directory: string, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, directory], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(child.pid!) : reject(new Error(`writer ended with ${code}: ${stderr}`))));
  });
}

describe('the state file under SIGKILL', () => {
  it(`always holds a whole state after the writer is killed mid-write (${KILLS} kills at random moments)`, async () => {
    const directory = join(work, 'state');
    // Saves merge with the disk, so the file keeps every run's entries: each run's own count shows
    // where in its loop the kill landed.
    const counts = new Set<number>();
    for (let kill = 0; kill < KILLS; kill++) {
      const pid = await writeUntilKilled(directory, Math.floor(Math.random() * 40));
      const text = readFileSync(stateFilePath(directory), 'utf8');
      expect(text.length).toBeGreaterThan(0);
      const parsed = JSON.parse(text) as { articles: Record<string, unknown> };
      const entries = Object.keys(parsed.articles).filter((key) => key.startsWith(`/articles/${pid}/`)).length;
      expect(entries).toBeGreaterThan(0);
      counts.add(entries);
      const { problem } = loadReadState(directory);
      expect(problem).toBeNull();
    }
    // The kills landed at different points of the loop, not all before the first write.
    expect(counts.size).toBeGreaterThan(1);
    expect(readdirSync(directory).filter((name) => name.includes('corrupt'))).toEqual([]);
  }, 120_000);
});

describe('a corrupt state file in the reader', () => {
  let term: TestTerminal | undefined;
  let stateHome: string;
  beforeAll(() => ensureBuilt());
  afterEach(() => {
    term?.dispose();
    term = undefined;
  });

  it('is set aside with a timestamp, reported once, and the reader carries on', async () => {
    stateHome = mkdtempSync(join(work, 'home-'));
    const directory = join(stateHome, 'newsdesk');
    mkdirSync(directory, { recursive: true });
    writeFileSync(stateFilePath(directory), '{"version": 1, "articles": {"/a.md": {"openedAt": "2025-');

    term = openTerminal({ stateHome });
    const screen = await term.waitForText(/corrupt/);
    expect(screen).toMatch(/articles/);
    const aside = readdirSync(directory).filter((name) => /^state\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/.test(name));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(directory, aside[0]), 'utf8')).toContain('"openedAt": "2025-');
    term.press('q');
    expect((await term.waitForExit()).exitCode).toBe(0);
    term.dispose();

    // Second start: nothing to report, the set-aside file is kept.
    term = openTerminal({ stateHome });
    await term.waitForText(/articles/);
    expect(term.screen()).not.toMatch(/corrupt/);
    term.press('q');
    await term.waitForExit();
    expect(existsSync(join(directory, aside[0]))).toBe(true);
  });
});
