import type { Article } from '../library/types.js';
import { createStyler } from './style.js';

export interface ListEntry {
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  words: number;
  path: string;
}

export function listToJson(articles: Article[]): ListEntry[] {
  return articles.map(({ id, title, date, source, words, path }) => ({ id, title, date, source, words, path }));
}

/** One article a line: date, length, id, then the title, so `cut` and `grep` work on it. */
export function formatListText(articles: Article[], options: { color: boolean }): string {
  const style = createStyler(options.color);
  const idWidth = Math.min(40, Math.max(2, ...articles.map((article) => article.id.length)));
  const lines = articles.map((article) => {
    const date = (article.date ?? '—').padEnd(10);
    const words = `${article.words.toLocaleString('en-US')} words`.padStart(12);
    const source = article.source ? style.dim(` (${article.source})`) : '';
    return `${style.dim(date)} ${style.dim(words)}  ${style.accent(article.id.padEnd(idWidth))}  ${style.bold(article.title)}${source}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
