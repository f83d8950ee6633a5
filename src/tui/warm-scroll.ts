import { scrollAhead } from './article-frame.js';
import { frameUpdate } from './frame-update.js';
import { Command } from './keymap.js';
import type { Model } from './model.js';
import { reduce } from './reduce.js';

/**
 * Runs a scroll's hot path once with nothing drawn: the reducer's line and page steps, the rows drawn
 * ahead (article-frame.ts) and the update between two of them (frame-update.ts). Until a piece of code
 * has run, V8 has neither compiled it nor learnt its types, and the first `j` in a reader paid for both
 * (about 1.5 ms more than the next). Pure: the model is not changed and nothing is written.
 */
export function warmScrollPath(model: Model): void {
  for (const command of [Command.LineDown, Command.PageDown]) {
    const first = reduce(model, { type: 'command', command });
    const second = reduce(first, { type: 'command', command });
    const ahead = scrollAhead(model, first);
    const after = scrollAhead(first, second);
    if (ahead && after) frameUpdate(ahead, after);
  }
}
