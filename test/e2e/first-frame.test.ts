import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xtermHeadless from '@xterm/headless';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENTER_ALTERNATE_SCREEN, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

// The reader writes the list before Ink has loaded, then Ink draws its own first frame over it. The
// first frame ends by homing the cursor with CSI 1;1 H, which Ink never writes: what comes before it is
// the frame drawn without Ink. The two must look the same, cell for cell, or the screen would jump.
const FIRST_FRAME_END = '\x1b[1;1H';
const { Terminal } = xtermHeadless;

/** Every cell of the screen those bytes leave: its text, bold, inverse and colours. */
async function cells(bytes: string, cols: number, rows: number): Promise<string[]> {
  const term = new Terminal({ cols, rows, allowProposedApi: true });
  await new Promise<void>((done) => term.write(bytes, done));
  const buffer = term.buffer.active;
  const cell = buffer.getNullCell();
  const out: string[] = [];
  for (let y = 0; y < rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y)!;
    let row = '';
    for (let x = 0; x < cols; x++) {
      line.getCell(x, cell);
      row += `${cell.getChars() || ' '}\0${cell.isBold() ? 'b' : ''}${cell.isInverse() ? 'i' : ''}${cell.getFgColor()}/${cell.getBgColor()}|`;
    }
    out.push(row);
  }
  term.dispose();
  return out;
}

/** The list frames the reader saved for its next start (src/tui/frame-snapshot.ts). */
function savedFrames(stateHome: string): string[] {
  const dir = join(stateHome, 'cache', 'newsdesk');
  return existsSync(dir) ? readdirSync(dir).filter((name) => /^first-frame-.*\.json$/.test(name)).map((name) => join(dir, name)) : [];
}

