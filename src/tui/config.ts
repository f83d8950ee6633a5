import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { sanitizeLine } from '../library/sanitize.js';
import { THEME_KEYS, type ThemeOverrides } from '../render/style.js';
import { DEFAULT_CONFIG, type ReaderConfig } from './config-defaults.js';
import { BINDINGS, Command, type Binding, type KeySpec } from './keymap.js';

export { DEFAULT_CONFIG, type ReaderConfig } from './config-defaults.js';

/**
 * The reader's config file (`$XDG_CONFIG_HOME/newsdesk/config.yml`):
 *
 *   keys:            # a command's keys, replacing its defaults (one key or a list)
 *     quit: x
 *     line-down: [j, down]
 *   theme: dark      # dark (default), light, or mono (no colour)
 *   colors:          # any of h1 h2 h3 h4 link code quote strong dim: words like "bold cyan", "white on blue"
 *     h1: bold yellow on blue
 *   topic: ceasefire # what `c` compares
 *   topics: [sanctions, aid]   # offered first by the topic chooser (T)
 *   mouse: true      # wheel scrolling (off by default, so the terminal's text selection keeps working)
 *
 * Anything wrong is named with the file, line and key, and the reader starts with the defaults.
 */
class ConfigError extends Error {
  constructor(
    readonly node: Node | null | undefined,
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

const NAMED_KEYS: Record<string, KeySpec> = {
  enter: { key: 'return' }, return: { key: 'return' }, esc: { key: 'escape' }, escape: { key: 'escape' },
  tab: { key: 'tab', shift: false }, 'shift+tab': { key: 'tab', shift: true }, up: { key: 'upArrow' }, down: { key: 'downArrow' },
  left: { key: 'leftArrow' }, right: { key: 'rightArrow' }, pgup: { key: 'pageUp' }, pageup: { key: 'pageUp' },
  pgdn: { key: 'pageDown' }, pagedown: { key: 'pageDown' }, home: { key: 'home' }, end: { key: 'end' },
  backspace: { key: 'backspace' }, space: { input: ' ' },
};

const KEY_LABELS: Record<string, string> = { up: '↑', down: '↓', left: '←', right: '→', pgup: 'PgUp', pgdn: 'PgDn', pageup: 'PgUp', pagedown: 'PgDn', esc: 'Esc', escape: 'Esc', enter: 'Enter', return: 'Enter', tab: 'Tab', 'shift+tab': 'Shift+Tab', home: 'Home', end: 'End', backspace: 'Backspace', space: 'Space' };

/** One key as written in the config ("j", "G", "ctrl+d", "down", "space") as a key spec and its label. */
export function parseKey(text: string): { spec: KeySpec; label: string } | null {
  const lower = text.toLowerCase();
  if (NAMED_KEYS[lower]) return { spec: NAMED_KEYS[lower], label: KEY_LABELS[lower] ?? text };
  const ctrl = /^ctrl\+(.)$/i.exec(text);
  if (ctrl) return { spec: { input: ctrl[1].toLowerCase(), ctrl: true }, label: `Ctrl+${ctrl[1].toUpperCase()}` };
  if ([...text].length === 1 && !/[\x00-\x20\x7f]/.test(text)) return { spec: { input: text }, label: text };
  return null;
}

const COMMANDS = new Set<string>(Object.values(Command));
/** Keys that stay as they are whatever the config says: a way out must always exist. */
const FIXED = new Set<Command>([Command.Accept, Command.Cancel, Command.DeleteChar]);

/** The key map with `remap` applied: each named command's keys replaced, and those keys taken off any other command. */
export function remapBindings(remap: ReadonlyMap<Command, { spec: KeySpec; label: string }[]>): Binding[] {
  const same = (a: KeySpec, b: KeySpec): boolean => a.input === b.input && a.key === b.key && Boolean(a.ctrl) === Boolean(b.ctrl) && a.shift === b.shift;
  const taken = [...remap.values()].flat().map((key) => key.spec);
  return BINDINGS.flatMap((binding) => {
    // Ctrl+C quits whatever a config says: there is always a way out.
    if (binding.keys.some((spec) => spec.ctrl && spec.input === 'c')) return [binding];
    const mine = remap.get(binding.command);
    if (mine) return [{ ...binding, keys: mine.map((key) => key.spec), label: mine.map((key) => key.label).join(' ') }];
    const keys = binding.keys.filter((spec) => !taken.some((other) => same(spec, other)));
    if (keys.length === binding.keys.length) return [binding];
    // Ctrl+C stays a way out even if a config takes "c" elsewhere (different specs); a binding left with no key goes.
    return keys.length === 0 ? [] : [{ ...binding, keys, label: binding.label }];
  });
}

function scalarText(node: unknown, key: string): string {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  throw new ConfigError(node as Node, key, 'expected a word');
}

function parseKeys(node: unknown): Binding[] {
  if (!isMap(node)) throw new ConfigError(node as Node, 'keys', 'expected a list of command: key');
  const remap = new Map<Command, { spec: KeySpec; label: string }[]>();
  for (const pair of node.items as Pair[]) {
    const name = scalarText(pair.key, 'keys');
    const where = `keys.${name}`;
    if (!COMMANDS.has(name)) throw new ConfigError(pair.key as Node, where, `unknown command "${name}" (commands: ${[...COMMANDS].join(', ')})`);
    if (FIXED.has(name as Command)) throw new ConfigError(pair.key as Node, where, `"${name}" cannot be remapped`);
    const values = isSeq(pair.value) ? pair.value.items : [pair.value];
    const keys = values.map((value) => {
      const text = scalarText(value, where);
      const key = parseKey(text);
      if (!key) throw new ConfigError(value as Node, where, `"${text}" is not a key (a character, ctrl+x, or one of ${Object.keys(NAMED_KEYS).join(', ')})`);
      return key;
    });
    if (keys.length === 0) throw new ConfigError(pair.value as Node, where, 'needs at least one key');
    remap.set(name as Command, keys);
  }
  return remapBindings(remap);
}

/** A config file's text as the reader's settings, or the one problem that makes it unusable (file, line, key, what). */
export function parseConfig(text: string, path: string): { config: ReaderConfig; problem: string | null } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const where = (offset: number | undefined, key: string): string => `${sanitizeLine(path)}:${offset === undefined ? 1 : lines.linePos(offset).line}: ${key}`;
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    return { config: DEFAULT_CONFIG, problem: `${where(error.pos[0], 'syntax')}: ${sanitizeLine(error.message.split('\n')[0])}; using the defaults` };
  }
  const config: ReaderConfig = { ...DEFAULT_CONFIG, colors: {}, topics: [] };
  try {
    const root = doc.contents;
    if (root === null || root === undefined) return { config, problem: null };
    if (!isMap(root)) throw new ConfigError(root as Node, 'config', 'expected settings as "name: value" lines');
    for (const pair of root.items as Pair[]) {
      const name = scalarText(pair.key, 'config');
      const value = pair.value;
      switch (name) {
        case 'keys':
          config.bindings = parseKeys(value);
          break;
        case 'theme': {
          const theme = scalarText(value, name);
          if (theme !== 'dark' && theme !== 'light' && theme !== 'mono') throw new ConfigError(value as Node, name, `"${theme}" is not a theme (dark, light or mono)`);
          config.theme = theme;
          break;
        }
        case 'colors':
        case 'colours': {
          if (!isMap(value)) throw new ConfigError(value as Node, name, `expected ${THEME_KEYS.join(', ')} with a colour each`);
          for (const item of value.items as Pair[]) {
            const key = scalarText(item.key, name);
            if (!(THEME_KEYS as readonly string[]).includes(key)) throw new ConfigError(item.key as Node, `${name}.${key}`, `unknown colour "${key}" (${THEME_KEYS.join(', ')})`);
            const words = scalarText(item.value, `${name}.${key}`);
            const sgr = colourCodes(words);
            if (!sgr) throw new ConfigError(item.value as Node, `${name}.${key}`, `"${words}" is not a colour (like "bold cyan" or "white on blue")`);
            config.colors[key as keyof ThemeOverrides] = sgr;
          }
          break;
        }
        case 'topic':
          config.topic = scalarText(value, name).trim().toLowerCase() || null;
          break;
        case 'topics': {
          const items = isSeq(value) ? value.items : [value];
          config.topics = items.map((item) => scalarText(item, name).trim().toLowerCase()).filter(Boolean);
          break;
        }
        case 'mouse':
          if (!isScalar(value) || typeof value.value !== 'boolean') throw new ConfigError(value as Node, name, 'expected true or false');
          config.mouse = value.value;
          break;
        default:
          throw new ConfigError(pair.key as Node, name, `unknown setting "${name}" (keys, theme, colors, topic, topics, mouse)`);
      }
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      return { config: DEFAULT_CONFIG, problem: `${where(error.node?.range?.[0], error.key)}: ${sanitizeLine(error.message)}; using the defaults` };
    }
    throw error;
  }
  return { config, problem: null };
}

