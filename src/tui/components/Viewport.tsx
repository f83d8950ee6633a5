import { Box, Text } from 'ink';

export interface ViewportProps {
  /** All the lines; only `height` of them, from `top`, are drawn. */
  lines: readonly string[];
  /** Index of the first line shown. */
  top: number;
  /** Rows drawn: always exactly this many (blank rows below the end), so the layout never jumps. */
  height: number;
  /** Changes a line just before it is drawn (search highlights); called for visible lines only. */
  decorate?: (line: string, index: number) => string;
}

/**
 * The one scrolling window every screen uses. Ink has no scroll view and lays out every node it is
 * given, so this draws only the visible slice, one <Text> per line: a keypress costs the same in a
 * three-line note and in a megabyte. Lines must already fit the width; a longer one is cut, not wrapped.
 */
export function Viewport({ lines, top, height, decorate }: ViewportProps) {
  const rows = [];
  for (let row = 0; row < height; row++) {
    const index = top + row;
    const line = index < lines.length ? lines[index] : '';
    const shown = decorate && index < lines.length ? decorate(line, index) : line;
    rows.push(
      <Text key={row} wrap="truncate-end">
        {shown === '' ? ' ' : shown}
      </Text>,
    );
  }
  return (
    <Box flexDirection="column" height={height} flexShrink={0}>
      {rows}
    </Box>
  );
}
