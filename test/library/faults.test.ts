/**
 * Files a folder of strangers' articles may hold: FIFOs and devices (found in the scan, or swapped in
 * after it), dangling links, names that are not UTF-8, UTF-16 text, front matter the yaml package
 * warns about, dates that are no day at all or that a time zone would move. Each loads or is reported
 * by name with its real cause, and nothing blocks.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DirectoryError, loadArticleFile, loadArticles } from '../../src/library/load.js';
import { parseMarkdownArticle } from '../../src/library/parse.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-faults-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = '---\ntitle: Harbour reopens\n---\n\nThe harbour reopened on Monday after the storm.\n';
const load = () => loadArticles([dir], { cacheDir: false });
const reasonFor = (problems: { path: string; reason: string }[], name: string) => problems.find((problem) => problem.path.endsWith(name))?.reason;

describe('special files', () => {
  it('a FIFO or a device in a folder is reported by name, not skipped silently and never opened', () => {
    writeFileSync(join(dir, 'good.md'), ARTICLE);
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    execFileSync('mkfifo', [join(dir, 'pipe-without-extension')]);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    const { articles, problems } = load();
    expect(articles.map((article) => article.title)).toEqual(['Harbour reopens']);
    expect(reasonFor(problems, 'pipe.md')).toMatch(/named pipe \(FIFO\), not a file; not read/);
    expect(reasonFor(problems, 'pipe-without-extension')).toMatch(/FIFO/);
    expect(reasonFor(problems, 'zero.md')).toMatch(/character device, not a file; not read/);
  });

  it('a FIFO swapped in after the scan is refused at once, without blocking on open()', () => {
    execFileSync('mkfifo', [join(dir, 'late.md')]);
    const { article, problems } = loadArticleFile(join(dir, 'late.md'), 'late');
    expect(article).toBeUndefined();
    expect(problems[0].reason).toMatch(/not a regular file: a named pipe \(FIFO\)/);
  });
});

describe('messages name the real cause', () => {
  it('a dangling symbolic link says so and names its target', () => {
    symlinkSync(join(dir, 'gone.md'), join(dir, 'link.md'));
    expect(reasonFor(load().problems, 'link.md')).toMatch(/dangling symbolic link: its target .*gone\.md does not exist/);
  });

  it('a file whose name is not valid UTF-8 loads (shown with \ufffd), instead of "removed while loading?"', () => {
    const name = Buffer.concat([Buffer.from(join(dir, 'caf')), Buffer.from([0xe9]), Buffer.from('.md')]);
    writeFileSync(name, ARTICLE);
    const { articles, problems } = load();
    expect(problems).toEqual([]);
    expect(articles.map((article) => [article.id, article.title])).toEqual([['caf\ufffd', 'Harbour reopens']]);
    expect(articles[0].paragraphs[0]).toMatch(/harbour reopened/);
  });

  for (const [encoding, bom] of [['utf16le', [0xff, 0xfe]], ['utf16be', [0xfe, 0xff]]] as const) {
    it(`UTF-16 with a byte-order mark (${encoding}) is decoded, not called binary`, () => {
      const text = Buffer.from(ARTICLE.replace('Harbour', 'Hafen Київ'), 'utf16le');
      if (encoding === 'utf16be') text.swap16();
      writeFileSync(join(dir, 'wide.md'), Buffer.concat([Buffer.from(bom), text]));
      const { articles, problems } = load();
      expect(problems).toEqual([]);
      expect(articles[0]?.title).toBe('Hafen Київ reopens');
    });
  }

  it('--dir "" is a usage error, not the current folder', () => {
    expect(() => loadArticles([''], { cacheDir: false })).toThrow(DirectoryError);
    expect(() => loadArticles(['  '], { cacheDir: false })).toThrow(/empty folder name/);
  });

  it.skipIf(process.getuid?.() === 0)('a --dir that cannot be read is an error, not an empty library', () => {
    mkdirSync(join(dir, 'locked'), { mode: 0o000 });
    expect(() => loadArticles([join(dir, 'locked')], { cacheDir: false })).toThrow(/cannot be read: permission denied/);
  });
});

describe('front matter', () => {
  it('yaml warnings go into the problem list, sanitised, never to stderr', () => {
    const emit = vi.spyOn(process, 'emitWarning');
    const write = vi.spyOn(process.stderr, 'write');
    const { article, warnings } = parseMarkdownArticle('---\ntitle: !foo Harbour\x1b]0;PWN\x07\n---\n\nBody text here.\n', 'x');
    expect(emit).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
    emit.mockRestore();
    write.mockRestore();
    expect(article.title).toBe('Harbour');
    expect(warnings.join(' ')).toMatch(/front matter: Unresolved tag/);
    expect(warnings.join(' ')).not.toMatch(/\x1b|\x07|PWN/);
  });

  const dateOf = (date: string) => {
    const { article, warnings } = parseMarkdownArticle(`---\ntitle: T\ndate: ${date}\n---\n\nBody text here.\n`, 'x');
    return { date: article.date, warnings };
  };

  it('keeps dates in calendar terms east of UTC (TZ=Europe/Kyiv) and west of it', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Europe/Kyiv', 'Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = tz;
        expect(dateOf('March 3, 2024').date, tz).toBe('2024-03-03');
        expect(dateOf('"3 March 2024 23:30"').date, tz).toBe('2024-03-03');
        expect(dateOf('2024-03-03T23:30:00-05:00').date, tz).toBe('2024-03-03');
        expect(dateOf('2024').date, tz).toBe('2024-01-01');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('rejects dates that are no real day, with a message', () => {
    for (const bad of ['99999-01-01', '2025-13-45', '2025-02-30', '2023-02-29', '"+275760-09-13"']) {
      const { date, warnings } = dateOf(bad);
      expect(date, bad).toBeNull();
      expect(warnings.join(' '), bad).toMatch(/date .* (not a real calendar day|outside the years)/);
    }
    expect(dateOf('2024-02-29').date).toBe('2024-02-29');
  });
});
