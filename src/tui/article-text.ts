import type { Article, ArticleText } from '../library/types.js';
import { splitKeys } from './keymap.js';
import type { Action, Model } from './model.js';
import { reduce } from './reduce.js';

/**
 * The reader's one read of an article's text, outside the pure reducer: an article from the cache
 * index reads its body and paragraphs from disk when asked for them (src/library/cache.ts).
 */
export function readArticleText(article: Article): ArticleText {
  return { body: article.body, paragraphs: article.paragraphs };
}

/**
 * `reduce`, with the article it asks to open (`Model.opening`) read and handed back before the next
 * action, one key at a time: in "Enter j" typed at once, the `j` scrolls the article, as it would when
 * typed a moment later. App and the reducer's tests go through this.
 */
export function reduceAndRead(model: Model, action: Action): Model {
  if (action.type === 'key') {
    const presses = splitKeys(action.input, action.key);
    if (presses.length > 1) return presses.reduce((current, press) => reduceAndRead(current, { type: 'key', ...press }), model);
  }
  const next = reduce(model, action);
  const opening = next.opening;
  if (opening === null) return next;
  return reduce(next, { type: 'article-text', opening, text: readArticleText(next.articles[opening.index]) });
}
