import { describe, expect, it } from 'vitest';
import { colourCodes, parseConfig, parseKey } from '../../src/tui/config.js';
import { BINDINGS, Command, helpRows, resolveKey, NO_KEY } from '../../src/tui/keymap.js';
import { makeStyles } from '../../src/render/style.js';

const FILE = '/home/me/.config/newsdesk/config.yml';

describe('the config file', () => {
  it('remaps keys: the new key works, the old one is free, and the help rows show it', () => {
    const { config, problem } = parseConfig('keys:\n  line-down: [x, down]\n', FILE);
    expect(problem).toBeNull();
    const command = (input: string, key = {}) => {
      const result = resolveKey('article', input, { ...NO_KEY, ...key }, config.bindings);
      return result && 'command' in result ? result.command : null;
    };
    expect(command('x')).toBe(Command.LineDown);
    expect(command('', { downArrow: true })).toBe(Command.LineDown);
    expect(command('j')).toBeNull();
    expect(helpRows(config.bindings).flatMap((s) => s.rows)).toContainEqual({ label: 'x ↓', description: 'down a line' });
  });

  it('takes a key given to one command off the others, and Ctrl+C always quits', () => {
    const { config } = parseConfig('keys:\n  quit: q\n', FILE);
    const result = resolveKey('article', 'q', NO_KEY, config.bindings);
    expect(result && 'command' in result && result.command).toBe(Command.Quit);
    const ctrlC = resolveKey('prompt', 'c', { ...NO_KEY, ctrl: true }, config.bindings);
    expect(ctrlC && 'command' in ctrlC && ctrlC.command).toBe(Command.Quit);
  });

  it('names the file, line and key of a mistake, and falls back to the defaults', () => {
    const cases: [string, RegExp][] = [
      ['theme: dark\nkeys:\n  flyaway: x\n', /config\.yml:3: keys\.flyaway: unknown command "flyaway"/],
      ['keys:\n  help: notakey\n', /config\.yml:2: keys\.help: "notakey" is not a key/],
      ['mouse: yes please\n', /config\.yml:1: mouse: expected true or false/],
      ['colors:\n  h1: sparkly\n', /config\.yml:2: colors\.h1: "sparkly" is not a colour/],
      ['topic: [a\n', /config\.yml:\d+: syntax/],
      ['wibble: 1\n', /config\.yml:1: wibble: unknown setting/],
    ];
    for (const [text, message] of cases) {
      const { config, problem } = parseConfig(text, FILE);
      expect(problem).toMatch(message);
      expect(problem).toContain(FILE);
      expect(problem).toMatch(/using the defaults$/);
      expect(config.bindings).toBe(BINDINGS);
    }
  });

  it('reads the theme, colours, topic, topics and mouse', () => {
    const { config, problem } = parseConfig('theme: light\ncolors:\n  h1: bold white on blue\ntopic: Truce\ntopics: [aid, sanctions]\nmouse: true\n', FILE);
    expect(problem).toBeNull();
    expect(config).toMatchObject({ theme: 'light', topic: 'truce', topics: ['aid', 'sanctions'], mouse: true, colors: { h1: '1;37;44' } });
    expect(makeStyles(true, 'light', config.colors).headings[0]('x')).toBe('\x1b[1;37;44mx\x1b[22;39;49m');
  });

  it('understands key and colour names', () => {
    expect(parseKey('ctrl+d')).toEqual({ spec: { input: 'd', ctrl: true }, label: 'Ctrl+D' });
    expect(parseKey('pgdn')?.spec).toEqual({ key: 'pageDown' });
    expect(parseKey('ab')).toBeNull();
    expect(colourCodes('bright-cyan')).toBe('96');
    expect(colourCodes('nope')).toBeNull();
  });
});
