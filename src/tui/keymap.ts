import type { Key } from 'ink';

/**
 * The one key map. Every key the reader answers to is a row here: the app looks keys up in it, and the
 * help screen (and the README's key table) are drawn from it, so they cannot disagree.
 */
export enum Command {
  Quit = 'quit',
  Help = 'help',
  Back = 'back',
  LineDown = 'line-down',
  LineUp = 'line-up',
  PageDown = 'page-down',
  PageUp = 'page-up',
  HalfPageDown = 'half-page-down',
  HalfPageUp = 'half-page-up',
  Top = 'top',
  Bottom = 'bottom',
  Open = 'open',
  Filter = 'filter',
  Search = 'search',
  NextMatch = 'next-match',
  PreviousMatch = 'previous-match',
  NextLink = 'next-link',
  PreviousLink = 'previous-link',
  PickLink = 'pick-link',
  OpenLink = 'open-link',
  Summary = 'summary',
  Compare = 'compare',
  Timeline = 'timeline',
  Stories = 'stories',
  Accept = 'accept',
  Cancel = 'cancel',
  DeleteChar = 'delete-char',
  Refresh = 'refresh',
}

/**
 * Where a key is pressed. `prompt` is while typing a filter or a search: letters are text there, so only
 * the prompt's own keys, the arrows and Ctrl+C are commands. `too-small` is the "terminal too small" notice.
 */
export type KeyContext = 'list' | 'article' | 'help' | 'summary' | 'compare' | 'prompt' | 'too-small';

type KeyFlag = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageDown' | 'pageUp' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'backspace' | 'delete';

/** One physical key: a typed character, or a named key with the modifiers that must (not) be held. */
export interface KeySpec {
  input?: string;
  key?: KeyFlag;
  ctrl?: boolean;
  shift?: boolean;
}

export interface Binding {
  command: Command;
  keys: KeySpec[];
  /** How the keys are written on the help screen and in the README. */
  label: string;
  description: string;
  contexts: KeyContext[];
  /** Heading the row is listed under on the help screen. */
  section: HelpSection;
}

export type HelpSection = 'Everywhere' | 'Moving' | 'List' | 'Article' | 'Summary and comparison' | 'Typing a filter or search';

export const HELP_SECTIONS: HelpSection[] = ['Everywhere', 'Moving', 'List', 'Article', 'Summary and comparison', 'Typing a filter or search'];

/** The screens: every one answers to the movement keys. */
const SCREENS: KeyContext[] = ['list', 'article', 'help', 'summary', 'compare'];
/** The screens whose lines are items (facts, statements) that a cursor moves over. */
const SHEETS: KeyContext[] = ['summary', 'compare'];

const DIGITS: KeySpec[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].map((input) => ({ input }));

