import { Command } from '../keymap.js';
import { pagedHeight } from '../layout.js';
import { filterArticles, type SearchIndex } from '../library-index.js';
import { stay, type Step } from '../intent.js';
import type { ScreenContext } from '../context.js';
import { EMPTY_VIEWPORT, revealCursor, rowsContent, update, type Viewport } from '../viewport.js';

/** The article list: the filter in force, the articles it shows, and the viewport over them (the cursor is the selection). */
export interface ListSlice {
  filter: string;
  /** Indexes into `articles` of the articles shown, in order. */
  visible: number[];
  viewport: Viewport;
}

export function createList(count: number): ListSlice {
  return { filter: '', visible: Array.from({ length: count }, (_, i) => i), viewport: EMPTY_VIEWPORT };
}

/** Index into `articles` of the selected article, if any. */
export function selectedArticle(list: ListSlice): number | undefined {
  return list.visible[list.viewport.cursor];
}

/** The list with the selection in view in a window of the size's height. */
export function fitList(list: ListSlice, context: ScreenContext): ListSlice {
  return { ...list, viewport: revealCursor(list.viewport, rowsContent(list.visible.length), pagedHeight(context.size)) };
}

/** The list filtered by `filter` (narrowing the last result when the filter only grew), the first row selected. */
export function applyFilter(list: ListSlice, filter: string, index: SearchIndex, context: ScreenContext): ListSlice {
  const visible = filterArticles(index, filter, list);
  return fitList({ ...list, filter, visible, viewport: { ...list.viewport, cursor: 0, top: 0 } }, context);
}

export function updateList(list: ListSlice, command: Command, index: SearchIndex, context: ScreenContext): Step<ListSlice> {
  switch (command) {
    case Command.Open: {
      const article = selectedArticle(list);
      return stay(list, article === undefined ? { kind: 'say', text: 'No article to open' } : { kind: 'open-article', index: article });
    }
    case Command.Filter:
      return stay(list, { kind: 'prompt' });
    case Command.Back:
      return stay(list.filter === '' ? list : applyFilter(list, '', index, context));
    case Command.Summary: {
      const article = selectedArticle(list);
      return stay(list, article === undefined ? { kind: 'say', text: 'No article to summarise' } : { kind: 'summary', article });
    }
    case Command.Compare:
      return stay(list, { kind: 'compare' });
    default: {
      const viewport = update(list.viewport, command, rowsContent(list.visible.length), pagedHeight(context.size));
      return stay(viewport ? { ...list, viewport } : list);
    }
  }
}
