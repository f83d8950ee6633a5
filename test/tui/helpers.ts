import type { Article, LoadResult } from '../../src/library/types.js';
import { NO_KEY, type KeyPress } from '../../src/tui/keymap.js';
import { createModel, nearest, screenOf, type Action, type Model } from '../../src/tui/model.js';
import { reduceAndRead } from '../../src/tui/article-text.js';

type State = Model;

/** Named keys as Ink reports them; anything else is a typed character. */
const NAMED: Record<string, Partial<KeyPress>> = {
  enter: { return: true },
  escape: { escape: true, meta: true },
  tab: { tab: true },
  'shift-tab': { tab: true, shift: true },
  up: { upArrow: true },
  down: { downArrow: true },
  left: { leftArrow: true },
  right: { rightArrow: true },
  pageup: { pageUp: true },
  pagedown: { pageDown: true },
  home: { home: true },
  end: { end: true },
  backspace: { delete: true },
};

export function keyAction(name: string): Action {
  if (name === 'ctrl-c') return { type: 'key', input: 'c', key: { ...NO_KEY, ctrl: true } };
  const named = NAMED[name];
  if (named) return { type: 'key', input: '', key: { ...NO_KEY, ...named } };
  return { type: 'key', input: name, key: { ...NO_KEY, shift: /^[A-Z]$/.test(name) } };
}

/** The state after pressing each key in turn (a word like "fire" is typed letter by letter only if split). */
export function press(state: State, ...keys: string[]): State {
  return keys.reduce((current, key) => reduceAndRead(current, keyAction(key)), state);
}

export function typeText(state: State, text: string): State {
  return press(state, ...[...text]);
}

export function startState(load: LoadResult, options: { cols?: number; rows?: number; color?: boolean } = {}): State {
  return createModel({
    load,
    size: { cols: options.cols ?? 80, rows: options.rows ?? 24 },
    color: options.color ?? false,
    now: () => new Date('2025-06-01T00:00:00Z'),
  });
}

/** The screen shown. */
export function screen(state: State): ReturnType<typeof screenOf> {
  return screenOf(state);
}

/** The open article's slice (the nearest on the back stack), if any. */
export function reader(state: State) {
  return nearest(state, 'article');
}

export function summary(state: State) {
  return nearest(state, 'summary');
}

export function compare(state: State) {
  return nearest(state, 'compare');
}

/** Whether a filter or a search is being typed. */
export function editing(state: State, purpose: 'filter' | 'search'): boolean {
  return state.prompt?.purpose === purpose;
}

/**
 * `count` articles made from `like`, each body slow to read (`ms` of work, as a cold cache on a slow
 * disk): a filter key's share of indexing reaches only some of them. `body(i)` is the i-th one's text.
 */
export function slowArticles(like: Article, count: number, ms: number, body: (i: number) => string): Article[] {
  return Array.from({ length: count }, (_, i) => {
    const article = { ...like, id: `a${i}`, path: `/lib/a${i}.md`, title: `Report ${i}`, tags: [] };
    Object.defineProperty(article, 'body', {
      get: () => {
        const until = performance.now() + ms;
        while (performance.now() < until);
        return body(i);
      },
    });
    return article;
  });
}

