import type { Key } from 'ink';
import { isControlCodePoint } from '../library/controls.js';

/**
 * The one key map. Every key the reader answers to is a row here: the app looks keys up in it, and the
 * help screen (and the README's key table) are drawn from it, so they cannot disagree.
 */
export enum Command {
  Quit = 'quit',
  /** `q`: back one level; on the list, quit. */
  BackOrQuit = 'back-or-quit',
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
  /** `r`: the library read again from disk, the feeds refreshed first (one path for both). */
  Reload = 'reload',
  ToggleRead = 'toggle-read',
  MarkAllRead = 'mark-all-read',
  ChooseTopic = 'choose-topic',
  Details = 'details',
}

/**
 * Where a key is pressed. `prompt` is while typing a filter or a search: letters are text there, so only
 * the prompt's own keys, the arrows and Ctrl+C are commands. `too-small` is the "terminal too small" notice.
 */
export type KeyContext = 'list' | 'article' | 'help' | 'summary' | 'compare' | 'details' | 'topics' | 'prompt' | 'too-small';

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
const SCREENS: KeyContext[] = ['list', 'article', 'help', 'summary', 'compare', 'details'];
/** The screens whose lines are items (facts, statements) that a cursor moves over. */
const SHEETS: KeyContext[] = ['summary', 'compare'];

const DIGITS: KeySpec[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].map((input) => ({ input }));

