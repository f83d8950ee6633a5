import { Box, Text } from 'ink';
import { MIN_COLUMNS, MIN_ROWS, frameHeight, type Size } from '../layout.js';
import { wrapLine } from '../../render/text.js';

/** Said instead of a broken layout when the terminal is below the minimum size. */
export function TooSmall({ size }: { size: Size }) {
  const text = `Terminal too small: ${size.cols}x${size.rows}, need ${MIN_COLUMNS}x${MIN_ROWS}. q quits.`;
  const lines = wrapLine(text, Math.max(1, size.cols)).slice(0, frameHeight(size));
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
