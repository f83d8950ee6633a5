import { wrapLine } from '../../render/text.js';
import type { ScreenContext } from '../context.js';
import { stay, type Step } from '../intent.js';
import { Command } from '../keymap.js';
import { pagedHeight } from '../layout.js';
import { EMPTY_VIEWPORT, clampTop, textContent, update, type Viewport } from '../viewport.js';

/** The details of the start-up warnings (`!`): every problem in full, scrollable. */
export interface DetailsSlice {
  kind: 'details';
  lines: string[];
  viewport: Viewport;
}

/** The topic chooser (`T`): a pick-one menu drawn by ink-select-input; the choice comes back as `topic-chosen`. */
export interface TopicsSlice {
  kind: 'topics';
  items: string[];
}

/** Shown as the chooser's last item; picking it opens a prompt to type a topic. */
export const TYPE_A_TOPIC = 'Type a topic…';

export function detailsLines(details: readonly string[], cols: number): string[] {
  return details.flatMap((detail) => wrapLine(`• ${detail}`, Math.max(1, cols)));
}

export function openDetails(details: readonly string[], context: ScreenContext): DetailsSlice {
  return { kind: 'details', lines: detailsLines(details, context.size.cols), viewport: EMPTY_VIEWPORT };
}

export function fitDetails(slice: DetailsSlice, details: readonly string[], context: ScreenContext): DetailsSlice {
  const lines = detailsLines(details, context.size.cols);
  return { ...slice, lines, viewport: { ...slice.viewport, top: clampTop(slice.viewport.top, lines.length, pagedHeight(context.size)) } };
}

export function updateDetails(slice: DetailsSlice, command: Command, context: ScreenContext): Step<DetailsSlice> {
  if (command === Command.Back || command === Command.BackOrQuit || command === Command.Details) return stay(slice, { kind: 'back' });
  const viewport = update(slice.viewport, command, textContent(slice.lines.length), pagedHeight(context.size));
  return stay(viewport ? { ...slice, viewport } : slice);
}

/** The chooser's items: the topic in force, the config file's topics, those compared this session, then "type one". */
export function openTopics(current: string, configured: readonly string[], compared: readonly string[]): TopicsSlice {
  const items = [...new Set([current, ...configured, ...compared].map((topic) => topic.trim().toLowerCase()).filter(Boolean))];
  return { kind: 'topics', items: [...items, TYPE_A_TOPIC] };
}

export function updateTopics(slice: TopicsSlice, command: Command): Step<TopicsSlice> {
  // j/k, the arrows and Enter belong to the menu itself (ink-select-input); here only the ways out.
  if (command === Command.Back || command === Command.BackOrQuit) return stay(slice, { kind: 'back' });
  return stay(slice);
}
