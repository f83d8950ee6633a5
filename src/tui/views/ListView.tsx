import { Box, Text } from 'ink';
import { Viewport } from '../components/Viewport.js';
import { StatusLine } from '../components/StatusLine.js';
import { pagedHeight } from '../layout.js';
import { listFrame } from '../list-frame.js';
import type { Model } from '../model.js';

/** The article list: a title line, the visible window of rows, a status line (list-frame.ts says what they hold). */
export function ListView({ model }: { model: Model }) {
  const { list, size } = model;
  const frame = listFrame({
    articles: model.articles,
    visible: list.visible,
    top: list.viewport.top,
    cursor: list.viewport.cursor,
    filter: list.filter,
    editing: model.prompt?.purpose === 'filter',
    searching: list.searching,
    readState: model.readState,
    size,
    screenReader: model.screenReader,
    message: model.message ?? (model.refresh.running ? model.refresh.text : null),
    notice: model.notice,
    stories: list.grouped ? model.analysis.stories : null,
    bindings: model.bindings,
  });
  return (
    <Box flexDirection="column">
      <Text bold={model.color} wrap="truncate-end">
        {frame.header}
      </Text>
      <Viewport lines={frame.rows} top={0} height={pagedHeight(size)} />
      <StatusLine left={frame.status} cols={size.cols} color={model.color} />
    </Box>
  );
}
