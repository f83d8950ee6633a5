import { findMatches } from '../render/search.js';
import type { Match } from '../render/types.js';

/** A search over a screen's lines (an article, a summary, a comparison), less-style. */
export interface SearchState {
  /** The search in force, whose matches are marked. */
  query: string;
  matches: Match[];
  /** Index into `matches` of the current match, or -1. */
  current: number;
}

export const NO_SEARCH: SearchState = { query: '', matches: [], current: -1 };

/** The message shown when n or N went past the last (first) match and started again. */
export const WRAPPED_MESSAGE = 'search wrapped';

export function searchLines(plain: readonly string[], query: string): SearchState {
  return { query, matches: query === '' ? [] : findMatches(plain, query), current: -1 };
}

/** The first match at or below `top`, as a new search lands: -1 when there is none. */
export function firstMatchFrom(search: SearchState, top: number): number {
  return search.matches.findIndex((match) => match.line >= top);
}

/**
 * The match n (step 1) or N (step -1) goes to, and whether it wrapped past the end. When the current
 * match is off screen (the reader jumped or scrolled away), n searches from the top of the screen and
 * N from just above it, as less does, instead of from a match no longer in sight.
 */
export function stepMatch(search: SearchState, step: 1 | -1, top: number, height: number): { current: number; wrapped: boolean } {
  const count = search.matches.length;
  if (count === 0) return { current: -1, wrapped: false };
  const current = search.matches[search.current];
  const inSight = current !== undefined && current.line >= top && current.line < top + height;
  if (!inSight) {
    if (step > 0) {
      const next = firstMatchFrom(search, top);
      return next >= 0 ? { current: next, wrapped: false } : { current: 0, wrapped: true };
    }
    let previous = -1;
    for (let i = 0; i < count && search.matches[i].line < top; i++) previous = i;
    return previous >= 0 ? { current: previous, wrapped: false } : { current: count - 1, wrapped: true };
  }
  const next = search.current + step;
  if (next >= count) return { current: 0, wrapped: true };
  if (next < 0) return { current: count - 1, wrapped: true };
  return { current: next, wrapped: false };
}

/**
 * The search run again over re-wrapped lines: the same match stays current when the matches are the
 * same in number ("2/2" stays "2/2"), else the first at or below the top.
 */
export function carrySearch(before: SearchState, plain: readonly string[], top: number): SearchState {
  if (before.query === '') return before;
  const again = searchLines(plain, before.query);
  if (again.matches.length === before.matches.length) return { ...again, current: before.current };
  const first = firstMatchFrom(again, top);
  return { ...again, current: again.matches.length === 0 ? -1 : Math.max(0, first) };
}
