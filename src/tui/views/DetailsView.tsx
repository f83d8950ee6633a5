import { Box, Text } from 'ink';
import { StatusLine } from '../components/StatusLine.js';
import { Viewport } from '../components/Viewport.js';
import { hintTexts } from '../keymap.js';
import { pagedHeight } from '../layout.js';
import type { Model } from '../model.js';
import type { DetailsSlice } from '../screens/menus.js';
import { percentThrough } from '../viewport.js';

/** Every warning in full: files not loaded and why, the state file, the config file. */
export function DetailsView({ model, details }: { model: Model; details: DetailsSlice }) {
  const height = pagedHeight(model.size);
  return (
    <Box flexDirection="column">
      <Text bold={model.color} wrap="truncate-end">
        Warnings: {model.details.length}
      </Text>
      <Viewport lines={details.lines} top={details.viewport.top} height={height} />
      <StatusLine
        left={hintTexts('help', model.bindings).join(' · ')}
        right={`${percentThrough(details.viewport.top, details.lines.length, height)}%`}
        cols={model.size.cols}
        color={model.color}
      />
    </Box>
  );
}
