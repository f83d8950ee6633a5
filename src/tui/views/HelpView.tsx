import { Box, Text } from 'ink';
import { Viewport } from '../components/Viewport.js';
import { StatusLine } from '../components/StatusLine.js';
import { helpLines } from '../help.js';
import { pagedHeight } from '../layout.js';
import { percentThrough } from '../pager.js';
import type { State } from '../state.js';

/** Every key, drawn from the key map. */
export function HelpView({ state }: { state: State }) {
  const lines = helpLines(state.size.cols, state.screenReader);
  const height = pagedHeight(state.size);
  return (
    <Box flexDirection="column">
      <Text bold={state.color} wrap="truncate-end">
        Help: keys
      </Text>
      <Viewport lines={lines} top={state.helpTop} height={height} />
      <StatusLine
        left="Esc or ? back · q quit"
        right={`${percentThrough(state.helpTop, lines.length, height)}%`}
        cols={state.size.cols}
        color={state.color}
      />
    </Box>
  );
}
