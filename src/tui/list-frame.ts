import type { Story } from '../analysis/types.js';
import type { Article, LoadResult } from '../library/types.js';
import { displayWidth, truncateToWidth } from '../render/text.js';
import type { ReadState } from '../state/types.js';
import { BINDINGS, Command, hintTexts, type Binding } from './keymap.js';
import { pagedHeight, type Size } from './layout.js';
import { listRow, sourceColumnWidth, storyMarksFor } from './list-rows.js';
import { isRead } from './read-key.js';
import { hints, inverseVideo, statusText } from './status.js';

/**
 * What the list screen shows, as lines: drawn by ListView under Ink, and written straight to the
 * terminal as the first frame before Ink has loaded (first-frame.ts). One function for both, so the
 * two frames cannot differ. No React here: the first frame must not load it.
 */

const BOLD_ON = '\x1b[1m';
const BOLD_OFF = '\x1b[22m';

export interface ListFrameInput {
  articles: readonly Article[];
  visible: readonly number[];
  top: number;
  cursor: number;
  filter: string;
  /** Whether the filter prompt is open. */
  editing: boolean;
  /** Whether the filter has not searched every article yet (screens/list.ts ListSlice.searching). */
  searching?: boolean;
  readState: ReadState;
  size: Size;
  screenReader: boolean;
  message: string | null;
  notice: string | null;
  /** The stories, when the list is grouped by them: their count in the title, their marks on the rows. */
  stories?: readonly Story[] | null;
  /** The key map in force (the config file's); the defaults when not given. */
  bindings?: readonly Binding[];
}

export interface ListFrame {
  /** The title line (drawn bold with colour). */
  header: string;
  /** The visible rows, the selected one in inverse video; fewer than the height at the end of the list. */
  rows: string[];
  /** The status line, exactly the width (drawn in inverse video with colour). */
  status: string;
}

function header(input: ListFrameInput): string {
  const { articles, visible, filter, editing, screenReader, size } = input;
  const total = articles.length;
  if (editing || filter !== '') {
    const cursor = editing ? '_' : '';
    const count = `${visible.length} of ${total}${input.searching ? ', searching…' : ''}`;
    return screenReader ? `Filter: ${filter}${cursor}. ${count} articles.` : statusText(`/${filter}${cursor}`, count, size.cols);
  }
  const stories = input.stories ? ` · ${input.stories.length} stor${input.stories.length === 1 ? 'y' : 'ies'}` : '';
  const title = `newsdesk · ${total} article${total === 1 ? '' : 's'}${stories}`;
  // A warning sits beside the title, so the status line keeps the key hints; `!` shows it in full.
  if (input.notice) {
    const key = (input.bindings ?? BINDINGS).find((binding) => binding.command === Command.Details)?.label.split(' ')[0];
    const suffix = key ? ` (${key} details)` : '';
    const room = size.cols - displayWidth(title) - 3 - displayWidth(suffix);
    if (room < 8) return truncateToWidth(`${title} · ${suffix.trim()}`, size.cols);
    return `${title} · ${truncateToWidth(input.notice, room)}${suffix}`;
  }
  return title;
}

/** Where the selection is in the list: "12/30". */
function position(input: ListFrameInput): string {
  return input.visible.length === 0 ? '' : `${input.cursor + 1}/${input.visible.length}`;
}

function status(input: ListFrameInput): string {
  const bindings = input.bindings ?? BINDINGS;
  if (input.message) return input.message;
  if (input.editing) return hints(hintTexts('filter', bindings), input.size.cols);
  if (input.visible.length === 0) {
    return input.articles.length === 0 ? 'No articles found · q quit' : 'No articles match · Esc clear the filter';
  }
  return hints(hintTexts('list', bindings), input.size.cols - 10);
}

/**
 * The start-up notice, telling apart what a person would act on differently: files not loaded (with
 * the first reason), files that loaded with warnings (a field ignored), and the scan cap being hit;
 * then state-file problems.
 */
export function startNotice(load: LoadResult, extra: readonly string[] = []): string | null {
  const parts: string[] = [];
  const loaded = new Set(load.articles.map((article) => article.path));
  const capped = load.problems.filter((problem) => problem.reason.includes('the rest were not scanned'));
  const warned = load.problems.filter((problem) => loaded.has(problem.path));
  const failed = load.problems.filter((problem) => !capped.includes(problem) && !warned.includes(problem));
  const describe = (problems: typeof load.problems, what: string): void => {
    if (problems.length === 0) return;
    const first = problems[0];
    const name = first.path.split(/[\\/]/).pop() ?? first.path;
    const files = new Set(problems.map((problem) => problem.path)).size;
    parts.push(`${files} file${files === 1 ? '' : 's'} ${what} (${name}: ${first.reason}${problems.length > 1 ? '; …' : ''})`);
  };
  describe(failed, 'not loaded');
  describe(warned, 'loaded with warnings');
  if (capped.length > 0) parts.push(capped[0].reason.replace(/;.*$/, '') + ': the rest were not scanned');
  parts.push(...extra);
  return parts.length > 0 ? parts.join(' · ') : null;
}

export function listFrame(input: ListFrameInput): ListFrame {
  const { articles, visible, top, cursor, size, screenReader } = input;
  const height = pagedHeight(size);
  // Rows are built for the visible window only: 10,000 articles cost what 20 do.
  const rows: string[] = [];
  const sourceWidth = sourceColumnWidth(articles);
  const marks = input.stories ? storyMarksFor(input.stories) : null;
  for (let i = top; i < Math.min(visible.length, top + height); i++) {
    const article = articles[visible[i]];
    const selected = i === cursor;
    const storyMark = marks?.get(article.id);
    const row = listRow(article, { selected, read: isRead(input.readState, article), cols: size.cols, screenReader, sourceWidth, ...(storyMark ? { storyMark } : {}) });
    rows.push(selected && !screenReader ? inverseVideo(row) : row);
  }
  const left = status(input);
  return {
    header: screenReader ? `Article list. ${header(input)}` : header(input),
    rows,
    status: statusText(screenReader ? `Status: ${left}` : left, screenReader ? `Article ${position(input)}` : position(input), size.cols),
  };
}

/** Ends the first frame: the cursor back home, where Ink starts drawing its own. Ink never writes it. */
export const FIRST_FRAME_END = '\x1b[1;1H';

/**
 * The frame as bytes for a blank screen with the cursor at home, each line placed by row, as Ink draws it: the title bold and
 * the status line inverse with colour. Undefined when Ink would cut a line (a title wider than the
 * terminal), as then only Ink knows what it draws.
 */
export function listFrameText(frame: ListFrame, size: Size, color: boolean): string | undefined {
  if (displayWidth(frame.header) > size.cols) return undefined;
  const height = pagedHeight(size);
  const lines = [color && frame.header !== '' ? `${BOLD_ON}${frame.header}${BOLD_OFF}` : frame.header, ...frame.rows];
  // The title goes where the cursor is (home); the other lines are placed by row from the second on.
  let text = lines[0];
  lines.forEach((line, row) => {
    if (row > 0 && line !== '') text += `\x1b[${row + 1};1H${line}`;
  });
  const status = color ? inverseVideo(frame.status) : frame.status;
  return `${text}\x1b[${height + 2};1H${status}${FIRST_FRAME_END}`;
}
