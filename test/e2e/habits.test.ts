import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_ARTICLES, KEYS, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

let term: TestTerminal | undefined;
const folders: string[] = [];
beforeAll(() => ensureBuilt());
afterEach(() => {
  term?.dispose();
  term = undefined;
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

function article(title: string, body: string): string {
  return `---\ntitle: ${title}\ndate: 2025-01-02\n---\n\n${body}\n`;
}

describe('reader habits in a real terminal', () => {
  it('q backs out one level and quits on the list; Q quits from anywhere', async () => {
    term = openTerminal({ args: ['--dir', BUNDLED_ARTICLES], cols: 80, rows: 24 });
    await term.waitForText('newsdesk ·');
    term.press(KEYS.enter);
    await term.waitForText(/min read/);
    term.press('?');
    await term.waitForText('Help: keys');
    term.press('q');
    await term.waitForText(/min read/);
    term.press('q');
    await term.waitForText('newsdesk ·');
    expect(term.exited).toBe(false);
    term.press(KEYS.enter);
    await term.waitForText(/\d+%/);
    term.press('Q');
    expect((await term.waitForExit()).exitCode).toBe(0);
    expect(term.leftAlternateScreen()).toBe(true);
  });

  it('shows the position in the list, marks read and unread, and marks all read', async () => {
    term = openTerminal({ args: ['--dir', BUNDLED_ARTICLES], cols: 80, rows: 24 });
    await term.waitForText('1/3');
    term.press('j');
    await term.waitForText('2/3');
    // Three unread marks, then one article marked read, then unread again, then all read.
    const unreadRows = () => term!.lines().filter((line) => /^.• /.test(line)).length;
    expect(unreadRows()).toBe(3);
    term.press('m');
    await term.waitForText('Marked read');
    expect(unreadRows()).toBe(2);
    term.press('m');
    await term.waitForText('Marked unread');
    expect(unreadRows()).toBe(3);
    term.press('M');
    await term.waitForText('Marked 3 articles read');
    expect(unreadRows()).toBe(0);
    term.press('q');
    await term.waitForExit();
  });

  it('keeps read state when the folder moves (keyed by the path inside it and the content)', async () => {
    const first = tempDir('newsdesk-move-a-');
    writeFileSync(join(first, 'ferry.md'), article('Ferry timetable', 'The council voted.'));
    writeFileSync(join(first, 'tram.md'), article('Tram line', 'The tram runs.'));
    const stateHome = tempDir('newsdesk-move-state-');
    term = openTerminal({ args: ['--dir', first], cols: 80, rows: 24, stateHome });
    await term.waitForText('1/2');
    term.press('m');
    await term.waitForText('Marked read');
    term.press('q');
    await term.waitForExit();
    term.dispose();
    const moved = join(tempDir('newsdesk-move-b-'), 'elsewhere');
    mkdirSync(moved);
    cpSync(first, moved, { recursive: true });
    term = openTerminal({ args: ['--dir', moved], cols: 80, rows: 24, stateHome });
    await term.waitForText('1/2');
    expect(term.lines().filter((line) => /^.• /.test(line))).toHaveLength(1);
    term.press('q');
    await term.waitForExit();
  });

  it('r reloads the library from disk: a new file shows without a restart', async () => {
    const dir = tempDir('newsdesk-reload-');
    writeFileSync(join(dir, 'ferry.md'), article('Ferry timetable', 'The council voted.'));
    term = openTerminal({ args: ['--dir', dir], cols: 80, rows: 24 });
    await term.waitForText('newsdesk · 1 article');
    writeFileSync(join(dir, 'tram.md'), article('Tram line reopens', 'The tram runs.'));
    term.press('r');
    await term.waitForText('Refreshed: 1 new article');
    expect(term.screen()).toContain('Tram line reopens');
    term.press('q');
    await term.waitForExit();
  });

  it('search: Enter on an empty search repeats the last one, wrapping says so, n starts from the top of the screen after a jump', async () => {
    const dir = tempDir('newsdesk-search-');
    const paragraphs = Array.from({ length: 60 }, (_, i) => (i % 20 === 0 ? `Paragraph ${i} names the harbour.` : `Paragraph ${i} is filler text.`));
    writeFileSync(join(dir, 'long.md'), article('A long one', paragraphs.join('\n\n')));
    term = openTerminal({ args: ['--dir', dir], cols: 60, rows: 12 });
    await term.waitForText('newsdesk · 1 article');
    term.press(KEYS.enter);
    await term.waitForText(/min read/);
    term.press('/');
    term.type('harbour');
    term.press(KEYS.enter);
    await term.waitForText('/harbour 1/3');
    term.press('n', 'n');
    await term.waitForText('/harbour 3/3');
    term.press('n');
    await term.waitForText('search wrapped');
    await term.waitForText('/harbour 1/3');
    // A jump to the end: n now searches from the top of the screen, not from match 1.
    term.press('G');
    await term.waitForText('100%');
    term.press('g');
    term.press('/', KEYS.enter);
    await term.waitForText('/harbour 1/3');
    term.press(KEYS.end);
    await term.waitForText('100%');
    term.press('N');
    await term.waitForText('/harbour 3/3');
    term.press('q', 'q');
    await term.waitForExit();
  });

  it('resizing keeps the search position ("2/2" stays "2/2")', async () => {
    const dir = tempDir('newsdesk-resize-search-');
    const paragraphs = Array.from({ length: 30 }, (_, i) => (i === 3 || i === 20 ? `Paragraph ${i} names the harbour.` : `Paragraph ${i} is filler text for the test.`));
    writeFileSync(join(dir, 'long.md'), article('A long one', paragraphs.join('\n\n')));
    term = openTerminal({ args: ['--dir', dir], cols: 80, rows: 20 });
    await term.waitForText('newsdesk · 1 article');
    term.press(KEYS.enter);
    await term.waitForText(/min read/);
    term.press('/');
    term.type('harbour');
    term.press(KEYS.enter, 'n');
    await term.waitForText('/harbour 2/2');
    term.resize(50, 16);
    await term.waitForText('/harbour 2/2');
    term.resize(90, 20);
    await term.waitForText('/harbour 2/2');
    term.press('Q');
    await term.waitForExit();
  });

  it('offers no "Tab links" on an article without links', async () => {
    const dir = tempDir('newsdesk-nolinks-');
    writeFileSync(join(dir, 'plain.md'), article('No links here', 'Just text.'));
    term = openTerminal({ args: ['--dir', dir], cols: 120, rows: 20 });
    await term.waitForText('newsdesk · 1 article');
    term.press(KEYS.enter);
    await term.waitForText(/min read/);
    await term.waitForText('j/k scroll');
    expect(term.screen()).not.toContain('Tab links');
    term.press('Q');
    await term.waitForExit();
  });

  it('a load warning sits beside the title, the key hints stay, and ! shows the details', async () => {
    const dir = tempDir('newsdesk-warning-');
    writeFileSync(join(dir, 'good.md'), article('A good one', 'Text.'));
    writeFileSync(join(dir, 'empty.md'), '');
    term = openTerminal({ args: ['--dir', dir], cols: 100, rows: 20 });
    const screen = await term.waitForText('1 file not loaded');
    expect(screen).toMatch(/Enter open/);
    term.press('!');
    await term.waitForText(/empty\.md: empty file/);
    term.press('q');
    await term.waitForText('Enter open');
    term.press('q');
    await term.waitForExit();
  });

  it('prints the corrupt-state message on stderr at exit with the full path set aside', async () => {
    const stateHome = tempDir('newsdesk-corrupt-');
    mkdirSync(join(stateHome, 'newsdesk'));
    writeFileSync(join(stateHome, 'newsdesk', 'state.json'), '{not json');
    term = openTerminal({ args: ['--dir', BUNDLED_ARTICLES], cols: 80, rows: 24, stateHome });
    await term.waitForText('newsdesk ·');
    term.press('q');
    await term.waitForExit();
    // After the alternate screen is left, the message is in the normal buffer, whole.
    const after = term.lines().join('');
    expect(after).toMatch(new RegExp(`set aside as ${join(stateHome, 'newsdesk', 'state.json.corrupt-').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
  });

  it('a config file remaps keys (help shows them), sets the topic, and a bad one names file, line and key', async () => {
    const configHome = tempDir('newsdesk-config-');
    mkdirSync(join(configHome, 'newsdesk'));
    const file = join(configHome, 'newsdesk', 'config.yml');
    writeFileSync(file, 'keys:\n  line-down: x\n  help: H\ntopic: truce\n');
    term = openTerminal({ args: ['--dir', BUNDLED_ARTICLES], cols: 100, rows: 40, env: { XDG_CONFIG_HOME: configHome } });
    await term.waitForText('1/3');
    term.press('x');
    await term.waitForText('2/3');
    term.press('H');
    await term.waitForText('Help: keys');
    expect(term.screen()).toMatch(/x\s+down a line/);
    term.press('q', 'c');
    await term.waitForText('Comparison: truce', 30_000);
    term.press('Q');
    await term.waitForExit();
    term.dispose();

    writeFileSync(file, 'keys:\n  line-down: x\n  flyaway: y\n');
    term = openTerminal({ args: ['--dir', BUNDLED_ARTICLES], cols: 160, rows: 20, env: { XDG_CONFIG_HOME: configHome } });
    await term.waitForText('Config:');
    term.press('!');
    await term.waitForText(/config\.yml:3: keys\.flyaway: unknown command "flyaway"/);
    term.press('q');
    term.press('j');
    await term.waitForText('2/3'); // the defaults are in force
    term.press('q');
    await term.waitForExit();
    expect(readFileSync(file, 'utf8')).toContain('flyaway'); // the file is never rewritten
  });

  it('scrolls with the mouse wheel only when the config turns it on', async () => {
    const configHome = tempDir('newsdesk-mouse-');
    mkdirSync(join(configHome, 'newsdesk'));
    writeFileSync(join(configHome, 'newsdesk', 'config.yml'), 'mouse: true\n');
    term = openTerminal({ args: ['--dir', BUNDLED_ARTICLES], cols: 80, rows: 24, env: { XDG_CONFIG_HOME: configHome } });
    await term.waitForText('1/3');
    // The first frame is drawn before the reader turns reporting on: wait for it.
    await term.waitFor(() => term!.escapeSequences().join('').includes('\x1b[?1000h'));
    term.press('\x1b[<65;10;5M');
    await term.waitForText('3/3');
    term.press('\x1b[<64;10;5M');
    await term.waitForText('1/3');
    term.press('q');
    await term.waitForExit();
    expect(term.escapeSequences().join('')).toContain('\x1b[?1000l');
  });

  it('never turns mouse reporting on without the config', async () => {
    term = openTerminal({ args: ['--dir', BUNDLED_ARTICLES], cols: 80, rows: 24 });
    await term.waitForText('1/3');
    term.press('q');
    await term.waitForExit();
    expect(term.escapeSequences().join('')).not.toContain('\x1b[?1000h');
  });

  it('chooses the comparison topic from a menu (ink-select-input), or types one', async () => {
    term = openTerminal({ args: ['--dir', BUNDLED_ARTICLES], cols: 100, rows: 24 });
    await term.waitForText('1/3');
    term.press('T');
    await term.waitForText('Compare: choose a topic');
    expect(term.screen()).toContain('ceasefire');
    term.press('j');
    await term.waitForText('❯ Type a topic…');
    term.press(KEYS.enter);
    await term.waitForText('Topic: _');
    term.type('sanctions');
    term.press(KEYS.enter);
    await term.waitForText('Comparison: sanctions', 30_000);
    await term.waitForText(/Topic: sanctions · \d+ statement/, 30_000);
    term.press('/');
    term.type('sanction');
    term.press(KEYS.enter);
    await term.waitForText(/\/sanction (\d+)\/\d+|Not found: sanction/);
    term.press('Q');
    await term.waitForExit();
  });
});
