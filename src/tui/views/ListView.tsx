import { Box, Text } from 'ink';
import { Viewport } from '../components/Viewport.js';
import { StatusLine } from '../components/StatusLine.js';
import { hintTexts } from '../keymap.js';
import { pagedHeight } from '../layout.js';
import { listRow, sourceColumnWidth } from '../list-rows.js';
import type { Model } from '../model.js';
import { isRead } from '../read-key.js';
import { hints, statusText } from '../status.js';

const INVERSE_ON = '\x1b[7m';
const INVERSE_OFF = '\x1b[27m';

function header(model: Model): string {
  const { list, articles, screenReader } = model;
  const editing = model.prompt?.purpose === 'filter';
  const total = articles.length;
  const shown = list.visible.length;
  if (editing || list.filter !== '') {
    const cursor = editing ? '_' : '';
    const count = `${shown} of ${total}`;
    return screenReader ? `Filter: ${list.filter}${cursor}. ${count} articles.` : statusText(`/${list.filter}${cursor}`, count, model.size.cols);
  }
  return `newsdesk · ${total} article${total === 1 ? '' : 's'}`;
}

function status(model: Model): string {
  if (model.message) return model.message;
  if (model.notice) return model.notice;
  if (model.prompt?.purpose === 'filter') return hints(hintTexts('filter'), model.size.cols);
  if (model.list.visible.length === 0) {
    return model.articles.length === 0 ? 'No articles found · q quit' : 'No articles match · Esc clear the filter';
  }
  return hints(hintTexts('list'), model.size.cols);
}

/** The article list: a title line, the visible window of rows, a status line. */
export function ListView({ model }: { model: Model }) {
  const { list, size, articles, screenReader } = model;
  const height = pagedHeight(size);
  const { top, cursor } = list.viewport;
  // Rows are built for the visible window only: 10,000 articles cost what 20 do.
  const rows: string[] = [];
  const sourceWidth = sourceColumnWidth(articles);
  for (let i = top; i < Math.min(list.visible.length, top + height); i++) {
    const article = articles[list.visible[i]];
    const selected = i === cursor;
    const row = listRow(article, { selected, read: isRead(model.readState, article), cols: size.cols, screenReader, sourceWidth });
    rows.push(selected && !screenReader ? `${INVERSE_ON}${row}${INVERSE_OFF}` : row);
  }
  return (
    <Box flexDirection="column">
      <Text bold={model.color} wrap="truncate-end">
        {screenReader ? `Article list. ${header(model)}` : header(model)}
      </Text>
      <Viewport lines={rows} top={0} height={height} />
      <StatusLine left={screenReader ? `Status: ${status(model)}` : status(model)} cols={size.cols} color={model.color} />
    </Box>
  );
}
