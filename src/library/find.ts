import type { Article } from './types.js';

/**
 * Levenshtein distance between two short strings (ids, command names, name words). With `max`, it stops
 * as soon as the distance must exceed it and returns max + 1: name matching only asks "at most one?".
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/** The article with this id, or, failing that, the only one whose id starts with it. */
export function findArticle(articles: Article[], id: string): Article | undefined {
  const exact = articles.find((article) => article.id === id);
  if (exact) return exact;
  const prefixed = articles.filter((article) => article.id.startsWith(id));
  return id.length > 0 && prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Every id that starts with what was typed: more than one means the prefix is ambiguous. */
export function idsStartingWith(articles: Article[], id: string): string[] {
  if (id.length === 0) return [];
  return articles
    .filter((article) => article.id.startsWith(id))
    .map((article) => article.id)
    .sort((a, b) => a.localeCompare(b));
}

/** Up to `count` ids closest to what was typed: containing it first, then by edit distance. */
export function closestIds(articles: Article[], id: string, count = 3): string[] {
  const wanted = id.toLowerCase();
  return articles
    .map((article) => {
      const candidate = article.id.toLowerCase();
      const contains = candidate.includes(wanted) || wanted.includes(candidate);
      return { id: article.id, score: contains ? 0 : editDistance(wanted, candidate) };
    })
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((entry) => entry.id);
}