export const BINDINGS: readonly Binding[] = [
  { command: Command.BackOrQuit, keys: [{ input: 'q' }], label: 'q', description: 'back one level; on the list, quit', contexts: [...SCREENS, 'topics', 'too-small'], section: 'Everywhere' },
  { command: Command.Quit, keys: [{ input: 'Q' }], label: 'Q', description: 'quit from anywhere', contexts: [...SCREENS, 'topics', 'too-small'], section: 'Everywhere' },
  { command: Command.Quit, keys: [{ input: 'c', ctrl: true }], label: 'Ctrl+C', description: 'quit, even while typing', contexts: [...SCREENS, 'topics', 'prompt', 'too-small'], section: 'Everywhere' },
  { command: Command.Help, keys: [{ input: '?' }], label: '?', description: 'show or hide this help', contexts: SCREENS, section: 'Everywhere' },
  { command: Command.Back, keys: [{ key: 'escape' }, { input: 'h' }, { key: 'leftArrow' }], label: 'Esc h ←', description: 'back (in an article, Esc first drops the picked link, then the search)', contexts: ['article', 'help', 'details', 'topics', ...SHEETS], section: 'Everywhere' },

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
  { command: Command.Reload, keys: [{ input: 'r' }], label: 'r', description: 'reload the library from disk and refresh the feeds, in the background (new and changed articles show when it is done)', contexts: ['list'], section: 'List' },
  { command: Command.ToggleRead, keys: [{ input: 'm' }], label: 'm', description: 'mark the article read or unread', contexts: ['list', 'article'], section: 'List' },
  { command: Command.MarkAllRead, keys: [{ input: 'M' }], label: 'M', description: 'mark every listed article read', contexts: ['list'], section: 'List' },
  { command: Command.Details, keys: [{ input: '!' }], label: '!', description: 'show the details of a warning (files not loaded, state, config)', contexts: ['list'], section: 'List' },

  { command: Command.Search, keys: [{ input: '/' }], label: '/', description: 'search (Enter on an empty search repeats the last one)', contexts: ['article', ...SHEETS], section: 'Article' },
  { command: Command.NextMatch, keys: [{ input: 'n' }], label: 'n', description: 'next match (from the top of the screen after a jump)', contexts: ['article', ...SHEETS], section: 'Article' },
  { command: Command.PreviousMatch, keys: [{ input: 'N' }], label: 'N', description: 'previous match', contexts: ['article', ...SHEETS], section: 'Article' },
  { command: Command.NextLink, keys: [{ key: 'tab', shift: false }], label: 'Tab', description: 'pick the next link (shown in full below)', contexts: ['article'], section: 'Article' },
  { command: Command.PreviousLink, keys: [{ key: 'tab', shift: true }], label: 'Shift+Tab', description: 'pick the previous link', contexts: ['article'], section: 'Article' },
  { command: Command.PickLink, keys: DIGITS, label: '1-9', description: 'pick link [n] (type 1 then 2 for [12])', contexts: ['article'], section: 'Article' },
  { command: Command.OpenLink, keys: [{ input: 'o' }, { key: 'return' }], label: 'o Enter', description: "open the picked http(s) link in the browser; o with none picked opens the article's original", contexts: ['article'], section: 'Article' },

  { command: Command.Summary, keys: [{ input: 's' }], label: 's', description: 'key facts of the selected or open article, each with its sentence', contexts: ['list', 'article'], section: 'Summary and comparison' },
  { command: Command.Compare, keys: [{ input: 'c' }], label: 'c', description: 'who said what about the topic (ceasefire unless T or the config file chose another), across all loaded articles', contexts: ['list', 'article', 'summary'], section: 'Summary and comparison' },
  { command: Command.Open, keys: [{ key: 'return' }, { input: 'l' }, { key: 'rightArrow' }], label: 'Enter l →', description: 'show the fact or statement in its article, highlighted', contexts: SHEETS, section: 'Summary and comparison' },
  { command: Command.Stories, keys: [{ input: 'S' }], label: 'S', description: 'group the list by story (articles about one event), with the number of outlets; c then opens that story in the comparison', contexts: ['list'], section: 'List' },
  { command: Command.Timeline, keys: [{ input: 't' }], label: 't', description: 'comparison by speaker or as a timeline (by date)', contexts: ['compare'], section: 'Summary and comparison' },
  { command: Command.ChooseTopic, keys: [{ input: 'T' }], label: 'T', description: 'choose or type the comparison topic', contexts: ['list', 'article', 'summary', 'compare'], section: 'Summary and comparison' },

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

const LIST_HINTS = [hint('open', Command.Open), hint('move', Command.LineDown, Command.LineUp), hint('filter', Command.Filter), hint('stories', Command.Stories), hint('reload', Command.Reload), hint('help', Command.Help), hint('quit', Command.BackOrQuit)];
const SHEET_HINTS = [hint('move', Command.LineDown, Command.LineUp), hint('show in article', Command.Open), hint('search', Command.Search), hint('back', Command.BackOrQuit), hint('help', Command.Help)];

/** Each hint is a word and the commands it stands for; the keys it shows come from the key map in force. */
export const HINTS: Record<HintContext, readonly Hint[]> = {
  list: LIST_HINTS,
  filter: [hint('type to filter'), hint('done', Command.Accept), hint('clear', Command.Cancel), hint('move', Command.LineDown, Command.LineUp)],
  article: [
    hint('scroll', Command.LineDown, Command.LineUp), hint('page', Command.PageDown), hint('search', Command.Search),
    hint('links', Command.NextLink), hint('back', Command.BackOrQuit), hint('help', Command.Help), hint('quit', Command.Quit),
  ],
  help: [hint('back', Command.BackOrQuit, Command.Help), hint('quit', Command.Quit)],
  summary: SHEET_HINTS,
  compare: [...SHEET_HINTS.slice(0, 2), hint('timeline', Command.Timeline), hint('topic', Command.ChooseTopic), ...SHEET_HINTS.slice(2)],
  timeline: [...SHEET_HINTS.slice(0, 2), hint('by speaker', Command.Timeline), hint('topic', Command.ChooseTopic), ...SHEET_HINTS.slice(2)],
};

const HINT_KEY_CONTEXT: Record<HintContext, KeyContext> = {
  list: 'list', filter: 'prompt', article: 'article', help: 'help', summary: 'summary', compare: 'compare', timeline: 'compare',
};

/** The first key of a binding as a hint shows it ("Enter l →" gives "Enter"). */
function shortLabel(binding: Binding): string {
  return binding.label.split(' ')[0];
}

/**
 * The hints' texts for a screen, their keys as bound in `bindings` ("j/k move"). `without` leaves out
 * hints for commands that would do nothing here (no "Tab links" in an article without links).
 */
export function hintTexts(context: HintContext, bindings: readonly Binding[] = BINDINGS, without: readonly Command[] = []): string[] {
  const where = HINT_KEY_CONTEXT[context];
  const out: string[] = [];
  for (const item of HINTS[context]) {
    if (item.commands.some((command) => without.includes(command))) continue;
    if (item.commands.length === 0) {
      out.push(item.text);
      continue;
    }
    const keys = item.commands.map((command) => bindings.find((b) => b.command === command && b.contexts.includes(where)));
    if (keys.some((binding) => binding === undefined)) continue;
    out.push(`${[...new Set(keys.map((binding) => shortLabel(binding!)))].join('/')} ${item.text}`);
  }
  return out;
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
const UNPARSED_SEQUENCE = /^(?:\[[\d;[]+|O[\d;]+)[\x40-\x7e]$/;

export function splitKeys(input: string, key: KeyPress): { input: string; key: KeyPress }[] {
  // What is left of an escape sequence Ink could not name ("[1;3Q" from Alt+F2) is no key at all: split
  // into letters, its final "Q" would quit.
  if (UNPARSED_SEQUENCE.test(input)) return [];
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta || KEY_FLAGS.some((flag) => key[flag])) return [{ input, key }];
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

/** Printable text typed at a prompt (a paste arrives as one string); controls and bidi marks (library/controls.ts) never become text. */
function typedText(input: string, key: KeyPress): string {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab) return '';
  let text = '';
  for (const char of input) if (!isControlCodePoint(char.codePointAt(0)!)) text += char;
  return text;
}

/** What a key press means where it was pressed: a command, text typed at a prompt, or nothing. */
export function resolveKey(context: KeyContext, input: string, key: KeyPress, bindings: readonly Binding[] = BINDINGS): KeyResult {
  for (const binding of bindings) {
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
export function helpRows(bindings: readonly Binding[] = BINDINGS): { section: HelpSection; rows: { label: string; description: string }[] }[] {
  return HELP_SECTIONS.map((section) => ({
    section,
    rows: bindings.filter((binding) => binding.section === section).map(({ label, description }) => ({ label, description })),
  }));
}

/** The key table for the README, as Markdown, so the README is drawn from this map too. */
export function keyTableMarkdown(bindings: readonly Binding[] = BINDINGS): string {
  const out: string[] = [];
  for (const { section, rows } of helpRows(bindings)) {
    out.push(`**${section}**`, '', '| Key | Does |', '|---|---|');
    for (const row of rows) out.push(`| ${row.label.replace(/\|/g, '\\|')} | ${row.description} |`);
    out.push('');
  }
  return out.join('\n').trimEnd();
}