const COLOURS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const ATTRIBUTES: Record<string, number> = { bold: 1, dim: 2, italic: 3, underline: 4, inverse: 7 };

/** "bold white on blue" as SGR parameters ("1;37;44"), or null when a word is not understood. */
export function colourCodes(words: string): string | null {
  const codes: number[] = [];
  const parts = words.toLowerCase().trim().split(/\s+/);
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i];
    if (word in ATTRIBUTES) codes.push(ATTRIBUTES[word]);
    else if (word === 'on' && i + 1 < parts.length) {
      const bg = colourIndex(parts[++i]);
      if (bg === null) return null;
      codes.push(bg.bright ? 100 + bg.index : 40 + bg.index);
    } else {
      const fg = colourIndex(word);
      if (fg === null) return null;
      codes.push(fg.bright ? 90 + fg.index : 30 + fg.index);
    }
  }
  return codes.length > 0 ? codes.join(';') : null;
}

function colourIndex(word: string): { index: number; bright: boolean } | null {
  const bright = word.startsWith('bright-') || word.startsWith('bright');
  const name = word.replace(/^bright-?/, '');
  const index = COLOURS.indexOf(name === 'grey' || name === 'gray' ? 'black' : name);
  if (index < 0) return null;
  return { index, bright: bright || name === 'grey' || name === 'gray' };
}