let term: TestTerminal | undefined;
const temps: string[] = [];
beforeAll(() => ensureBuilt());
afterEach(() => {
  term?.dispose();
  term = undefined;
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts the reader and returns the raw output once Ink has drawn over the first frame and settled. */
async function start(stateHome: string, env: Record<string, string | undefined>, cols = 80, rows = 24): Promise<{ output: string; boundary: number }> {
  term = openTerminal({ cols, rows, stateHome, env });
  const running = term;
  // Ink's frame is whatever arrives after the first one; it has come once the list shows again after it.
  await running.waitFor(() => {
    const at = running.output.indexOf(FIRST_FRAME_END);
    return at >= 0 && running.output.slice(at + FIRST_FRAME_END.length).includes('newsdesk');
  }, 30_000);
  return { output: running.output, boundary: running.output.indexOf(FIRST_FRAME_END) + FIRST_FRAME_END.length };
}

describe('the first frame, before Ink', () => {
  for (const [name, env] of [
    ['in colour', {}],
    ['with NO_COLOR', { NO_COLOR: '1' }],
  ] as const) {
    it(`is the frame Ink then draws, cell for cell, from a cold and a warm cache and from the frame saved last time (${name})`, async () => {
      const stateHome = mkdtempSync(join(tmpdir(), 'newsdesk-first-frame-'));
      temps.push(stateHome);
      for (const run of ['cold cache', 'warm cache', 'saved frame']) {
        expect(savedFrames(stateHome).length, run).toBe(run === 'saved frame' ? 1 : run === 'warm cache' ? 1 : 0);
        const { output, boundary } = await start(stateHome, env);
        const before = output.slice(0, boundary);
        const after = output.slice(boundary);
        expect(before.startsWith(ENTER_ALTERNATE_SCREEN), run).toBe(true);
        // Ink neither blanks the screen nor enters it again: it draws over the frame that is there.
        expect(after, run).not.toContain('\x1b[2J');
        expect(after, run).not.toContain(ENTER_ALTERNATE_SCREEN);
        const first = await cells(before, 80, 24);
        // The first frame is the list (its title, bold in colour), not a blank screen.
        expect(first[0].split('|').map((cell) => cell.split('\0')[0]).join(''), run).toMatch(/^newsdesk · 3 articles/);
        expect(first, run).toEqual(await cells(output, 80, 24));
        term!.press('q');
        await term!.waitForExit();
        term!.dispose();
        term = undefined;
      }
    });
  }

  it('draws the frame the reader left last time, only while its library and read state are unchanged', async () => {
    const stateHome = mkdtempSync(join(tmpdir(), 'newsdesk-first-frame-'));
    temps.push(stateHome);
    const quit = async (): Promise<void> => {
      // Q quits from an open article too (q would back out to the list).
      term!.press('Q');
      await term!.waitForExit();
      term!.dispose();
      term = undefined;
    };
    await start(stateHome, {});
    await quit();
    // The saved frame, its title changed: a start that draws this title drew the saved frame.
    const [path] = savedFrames(stateHome);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { key: string; header: string };
    writeFileSync(path, JSON.stringify({ ...saved, header: 'newsdesk · saved frame' }));
    let { output, boundary } = await start(stateHome, {});
    expect(output.slice(0, boundary)).toContain('newsdesk · saved frame');
    // Ink then draws the library as loaded.
    await term!.waitForText('newsdesk · 3 articles');
    // Opening an article changes the read state: the frame saved before is of another state.
    term!.press('\r');
    await term!.waitFor((screen) => !screen.includes('newsdesk · 3 articles'));
    await quit();
    expect(JSON.parse(readFileSync(path, 'utf8')).key).not.toBe(saved.key);
    writeFileSync(path, JSON.stringify({ ...saved, header: 'newsdesk · stale frame' }));
    ({ output, boundary } = await start(stateHome, {}));
    expect(output.slice(0, boundary)).not.toContain('stale frame');
    expect(output.slice(0, boundary)).toContain('newsdesk · 3 articles');
    // A saved line with a control character in it is not drawn either.
    await quit();
    const current = JSON.parse(readFileSync(path, 'utf8')) as { header: string };
    writeFileSync(path, JSON.stringify({ ...current, header: 'newsdesk \u0007 bell' }));
    ({ output, boundary } = await start(stateHome, {}));
    expect(output.slice(0, boundary)).not.toContain('\u0007');
    expect(output.slice(0, boundary)).toContain('newsdesk · 3 articles');
  });

  it('shows the read marks, the position and the keys of the config file as Ink then does', async () => {
    const stateHome = mkdtempSync(join(tmpdir(), 'newsdesk-first-frame-'));
    temps.push(stateHome);
    // A remapped key: the first frame's hints must name it as Ink's do.
    mkdirSync(join(stateHome, 'config', 'newsdesk'), { recursive: true });
    writeFileSync(join(stateHome, 'config', 'newsdesk', 'config.yml'), 'keys:\n  filter: f\n');
    term = openTerminal({ cols: 80, rows: 24, stateHome });
    await term.waitForText('1/3');
    // The first and the third article read: two unread marks go.
    term.press('m');
    await term.waitForText('Marked read');
    term.press('j', 'j', 'm');
    await term.waitForText('3/3');
    await term.waitForText('Marked read');
    term.press('q');
    await term.waitForExit();
    term.dispose();
    term = undefined;
    const { output, boundary } = await start(stateHome, {});
    const first = await cells(output.slice(0, boundary), 80, 24);
    const text = first.map((row) => row.split('|').map((cell) => cell.split('\0')[0]).join('').trimEnd());
    // One unread mark left, the position, and the remapped filter key in the hints.
    expect(text.slice(1, 4).filter((row) => row.includes('•'))).toHaveLength(1);
    const status = text.find((row) => row.includes('1/3')) ?? '';
    expect(status).toContain('f filter');
    expect(first).toEqual(await cells(output, 80, 24));
    term!.press('q');
    await term!.waitForExit();
  });

  it('draws a large library with no cache from its front matter alone, as Ink then draws it once every file is read', async () => {
    const stateHome = mkdtempSync(join(tmpdir(), 'newsdesk-first-frame-'));
    temps.push(stateHome);
    const library = join(stateHome, 'library');
    // Enough files for the first look at front matter (load.ts), some without any (parsed in full).
    for (let i = 0; i < 320; i++) {
      const folder = join(library, `part-${i % 4}`);
      mkdirSync(folder, { recursive: true });
      const day = String((i % 28) + 1).padStart(2, '0');
      const text =
        i % 5 === 0
          ? `# Heading only ${i}\n\n${'Words of the body. '.repeat(i % 40)}End.\n`
          : `---\ntitle: Front matter ${i}\ndate: 2024-03-${day}\nsource: Wire ${i % 3}\n---\n\n${'A sentence of text. '.repeat((i * 7) % 300)}End.\n`;
      writeFileSync(join(folder, `a-${i}.md`), text);
    }
    term = openTerminal({ cols: 80, rows: 24, stateHome, args: ['--dir', library] });
    const running = term;
    await running.waitFor(() => {
      const at = running.output.indexOf(FIRST_FRAME_END);
      return at >= 0 && running.output.slice(at + FIRST_FRAME_END.length).includes('newsdesk');
    }, 60_000);
    const output = running.output;
    const first = await cells(output.slice(0, output.indexOf(FIRST_FRAME_END) + FIRST_FRAME_END.length), 80, 24);
    expect(first[0].split('|').map((cell) => cell.split('\0')[0]).join('')).toMatch(/^newsdesk · 320 articles/);
    // The reading times of the rows shown come from each file's body, parsed for the row.
    expect(first, 'first frame vs Ink').toEqual(await cells(output, 80, 24));
    running.press('q');
    await running.waitForExit();
    // The full load behind it built the cache: the next start draws from the cache index.
    expect(existsSync(join(stateHome, 'cache', 'newsdesk'))).toBe(true);
  });

  it('keeps a key pressed before Ink has loaded', async () => {
    const stateHome = mkdtempSync(join(tmpdir(), 'newsdesk-first-frame-'));
    temps.push(stateHome);
    term = openTerminal({ cols: 80, rows: 24, stateHome });
    const running = term;
    await running.waitFor(() => running.output.includes(FIRST_FRAME_END), 30_000);
    running.press('j');
    // The selection marker moves to the second article once Ink reads the key.
    const screen = await running.waitFor((text) => text.split('\n')[2]?.startsWith('>') ?? false, 30_000);
    expect(screen.split('\n')[1].startsWith('>')).toBe(false);
  });

  it('starts on the cached library while the files are checked, then shows what changed on disk since', async () => {
    const stateHome = mkdtempSync(join(tmpdir(), 'newsdesk-first-frame-'));
    temps.push(stateHome);
    const library = join(stateHome, 'library');
    mkdirSync(library, { recursive: true });
    const article = (i: number) => `---\ntitle: Cached article ${i}\ndate: 2024-03-0${i}\n---\n\nA body of text ${i}.\n`;
    for (let i = 1; i <= 2; i++) writeFileSync(join(library, `a-${i}.md`), article(i));
    const run = async (): Promise<string> => {
      term = openTerminal({ cols: 80, rows: 24, stateHome, args: ['--dir', library] });
      const screen = await term.waitForText('newsdesk · ', 30_000);
      return screen;
    };
    const quit = async (): Promise<void> => {
      term!.press('q');
      await term!.waitForExit();
      term!.dispose();
      term = undefined;
    };
    await run();
    await term!.waitForText('newsdesk · 2 articles');
    await quit();
    // Unchanged: the reader stays on the cached library and says nothing of it.
    await run();
    await term!.waitForText('newsdesk · 2 articles');
    term!.press('j');
    await term!.waitFor((screen) => screen.split('\n')[2]?.startsWith('>') ?? false, 30_000);
    expect(term!.screen()).not.toContain('Files changed');
    await quit();
    // A file added and one edited since: the first frame is the cached library's, then the check
    // finds the change and the list is the library on disk.
    writeFileSync(join(library, 'a-3.md'), article(3));
    writeFileSync(join(library, 'a-1.md'), article(1).replace('Cached article 1', 'Edited article 1'));
    await run();
    const updated = await term!.waitForText('Files changed since the last start: 1 new, 1 edited', 30_000);
    expect(updated).toContain('newsdesk · 3 articles');
    expect(updated).toContain('Edited article 1');
    expect(updated).not.toContain('Cached article 1');
    await quit();
  });
});