export const BINDINGS: readonly Binding[] = [
  { command: Command.Quit, keys: [{ input: 'q' }], label: 'q', description: 'quit', contexts: [...SCREENS, 'too-small'], section: 'Everywhere' },
  { command: Command.Quit, keys: [{ input: 'c', ctrl: true }], label: 'Ctrl+C', description: 'quit, even while typing', contexts: [...SCREENS, 'prompt', 'too-small'], section: 'Everywhere' },
  { command: Command.Help, keys: [{ input: '?' }], label: '?', description: 'show or hide this help', contexts: SCREENS, section: 'Everywhere' },
  { command: Command.Back, keys: [{ key: 'escape' }, { input: 'h' }, { key: 'leftArrow' }], label: 'Esc h ←', description: 'back (in an article, Esc first drops the picked link, then the search)', contexts: ['article', 'help', ...SHEETS], section: 'Everywhere' },

  { command: Command.LineDown, keys: [{ input: 'j' }, { key: 'downArrow' }], label: 'j ↓', description: 'down a line', contexts: SCREENS, section: 'Moving' },
  { command: Command.LineUp, keys: [{ input: 'k' }, { key: 'upArrow' }], label: 'k ↑', description: 'up a line', contexts: SCREENS, section: 'Moving' },
  { command: Command.PageDown, keys: [{ input: ' ' }, { key: 'pageDown' }, { input: 'f', ctrl: true }], label: 'Space PgDn', description: 'down a page', contexts: SCREENS, section: 'Moving' },
  { command: Command.PageUp, keys: [{ input: 'b' }, { key: 'pageUp' }, { input: 'b', ctrl: true }], label: 'b PgUp', description: 'up a page', contexts: SCREENS, section: 'Moving' },
  { command: Command.HalfPageDown, keys: [{ input: 'd' }, { input: 'd', ctrl: true }], label: 'd', description: 'down half a page', contexts: SCREENS, section: 'Moving' },
  { command: Command.HalfPageUp, keys: [{ input: 'u' }, { input: 'u', ctrl: true }], label: 'u', description: 'up half a page', contexts: SCREENS, section: 'Moving' },
  { command: Command.Top, keys: [{ input: 'g' }, { key: 'home' }], label: 'g Home', description: 'to the top', contexts: SCREENS, section: 'Moving' },
  { command: Command.Bottom, keys: [{ input: 'G' }, { key: 'end' }], label: 'G End', description: 'to the bottom', contexts: SCREENS, section: 'Moving' },

  { command: Command.Open, keys: [{ key: 'return' }, { input: 'l' }, { key: 'rightArrow' }], label: 'Enter l →', description: 'open the selected article', contexts: ['list'], section: 'List' },
  { command: Command.Filter, keys: [{ input: '/' }], label: '/', description: 'filter by title, tags and text as you type', contexts: ['list'], section: 'List' },
  { command: Command.Back, keys: [{ key: 'escape' }], label: 'Esc', description: 'clear the filter', contexts: ['list'], section: 'List' },
  { command: Command.Refresh, keys: [{ input: 'r' }], label: 'r', description: 'refresh the feeds in the background; new items show when it is done', contexts: ['list'], section: 'List' },

  { command: Command.Search, keys: [{ input: '/' }], label: '/', description: 'search the article', contexts: ['article'], section: 'Article' },
  { command: Command.NextMatch, keys: [{ input: 'n' }], label: 'n', description: 'next match', contexts: ['article'], section: 'Article' },
  { command: Command.PreviousMatch, keys: [{ input: 'N' }], label: 'N', description: 'previous match', contexts: ['article'], section: 'Article' },
  { command: Command.NextLink, keys: [{ key: 'tab', shift: false }], label: 'Tab', description: 'pick the next link (shown in full below)', contexts: ['article'], section: 'Article' },
  { command: Command.PreviousLink, keys: [{ key: 'tab', shift: true }], label: 'Shift+Tab', description: 'pick the previous link', contexts: ['article'], section: 'Article' },
  { command: Command.PickLink, keys: DIGITS, label: '1-9', description: 'pick link [n] (type 1 then 2 for [12])', contexts: ['article'], section: 'Article' },
  { command: Command.OpenLink, keys: [{ input: 'o' }, { key: 'return' }], label: 'o Enter', description: "open the picked http(s) link in the browser; o with none picked opens the article's original", contexts: ['article'], section: 'Article' },

  { command: Command.Summary, keys: [{ input: 's' }], label: 's', description: 'key facts of the selected or open article, each with its sentence', contexts: ['list', 'article'], section: 'Summary and comparison' },
  { command: Command.Compare, keys: [{ input: 'c' }], label: 'c', description: 'who said what about a ceasefire, across all loaded articles', contexts: ['list', 'article', 'summary'], section: 'Summary and comparison' },
  { command: Command.Open, keys: [{ key: 'return' }, { input: 'l' }, { key: 'rightArrow' }], label: 'Enter l →', description: 'show the fact or statement in its article, highlighted', contexts: SHEETS, section: 'Summary and comparison' },
  { command: Command.Stories, keys: [{ input: 'S' }], label: 'S', description: 'group the list by story (articles about one event), with the number of outlets; c then opens that story in the comparison', contexts: ['list'], section: 'List' },
  { command: Command.Timeline, keys: [{ input: 't' }], label: 't', description: 'comparison by speaker or as a timeline (by date)', contexts: ['compare'], section: 'Summary and comparison' },

  { command: Command.Accept, keys: [{ key: 'return' }], label: 'Enter', description: 'done typing (a search jumps to the first match)', contexts: ['prompt'], section: 'Typing a filter or search' },
  { command: Command.Cancel, keys: [{ key: 'escape' }], label: 'Esc', description: 'cancel (a filter is cleared)', contexts: ['prompt'], section: 'Typing a filter or search' },
  { command: Command.DeleteChar, keys: [{ key: 'backspace' }, { key: 'delete' }], label: 'Backspace', description: 'delete the last character', contexts: ['prompt'], section: 'Typing a filter or search' },
  { command: Command.LineDown, keys: [{ key: 'downArrow' }], label: '↓', description: 'move the selection while filtering', contexts: ['prompt'], section: 'Typing a filter or search' },
  { command: Command.LineUp, keys: [{ key: 'upArrow' }], label: '↑', description: 'move the selection while filtering', contexts: ['prompt'], section: 'Typing a filter or search' },
];

