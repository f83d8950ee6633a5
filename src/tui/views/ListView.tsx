import { Box, Text } from 'ink';
import { Viewport } from '../components/Viewport.js';
import { StatusLine } from '../components/StatusLine.js';
import { listHeight } from '../layout.js';
import { listRow } from '../list-rows.js';
import { isRead, type State } from '../state.js';
import { hints, statusText } from '../status.js';

const INVERSE_ON = '\x1b[7m';
const INVERSE_OFF = '\x1b[27m';

function header(state: State): string {
  const { list, articles, screenReader } = state;
  const total = articles.length;
  const shown = list.visible.length;
  if (list.editing || list.filter !== '') {
    const cursor = list.editing ? '_' : '';
    const count = `${shown} of ${total}`;
    return screenReader ? `Filter: ${list.filter}${cursor}. ${count} articles.` : statusText(`/${list.filter}${cursor}`, count, state.size.cols);
  }
  return `newsdesk · ${total} article${total === 1 ? '' : 's'}`;
}

function status(state: State): string {
  if (state.message) return state.message;
  if (state.notice) return state.notice;
  if (state.list.editing) return hints(['type to filter', 'Enter done', 'Esc clear', '↑↓ move'], state.size.cols);
  if (state.list.visible.length === 0) {
    return state.articles.length === 0 ? 'No articles found · q quit' : 'No articles match · Esc clear the filter';
  }
  return hints(['Enter open', 'j/k move', '/ filter', '? help', 'q quit'], state.size.cols);
}

/** The article list: a title line, the visible window of rows, a status line. */
export function ListView({ state }: { state: State }) {
  const { list, size, articles, screenReader } = state;
  const height = listHeight(size);
  // Rows are built for the visible window only: 10,000 articles cost what 20 do.
  const rows: string[] = [];
  for (let i = list.top; i < Math.min(list.visible.length, list.top + height); i++) {
    const article = articles[list.visible[i]];
    const selected = i === list.selected;
    const row = listRow(article, { selected, read: isRead(state, article), cols: size.cols, screenReader });
    rows.push(selected && !screenReader ? `${INVERSE_ON}${row}${INVERSE_OFF}` : row);
  }
  return (
    <Box flexDirection="column">
      <Text bold={state.color} wrap="truncate-end">
        {screenReader ? `Article list. ${header(state)}` : header(state)}
      </Text>
      <Viewport lines={rows} top={0} height={height} />
      <StatusLine left={screenReader ? `Status: ${status(state)}` : status(state)} cols={size.cols} color={state.color} />
    </Box>
  );
}
