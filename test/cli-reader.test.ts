import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../src/render/text.js';
import { runCli } from './helpers/run-cli.js';

const made: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-reader-cli-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const LONG_TITLE = 'A very long headline about a harbour council that voted on a new ferry timetable after months of argument';

describe('list fits the width', () => {
  it('cuts titles with … and keeps ids and the reading time aligned on every line', () => {
    const dir = folder({ 'ferry.md': `---\ntitle: ${LONG_TITLE}\ndate: 2025-01-02\n---\n\nBody text.\n`, 'b.md': '---\ntitle: Short one\n---\n\nOne.\n' });
    for (const width of [40, 60, 80]) {
      const { status, stdout } = runCli(['list', '--dir', dir, '--width', String(width)]);
      expect(status).toBe(0);
      const lines = stdout.trimEnd().split('\n');
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      const ferry = lines.find((line) => line.includes('ferry'))!;
      expect(ferry).toMatch(/… · 1 min$/);
      // Titles start in the same column on every line.
      const starts = lines.map((line) => line.search(/A very|Short one/));
      expect(new Set(starts).size).toBe(1);
    }
  });

  it('says "1 word", not "1 words"', () => {
    const dir = folder({ 'one.md': '---\ntitle: One\n---\n\nWord\n' });
    expect(runCli(['list', '--dir', dir]).stdout).toMatch(/ 1 word {2}/);
    expect(runCli(['read', 'one', '--dir', dir]).stdout).toMatch(/1 word · 1 min read/);
  });

  it('says "no articles in DIR" on stderr for an empty folder, and exits 0', () => {
    const dir = folder({});
    const { status, stdout, stderr } = runCli(['list', '--dir', dir]);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`newsdesk: no articles in ${dir}\n`);
  });
});

describe('ids', () => {
  it('gives same-named files the shortest end of their path, whatever else is in the folders', () => {
    const first = folder({ 'inner/ferry.md': '---\ntitle: Inner ferry\n---\n\nA.\n', 'ferry.md': '---\ntitle: Top ferry\n---\n\nB.\n' });
    const second = folder({ 'inner/ferry.md': '---\ntitle: Other inner ferry\n---\n\nC.\n' });
    const ids = () => JSON.parse(runCli(['list', '--json', '--dir', first, '--dir', second]).stdout).map((a: { id: string; title: string }) => `${a.id}=${a.title}`).sort();
    const before = ids();
    expect(before.join('\n')).not.toMatch(/~/);
    const base = (dir: string) => dir.split('/').pop();
    expect(before).toContain(`${base(first)}/inner/ferry=Inner ferry`);
    expect(before).toContain(`${base(second)}/inner/ferry=Other inner ferry`);
    expect(before).toContain(`${base(first)}/ferry=Top ferry`);
    // Adding an unrelated file changes no id.
    writeFileSync(join(first, 'aaa.md'), '---\ntitle: Unrelated\n---\n\nD.\n');
    const after = ids();
    expect(after.filter((entry: string) => !entry.includes('Unrelated'))).toEqual(before);
  });

  it('an ambiguous prefix says so and lists the matches', () => {
    const { status, stderr } = runCli(['read', 'k']);
    expect(status).toBe(2);
    expect(stderr).toBe('newsdesk: id "k" is ambiguous: 2 ids start with it: kellogg-mass-attack, kyiv-strike-ceasefire. Type more of the id.\n');
  });
});

describe('options the reader would ignore', () => {
  it('--json with no command prints the list as JSON', () => {
    const { status, stdout } = runCli(['--json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(3);
  });
});

describe('evidence pointers', () => {
  it('are written in words: "para 2, sentence 5"', () => {
    const { stdout } = runCli(['summary', 'kyiv-strike-ceasefire', '--width', '100']);
    expect(stdout).toMatch(/para \d+, sentence \d+/);
    expect(stdout).not.toMatch(/¶\d/);
  });
});
