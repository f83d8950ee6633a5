/**
 * Faults at the command line and in the cache, through the built program: a full disk, empty
 * arguments, a topic carrying escape sequences, cache files changed behind newsdesk's back (index,
 * body segment, cached comparison output), an edit the size and mtime cannot see, temporaries left by
 * kill -9, and the yaml package's warnings. Output is scanned for any escape sequence at all.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { binPath, repoRoot } from './helpers/run-cli.js';

let work: string;
let dir: string;
let cache: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'newsdesk-cli-faults-'));
  dir = join(work, 'articles');
  cache = join(work, 'cache');
  mkdirSync(dir);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const cli = (args: string[]) => runCli(args, { XDG_CACHE_HOME: cache, XDG_STATE_HOME: join(work, 'state') });
const ESC = /[\x1b\x07\x9b\x9d]/;

function article(name: string, title: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `---\ntitle: ${title}\ndate: 2025-03-01\n---\n\n${body}\n`);
  return path;
}

function cacheFiles(pattern: RegExp): string[] {
  const folder = join(cache, 'newsdesk');
  return existsSync(folder) ? readdirSync(folder).filter((name) => pattern.test(name)).map((name) => join(folder, name)) : [];
}

describe('usage errors exit 2 with a message', () => {
  it('an empty topic, an empty --dir', () => {
    article('a.md', 'Talks', 'The minister said the truce would hold.');
    for (const args of [['compare', ''], ['compare', '   '], ['--dir', '', 'list'], ['list', '--dir', ' ']]) {
      const result = cli(args.includes('--dir') ? args : [...args, '--dir', dir]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^newsdesk: .*(topic is empty|empty folder name)/);
    }
  });
});

describe('output that cannot be written', () => {
  it('list > /dev/full: one line naming the failure, exit 1, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    const result = spawnSync(process.execPath, [binPath, 'list'], { cwd: repoRoot, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache } });
    closeSync(full);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('newsdesk: could not write the output: no space left on device (ENOSPC)\n');
  });
});

describe('text from the command line', () => {
  it('a topic with escape sequences is cleaned before it is echoed', () => {
    article('a.md', 'Talks', 'The minister said the truce would hold.');
    const result = cli(['compare', '\x1b]0;PWN\x07tru\x1b[2Jce', '--dir', dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}Topic: truce/);
    expect(result.stdout).not.toMatch(ESC);
    expect(result.stdout).not.toContain('PWN');
  });
});

describe('the yaml package’s warnings', () => {
  it('are reported through the problem list, sanitised, instead of echoing the raw line', () => {
    writeFileSync(join(dir, 'tagged.md'), '---\ntitle: !foo Harbour\x1b]0;PWN\x07\n---\n\nThe harbour reopened.\n');
    const result = cli(['list', '--dir', dir]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/tagged\.md: front matter: Unresolved tag/);
    expect(result.stderr + result.stdout).not.toMatch(ESC);
    expect(result.stderr + result.stdout).not.toContain('PWN');
  });
});

describe('the cache', () => {
  it('is not fooled by an edit that keeps the size and puts the mtime back (touch -r)', () => {
    const path = article('a.md', 'Harbour', 'The harbour reopened on Monday.');
    expect(cli(['read', 'a', '--dir', dir]).stdout).toContain('reopened on Monday');
    const reference = join(work, 'reference');
    execFileSync('cp', ['-p', path, reference]);
    writeFileSync(path, readFileSync(path, 'utf8').replace('Monday', 'Friday'));
    execFileSync('touch', ['-r', reference, path]);
    expect(statSync(path).mtimeMs).toBe(statSync(reference).mtimeMs);
    expect(statSync(path).size).toBe(statSync(reference).size);
    expect(cli(['read', 'a', '--dir', dir]).stdout).toContain('reopened on Friday');
  });

  it('detects a corrupt body segment and parses the file again', () => {
    article('a.md', 'Harbour', 'The harbour reopened on Monday after the storm.');
    cli(['list', '--dir', dir]);
    const [segment] = cacheFiles(/^bodies-.*\.bin$/);
    const bytes = readFileSync(segment);
    writeFileSync(segment, Buffer.from(bytes.toString('latin1').replace('Monday', 'XXXXXX'), 'latin1'));
    const result = cli(['read', 'a', '--dir', dir]);
    expect(result.stdout).toContain('reopened on Monday');
    expect(result.stdout).not.toContain('XXXXXX');
  });

  it('cleans text read back from a tampered index and cached comparison output', () => {
    article('a.md', 'Harbour', 'The minister said the truce would hold.');
    cli(['list', '--dir', dir]);
    cli(['compare', 'truce', '--dir', dir]);
    const [index] = cacheFiles(/^library-.*\.json$/);
    writeFileSync(index, readFileSync(index, 'utf8').replace('"title":"Harbour"', '"title":"\\u001b]0;PWN\\u0007Harbour\\u001b[2J"'));
    const listed = cli(['list', '--dir', dir]);
    expect(listed.stdout).toContain('Harbour');
    expect(listed.stdout).not.toMatch(ESC);
    const [output] = cacheFiles(/^compare-.*\.out$/);
    writeFileSync(output, readFileSync(output, 'utf8').replace('Topic: truce', 'Topic: truce\x1b]52;c;cm0gLXJm\x07\x1b[2J\x9b31m'));
    const compared = cli(['compare', 'truce', '--dir', dir]);
    expect(compared.stdout).toMatch(/^ {2}Topic: truce/);
    expect(compared.stdout).not.toMatch(ESC);
    expect(compared.stdout).not.toContain('cm0gLXJm');
  });

  it('a cached comparison or story list is the same output and the same notes, and goes stale with any file', () => {
    article('a.md', 'Harbour', 'The minister said the truce would hold.');
    article('b.md', 'Port', 'Officials said the truce was fragile.');
    writeFileSync(join(dir, 'empty.md'), '');
    for (const args of [['compare', 'truce', '--json'], ['compare', 'truce'], ['stories', '--json']]) {
      const first = cli([...args, '--dir', dir]);
      expect(first.stderr, args.join(' ')).toContain('empty.md: empty file');
      const second = cli([...args, '--dir', dir]);
      expect(second.stdout, args.join(' ')).toBe(first.stdout);
      expect(second.stderr, args.join(' ')).toBe(first.stderr);
    }
    // The index says nothing to a cached run: a hit reads only the files' stamps and its entry.
    for (const index of cacheFiles(/^library-.*\.json$/)) rmSync(index);
    expect(cli(['compare', 'truce', '--json', '--dir', dir]).stdout).toContain('"title": "Harbour"');
    expect(cacheFiles(/^library-.*\.json$/)).toEqual([]);
    article('a.md', 'Harbour again', 'The minister said the truce would fail.');
    const changed = cli(['compare', 'truce', '--json', '--dir', dir]);
    expect(changed.stdout).toContain('"title": "Harbour again"');
  });

  it('removes temporaries a killed newsdesk left (bodies-*.tmp, index temporaries)', () => {
    article('a.md', 'Harbour', 'The harbour reopened.');
    cli(['list', '--dir', dir]);
    const folder = join(cache, 'newsdesk');
    // Process ids wrap below 2^22 on Linux: these writers cannot be running.
    const dead = [`bodies-0123-abc-deadbeef.bin.${2 ** 22 + 5}.tmp`, `.library-0123.json.${2 ** 22 + 6}.1700000000000.tmp`];
    for (const name of dead) writeFileSync(join(folder, name), 'half written');
    article('b.md', 'Second', 'Another report.');
    cli(['list', '--dir', dir]);
    for (const name of dead) expect(existsSync(join(folder, name)), name).toBe(false);
  });
});
