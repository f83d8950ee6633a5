import type { Story } from '../../analysis/types.js';
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
  /** Grouped by story (S): the articles of one story together, stories in their order. */
  grouped: boolean;
  /**
   * Whether `visible` is what the filter found in the articles indexed so far (a large library just
   * started): App applies the filter again as the index grows, until every article is searched.
   */
  searching: boolean;
}

/**
 * How long a key typed at the filter may spend indexing articles not indexed yet. The rest are
 * searched as the index grows between keys, so typing never waits for 10,000 bodies to be read.
 */
export const FILTER_KEY_BUDGET_MS = 15;

export function createList(count: number): ListSlice {
  return { filter: '', visible: Array.from({ length: count }, (_, i) => i), viewport: EMPTY_VIEWPORT, grouped: false, searching: false };
}

/** The story an article (by index) is in, once the stories are known. */
export function storyOf(article: number, context: ScreenContext): Story | undefined {
  const id = context.articles[article]?.id;
  return context.analysis.stories?.find((story) => story.articles.some((a) => a.id === id));
}

/** Article indexes in story order (each story's articles together, earliest first), keeping only `visible`. */
export function groupedByStory(visible: number[], context: ScreenContext): number[] {
  const stories = context.analysis.stories;
  if (!stories) return visible;
  const shown = new Set(visible);
  const indexOf = new Map(context.articles.map((article, i) => [article.id, i]));
  const out: number[] = [];
  for (const story of stories) for (const a of story.articles) {
    const i = indexOf.get(a.id);
    if (i !== undefined && shown.has(i)) out.push(i);
  }
  return out.length === visible.length ? out : visible;
}

/** The list grouped by story or not, the selected article kept selected. */
export function groupList(list: ListSlice, grouped: boolean, index: SearchIndex, context: ScreenContext): ListSlice {
  const selected = selectedArticle(list);
  const regrouped = applyFilter({ ...list, grouped }, list.filter, index, context);
  const cursor = Math.max(0, selected === undefined ? 0 : regrouped.visible.indexOf(selected));
  return fitList({ ...regrouped, viewport: { ...regrouped.viewport, cursor } }, context);
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
export function applyFilter(list: ListSlice, filter: string, index: SearchIndex, context: ScreenContext, budgetMs = FILTER_KEY_BUDGET_MS): ListSlice {
  const found = filterArticles(index, filter, { ...list, complete: !list.searching }, budgetMs);
  const visible = list.grouped ? groupedByStory(found.visible, context) : found.visible;
  return fitList({ ...list, filter, visible, searching: !found.complete, viewport: { ...list.viewport, cursor: 0, top: 0 } }, context);
}

/** A filter still searching, applied again over the articles indexed since; the selection stays on its article. */
export function searchFurther(list: ListSlice, index: SearchIndex, context: ScreenContext): ListSlice {
  if (!list.searching) return list;
  const selected = selectedArticle(list);
  const next = applyFilter(list, list.filter, index, context);
  const at = selected === undefined ? -1 : next.visible.indexOf(selected);
  return at > 0 ? fitList({ ...next, viewport: { ...next.viewport, cursor: at, top: list.viewport.top } }, context) : next;
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
    case Command.Compare: {
      const article = selectedArticle(list);
      const story = list.grouped && article !== undefined ? storyOf(article, context)?.id : undefined;
      return stay(list, story ? { kind: 'compare', story } : { kind: 'compare' });
    }
    case Command.Stories:
      return stay(list, { kind: 'stories' });
    default: {
      const viewport = update(list.viewport, command, rowsContent(list.visible.length), pagedHeight(context.size));
      return stay(viewport ? { ...list, viewport } : list);
    }
  }
}