/**
 * The status line's key hints, most useful first (as many as fit are shown): short forms of the rows
 * above, each naming the commands it stands for, so a hint cannot name a key the screen does not answer.
 */
export interface Hint {
  text: string;
  /** The commands the hint's keys are bound to; empty for a hint that is not a key ("type to filter"). */
  commands: Command[];
}

export type HintContext = 'list' | 'filter' | 'article' | 'help' | 'summary' | 'compare' | 'timeline';

const hint = (text: string, ...commands: Command[]): Hint => ({ text, commands });

export const HINTS: Record<HintContext, readonly Hint[]> = {
  list: [hint('Enter open', Command.Open), hint('j/k move', Command.LineDown, Command.LineUp), hint('/ filter', Command.Filter), hint('S stories', Command.Stories), hint('? help', Command.Help), hint('q quit', Command.Quit)],
  filter: [hint('type to filter'), hint('Enter done', Command.Accept), hint('Esc clear', Command.Cancel), hint('↑↓ move', Command.LineDown, Command.LineUp)],
  article: [
    hint('j/k scroll', Command.LineDown, Command.LineUp), hint('Space page', Command.PageDown), hint('/ search', Command.Search),
    hint('Tab links', Command.NextLink), hint('h back', Command.Back), hint('? help', Command.Help), hint('q quit', Command.Quit),
  ],
  help: [hint('Esc or ? back', Command.Back, Command.Help), hint('q quit', Command.Quit)],
  summary: [hint('j/k move', Command.LineDown, Command.LineUp), hint('Enter show in article', Command.Open), hint('h back', Command.Back), hint('? help', Command.Help), hint('q quit', Command.Quit)],
  compare: [
    hint('j/k move', Command.LineDown, Command.LineUp), hint('Enter show in article', Command.Open), hint('t timeline', Command.Timeline),
    hint('h back', Command.Back), hint('? help', Command.Help), hint('q quit', Command.Quit),
  ],
  timeline: [
    hint('j/k move', Command.LineDown, Command.LineUp), hint('Enter show in article', Command.Open), hint('t by speaker', Command.Timeline),
    hint('h back', Command.Back), hint('? help', Command.Help), hint('q quit', Command.Quit),
  ],
};

/** The hints' texts for a screen. */
export function hintTexts(context: HintContext): string[] {
  return HINTS[context].map((item) => item.text);
}

/** The parts of Ink's Key the key map reads; tests can build one without Ink. */
export type KeyPress = Pick<Key, KeyFlag | 'ctrl' | 'shift' | 'meta'>;

