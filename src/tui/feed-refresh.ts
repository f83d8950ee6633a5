import type { LoadResult } from '../library/types.js';
import { emptyAnalysisCache } from './analysis-jobs.js';
import { SearchIndex } from './library-index.js';
import { startNotice } from './list-frame.js';
import { problemDetails, type Model } from './model.js';
import { applyFilter, createList, fitList, selectedArticle } from './screens/list.js';

/**
 * `r`: the library is read again from disk and the feeds are refreshed, outside the reducer (App runs the refresh, as it runs an analysis), and
 * the keys keep working meanwhile. Progress comes back as text for the status line; the library found
 * afterwards replaces the list's, once the list is the screen shown (an open article keeps its index).
 */
export function startRefresh(model: Model): Model {
  if (model.refresh.running) return { ...model, message: model.refresh.text || 'Already reloading' };
  // The feeds' progress replaces this text when there are feeds to refresh.
  return { ...model, refresh: { ...model.refresh, id: model.refresh.id + 1, running: true, text: 'Reloading…' } };
}

export function refreshProgress(model: Model, text: string): Model {
  return model.refresh.running ? { ...model, refresh: { ...model.refresh, text } } : model;
}

/** The refresh is over: its library replaces the list's now, or when the person is back on the list. */
export function refreshDone(model: Model, load: LoadResult | null, error?: string): Model {
  const idle: Model = { ...model, refresh: { ...model.refresh, running: false, text: '', pending: load, pendingFrom: 'refresh' } };
  if (!load) return { ...idle, message: `Refresh failed: ${error ?? 'unknown error'}` };
  return idle.stack.length === 0 ? showPending(idle) : { ...idle, message: 'Feeds refreshed: the new items show when you are back on the list' };
}

/**
 * A warm start's check found files changed since the cache index the reader started from: the library
 * loaded from them replaces the list's now, or when the person is back on the list.
 */
export function libraryChanged(model: Model, load: LoadResult): Model {
  const waiting: Model = { ...model, refresh: { ...model.refresh, pending: load, pendingFrom: 'files' } };
  return waiting.stack.length === 0 ? showPending(waiting) : { ...waiting, message: 'Files changed since the last start: the list is updated when you are back on it' };
}

/** What a warm start's check changed in the list: articles new, edited and gone; undefined for none. */
function filesChangedMessage(before: Model['articles'], after: Model['articles']): string | undefined {
  const old = new Map(before.map((article) => [article.path, article]));
  let added = 0;
  let edited = 0;
  for (const article of after) {
    const was = old.get(article.path);
    if (!was) added++;
    else if (was.size !== article.size || was.mtimeMs !== article.mtimeMs || was.ctimeMs !== article.ctimeMs || was.ino !== article.ino) edited++;
  }
  const removed = before.length - (after.length - added);
  const parts = [added && `${added} new`, edited && `${edited} edited`, removed && `${removed} gone`].filter(Boolean);
  return parts.length ? `Files changed since the last start: ${parts.join(', ')}` : undefined;
}

/** Swaps in the refreshed library, keeping the filter and the selected article. */
export function showPending(model: Model): Model {
  const load = model.refresh.pending;
  if (!load || model.stack.length > 0) return model;
  const selected = selectedArticle(model.list);
  const selectedPath = selected === undefined ? undefined : model.articles[selected]?.path;
  const before = new Set(model.articles.map((article) => article.path));
  const added = load.articles.filter((article) => !before.has(article.path)).length;
  const articles = load.articles;
  const index = new SearchIndex(articles);
  const context = { ...model, articles };
  let list = model.list.filter ? applyFilter(createList(articles.length), model.list.filter, index, context) : createList(articles.length);
  const at = selectedPath === undefined ? -1 : list.visible.findIndex((i) => articles[i].path === selectedPath);
  if (at >= 0) list = { ...list, viewport: { ...list.viewport, cursor: at, top: model.list.viewport.top } };
  const failed = load.problems.filter((problem) => problem.reason.startsWith('feed not refreshed')).length;
  const parts = [`${added} new article${added === 1 ? '' : 's'}`];
  if (failed) parts.push(`${failed} feed${failed === 1 ? '' : 's'} failed (${load.problems.find((p) => p.reason.startsWith('feed not refreshed'))?.reason.replace('feed not refreshed: ', '')})`);
  const message = model.refresh.pendingFrom === 'files' ? filesChangedMessage(model.articles, load.articles) : `Refreshed: ${parts.join(', ')}`;
  return {
    ...model,
    articles,
    index,
    analysis: emptyAnalysisCache(),
    list: fitList(list, context),
    // The warnings are the new library's (a file fixed since start is no longer reported).
    notice: startNotice(load),
    details: problemDetails(load),
    refresh: { ...model.refresh, pending: null },
    // A check that found only a problem (a dangling link, say) changes the notice, not the articles.
    message: message ?? model.message,
  };
}
