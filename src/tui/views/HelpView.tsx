import { Box, Text } from 'ink';
import { Viewport } from '../components/Viewport.js';
import { StatusLine } from '../components/StatusLine.js';
import { helpLines } from '../help.js';
import { hintTexts } from '../keymap.js';
import { pagedHeight } from '../layout.js';
import type { Model } from '../model.js';
import type { HelpSlice } from '../screens/help.js';
import { percentThrough } from '../viewport.js';

/** Every key, drawn from the key map. */
export function HelpView({ model, help }: { model: Model; help: HelpSlice }) {
  const lines = helpLines(model.size.cols, model.screenReader, model.bindings);
  const height = pagedHeight(model.size);
  return (
    <Box flexDirection="column">
      <Text bold={model.color} wrap="truncate-end">
        Help: keys
      </Text>
      <Viewport lines={lines} top={help.viewport.top} height={height} />
      <StatusLine
        left={hintTexts('help', model.bindings).join(' · ')}
        right={`${percentThrough(help.viewport.top, lines.length, height)}%`}
        cols={model.size.cols}
        color={model.color}
      />
    </Box>
  );
}
