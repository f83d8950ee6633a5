import { describe, expect, it } from 'vitest';
import { BINDINGS, Command, HINTS, helpRows, keyTableMarkdown, resolveKey, NO_KEY, type KeyContext } from '../../src/tui/keymap.js';
import { helpLines } from '../../src/tui/help.js';

describe('key map', () => {
  it('answers the vim and less keys in an article', () => {
    const command = (input: string, key = {}) => {
      const result = resolveKey('article', input, { ...NO_KEY, ...key });
      return result && 'command' in result ? result.command : null;
    };
    expect(command('j')).toBe(Command.LineDown);
    expect(command('', { downArrow: true })).toBe(Command.LineDown);
    expect(command(' ')).toBe(Command.PageDown);
    expect(command('', { pageUp: true })).toBe(Command.PageUp);
    expect(command('G', { shift: true })).toBe(Command.Bottom);
    expect(command('', { home: true })).toBe(Command.Top);
    expect(command('n')).toBe(Command.NextMatch);
    expect(command('N', { shift: true })).toBe(Command.PreviousMatch);
    expect(command('', { tab: true })).toBe(Command.NextLink);
    expect(command('', { tab: true, shift: true })).toBe(Command.PreviousLink);
    expect(command('7')).toBe(Command.PickLink);
    expect(command('c', { ctrl: true })).toBe(Command.Quit);
    expect(command('x')).toBeNull();
  });

  it('turns letters into text at a prompt, except its own keys', () => {
    expect(resolveKey('prompt', 'q', NO_KEY)).toEqual({ text: 'q' });
    expect(resolveKey('prompt', '', { ...NO_KEY, return: true })).toMatchObject({ command: Command.Accept });
    expect(resolveKey('prompt', '\x1b[31m', NO_KEY)).toEqual({ text: '[31m' });
    // A pasted bidi override would make the filter read backwards on screen: controls and bidi marks never become text.
    expect(resolveKey('prompt', 'cease\u202efire\u0085', NO_KEY)).toEqual({ text: 'ceasefire' });
  });

  it('draws the help screen from the same table, every binding on it', () => {
    const text = helpLines(100, false).join('\n');
    for (const binding of BINDINGS) {
      expect(text).toContain(binding.label);
      expect(text).toContain(binding.description.slice(0, 30));
    }
    expect(helpRows().flatMap((section) => section.rows)).toHaveLength(BINDINGS.length);
    expect(keyTableMarkdown()).toContain('| Ctrl+C |');
  });

  it('keeps the help screen within narrow terminals', () => {
    for (const cols of [20, 33, 60]) {
      for (const line of helpLines(cols, false)) expect(line.length).toBeLessThanOrEqual(cols);
    }
  });

  it('hints only at keys the screen answers to', () => {
    const where: Record<keyof typeof HINTS, KeyContext> = {
      list: 'list', filter: 'prompt', article: 'article', help: 'help', summary: 'summary', compare: 'compare', timeline: 'compare',
    };
    for (const [name, hints] of Object.entries(HINTS) as [keyof typeof HINTS, (typeof HINTS)[keyof typeof HINTS]][]) {
      for (const hint of hints) {
        for (const command of hint.commands) {
          const bound = BINDINGS.some((binding) => binding.command === command && binding.contexts.includes(where[name]));
          expect(bound, `${name}: "${hint.text}"`).toBe(true);
        }
      }
    }
  });
});

describe('keys from sequences Ink cannot name', () => {
  it('drops what is left of an escape sequence instead of reading its letters as keys (Alt+F2 is not Q)', async () => {
    const { splitKeys } = await import('../../src/tui/keymap.js');
    expect(splitKeys('[1;3Q', { ...NO_KEY, meta: true })).toEqual([]);
    expect(splitKeys('[9;5Z', NO_KEY)).toEqual([]);
    expect(splitKeys('Ok', NO_KEY).map((press) => press.input)).toEqual(['O', 'k']);
  });
});
