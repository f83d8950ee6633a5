import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/run-cli.js';

const ESCAPE = /\x1b/;
const mixedFixtures = join(repoRoot, 'test', 'fixtures', 'library', 'mixed');

describe('newsdesk list', () => {
  it('prints the three bundled articles, one a line, with no escape sequences in a pipe', () => {
    const { status, stdout, stderr } = runCli(['list']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^2025-09-07 .* kellogg-mass-attack +Russia's mass attack/);
    expect(stdout).not.toMatch(ESCAPE);
  });

  it('styles output when FORCE_COLOR is set, and not when NO_COLOR or --no-color is', () => {
    expect(runCli(['list'], { FORCE_COLOR: '1' }).stdout).toMatch(ESCAPE);
    expect(runCli(['list'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(ESCAPE);
    expect(runCli(['list', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ESCAPE);
  });

  it('--json prints an array of {id, title, date, source, words, path}', () => {
    const { status, stdout } = runCli(['list', '--json']);
    expect(status).toBe(0);
    const list = JSON.parse(stdout);
    expect(list).toHaveLength(3);
    for (const entry of list) {
      expect(Object.keys(entry).sort()).toEqual(['date', 'id', 'path', 'source', 'title', 'words']);
      expect(typeof entry.words).toBe('number');
      expect(entry.path).toMatch(/articles\/.+\.md$/);
    }
  });

  it('with no command and no terminal, prints the list (exit 0)', () => {
    const { status, stdout } = runCli([]);
    expect(status).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('--dir reads another folder, reports bad files on stderr with their path, and lists the rest', () => {
    const { status, stdout, stderr } = runCli(['--dir', mixedFixtures, 'list']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/\bok\b/);
    expect(stdout).toMatch(/\bescapes\b/);
    expect(stdout).not.toMatch(ESCAPE);
    expect(stderr).toMatch(/binary\.md: binary file/);
    expect(stderr).toMatch(/bad-front-matter\.md: invalid front matter/);
  });

  it('a --dir that does not exist exits 2 with a message naming it', () => {
    const { status, stderr } = runCli(['list', '--dir', '/no/such/dir']);
    expect(status).toBe(2);
    expect(stderr).toBe('newsdesk: --dir /no/such/dir: no such folder\n');
  });
});

describe('newsdesk read', () => {
  it('prints the article wrapped at --width', () => {
    const { status, stdout } = runCli(['read', 'kellogg-mass-attack', '--width', '60']);
    expect(status).toBe(0);
    expect(stdout).toContain('Kellogg');
    expect(stdout).not.toMatch(ESCAPE);
    for (const line of stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('--json prints the article with its paragraphs and metadata', () => {
    const article = JSON.parse(runCli(['read', 'kyiv-strike-ceasefire', '--json']).stdout);
    expect(article.id).toBe('kyiv-strike-ceasefire');
    expect(article.paragraphs).toHaveLength(13);
    expect(article.credits).toEqual(['Image: State Emergency Service of Ukraine']);
    expect(article.related[0].text).toMatch(/^Trump-Putin Talks/);
  });

  it('an unknown id exits 2 with one line and the closest ids', () => {
    const { status, stdout, stderr } = runCli(['read', 'kelog']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/no article with id "kelog"\. Did you mean: kellogg-mass-attack/);
  });
});

describe('options and errors', () => {
  it('--help and --version exit 0', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['list', 'read', 'summary', 'compare']) expect(help.stdout).toContain(command);
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['list', '--width', 'wide'], /--width <columns>.*whole number/],
    [['lst'], /unknown command 'lst'\. Did you mean list\?/],
    [['read'], /missing required argument 'id'/],
    [['list', 'extra'], /too many arguments/],
  ])('%j exits 2 with a one-line message', (args, message) => {
    const { status, stderr } = runCli(args as string[]);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
  });
});

describe('many bad files', () => {
  it('lists the first 20 problems and counts the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-many-bad-'));
    for (let i = 0; i < 45; i++) writeFileSync(join(dir, `empty-${String(i).padStart(2, '0')}.md`), '');
    writeFileSync(join(dir, 'good.md'), '---\ntitle: Good\n---\n\nBody.\n');
    const { status, stdout, stderr } = runCli(['--dir', dir, 'list']);
    rmSync(dir, { recursive: true, force: true });
    expect(status).toBe(0);
    expect(stdout).toMatch(/\bgood\b/);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/empty-00\.md: empty file$/);
    expect(lines[20]).toBe('newsdesk: ... and 25 more files that could not be read');
  });
});
