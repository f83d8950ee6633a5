import { writeSync } from 'node:fs';
import type { LoadResult } from '../library/types.js';
import type { ReadState } from '../state/types.js';
import type { Binding } from './keymap.js';
import { isTooSmall, type Size } from './layout.js';
import { listFrame, listFrameText, startNotice, type ListFrame } from './list-frame.js';

/**
 * The reader's first frame, written before Ink (about 100 ms of modules and set-up) has loaded: raw
 * mode first, so a key typed meanwhile waits for the reader instead of being echoed, then the list
 * screen straight to the terminal. Ink then draws the same frame over it (list-frame.ts draws both),
 * so nothing flickers or moves. Nothing here loads React or Ink.
 */

/** The alternate screen (blank), the cursor hidden as Ink hides it. */
export const ENTER_READER_SCREEN = '\x1b[?1049h\x1b[?25l\x1b[H';

export interface FirstFrameOptions {
  load: LoadResult;
  readState: ReadState;
  /** Start-up notices besides the load problems (a state-file problem). */
  notices: string[];
  color: boolean;
  /** The key map in force (the config file's), for the key hints. */
  bindings: readonly Binding[];
  size: Size;
  stdin: NodeJS.ReadStream;
}

/** The list as the reader opens on it: the top, nothing filtered, the start-up notice in the status line. */
export function firstListFrame(load: LoadResult, readState: ReadState, notices: string[], size: Size, bindings?: readonly Binding[]): ListFrame {
  return listFrame({
    articles: load.articles,
    visible: Array.from({ length: load.articles.length }, (_, i) => i),
    top: 0,
    cursor: 0,
    filter: '',
    editing: false,
    readState,
    size,
    screenReader: false,
    message: null,
    notice: startNotice(load, notices),
    bindings,
  });
}

/** Whether the first frame can be drawn before Ink at all: not for a screen reader or a tiny terminal. */
export function canDrawFirstFrame(size: Size): boolean {
  return process.env.INK_SCREEN_READER !== 'true' && !isTooSmall(size);
}

/** Writes a list frame as the first frame (raw mode first); false when Ink alone must draw it (a title Ink would cut). */
export function writeFirstFrame(frame: ListFrame, size: Size, color: boolean, stdin: NodeJS.ReadStream): boolean {
  const text = listFrameText(frame, size, color);
  if (text === undefined) return false;
  stdin.setRawMode(true);
  writeSync(1, ENTER_READER_SCREEN + text);
  return true;
}

/**
 * Draws the list as the reader's first frame; returns false (and writes nothing) when Ink alone must
 * draw it: a screen reader layout, a terminal too small, a title Ink would cut.
 */
export function drawFirstFrame(options: FirstFrameOptions): boolean {
  const { load, size } = options;
  if (!canDrawFirstFrame(size)) return false;
  return writeFirstFrame(firstListFrame(load, options.readState, options.notices, size, options.bindings), size, options.color, options.stdin);
}