/** A key press with nothing held, for building test presses: `{ ...NO_KEY, tab: true }`. */
export const NO_KEY: KeyPress = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, tab: false, backspace: false, delete: false,
  ctrl: false, shift: false, meta: false,
};

/** Whether one key press is the given key. Typed characters ignore Shift ("G" arrives with shift set). */
export function keyMatches(spec: KeySpec, input: string, key: KeyPress): boolean {
  if (Boolean(spec.ctrl) !== key.ctrl) return false;
  if (spec.key !== undefined) {
    if (!key[spec.key]) return false;
    return spec.shift === undefined || spec.shift === key.shift;
  }
  if (!spec.ctrl && key.meta) return false;
  return input === spec.input;
}

const KEY_FLAGS: KeyFlag[] = ['upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageDown', 'pageUp', 'home', 'end', 'return', 'escape', 'tab', 'backspace', 'delete'];

/** A control character as the key press it stands for, or null when it means nothing to us. */
function controlKey(char: string): { input: string; key: KeyPress } | null {
  if (char === '\r' || char === '\n') return { input: '', key: { ...NO_KEY, return: true } };
  if (char === '\t') return { input: '', key: { ...NO_KEY, tab: true } };
  if (char === '\x7f' || char === '\b') return { input: '', key: { ...NO_KEY, delete: true } };
  if (char === '\x03') return { input: 'c', key: { ...NO_KEY, ctrl: true } };
  return null;
}

/**
 * One key event from Ink as the key presses it stands for. Ink hands over several characters at once
 * when they arrive together (keys held down or typed faster than frames are drawn, or a paste): "jjj"
 * is three presses of j, "\r\r" two of Enter.
 */
export function splitKeys(input: string, key: KeyPress): { input: string; key: KeyPress }[] {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || KEY_FLAGS.some((flag) => key[flag])) return [{ input, key }];
  const presses: { input: string; key: KeyPress }[] = [];
  for (const char of chars) {
    if (/[\x00-\x1f\x7f]/.test(char)) {
      const control = controlKey(char);
      if (control) presses.push(control);
    } else {
      presses.push({ input: char, key: { ...NO_KEY, shift: /^\p{Lu}$/u.test(char) } });
    }
  }
  return presses;
}

export type KeyResult = { command: Command; input: string } | { text: string } | null;

/** Printable text typed at a prompt (a paste arrives as one string); controls never become text. */
function typedText(input: string, key: KeyPress): string {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab) return '';
  return input.replace(/[\x00-\x1f\x7f-\x9f]/g, '');
}

/** What a key press means where it was pressed: a command, text typed at a prompt, or nothing. */
export function resolveKey(context: KeyContext, input: string, key: KeyPress): KeyResult {
  for (const binding of BINDINGS) {
    if (!binding.contexts.includes(context)) continue;
    if (binding.keys.some((spec) => keyMatches(spec, input, key))) return { command: binding.command, input };
  }
  if (context === 'prompt') {
    const text = typedText(input, key);
    if (text !== '') return { text };
  }
  return null;
}

/** The help screen's rows, grouped by section, in key-map order. */
export function helpRows(): { section: HelpSection; rows: { label: string; description: string }[] }[] {
  return HELP_SECTIONS.map((section) => ({
    section,
    rows: BINDINGS.filter((binding) => binding.section === section).map(({ label, description }) => ({ label, description })),
  }));
}

/** The key table for the README, as Markdown, so the README is drawn from this map too. */
export function keyTableMarkdown(): string {
  const out: string[] = [];
  for (const { section, rows } of helpRows()) {
    out.push(`**${section}**`, '', '| Key | Does |', '|---|---|');
    for (const row of rows) out.push(`| ${row.label.replace(/\|/g, '\\|')} | ${row.description} |`);
    out.push('');
  }
  return out.join('\n').trimEnd();
}
