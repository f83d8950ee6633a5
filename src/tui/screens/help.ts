import type { ScreenContext } from '../context.js';
import { helpLines } from '../help.js';
import { stay, type Step } from '../intent.js';
import { Command } from '../keymap.js';
import { pagedHeight } from '../layout.js';
import { EMPTY_VIEWPORT, clampTop, textContent, update, type Viewport } from '../viewport.js';

/** The help screen: every key, drawn from the key map, in the one viewport. */
export interface HelpSlice {
  kind: 'help';
  viewport: Viewport;
}

export function openHelp(): HelpSlice {
  return { kind: 'help', viewport: EMPTY_VIEWPORT };
}

function lineCount(context: ScreenContext): number {
  return helpLines(context.size.cols, context.screenReader, context.bindings).length;
}

export function fitHelp(help: HelpSlice, context: ScreenContext): HelpSlice {
  const top = clampTop(help.viewport.top, lineCount(context), pagedHeight(context.size));
  return top === help.viewport.top ? help : { ...help, viewport: { ...help.viewport, top } };
}

export function updateHelp(help: HelpSlice, command: Command, context: ScreenContext): Step<HelpSlice> {
  if (command === Command.Back || command === Command.BackOrQuit || command === Command.Help) return stay(help, { kind: 'back' });
  const viewport = update(help.viewport, command, textContent(lineCount(context)), pagedHeight(context.size));
  return stay(viewport ? { ...help, viewport } : help);
}
