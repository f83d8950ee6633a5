import type { Article } from '../library/types.js';

/** `read --json`: the article with its paragraphs and metadata (not its file's size or mtime). */
export function articleToJson(article: Article): object {
  const { id, title, date, source, url, tags, path, format, words, paragraphs, credits, related, body } = article;
  return { id, title, date, source, url, tags, path, format, words, paragraphs, credits, related, body };
}
