import { Box, Text } from 'ink';
import { visibleLines, type Mark } from '../viewport.js';

export interface ViewportProps {
  /** All the lines; only `height` of them, from `top`, are drawn. */
  lines: readonly string[];
  /** Index of the first line shown. */
  top: number;
  /** Rows drawn: always exactly this many (blank rows below the end), so the layout never jumps. */
  height: number;
  /** Ranges drawn in inverse video (search matches, a highlighted sentence), sorted by line. */
  marks?: readonly Mark[];
  /** Changes a line just before it is drawn (a sheet's cursor); called for visible lines only. */
  decorate?: (line: string, index: number) => string;
}

/**
 * The one scrolling window every screen uses, drawing a viewport model (viewport.ts). Ink has no scroll
 * view and lays out every node it is given, so this draws only the visible slice, one <Text> per line:
 * a keypress costs the same in a three-line note and in a megabyte. Lines must already fit the width; a
 * longer one is cut, not wrapped.
 */
export function Viewport({ lines, top, height, marks, decorate }: ViewportProps) {
  const rows = visibleLines(lines, top, height, marks, decorate).map((shown, row) => (
    <Text key={row} wrap="truncate-end">
      {shown === '' ? ' ' : shown}
    </Text>
  ));
  return (
    <Box flexDirection="column" height={height} flexShrink={0}>
      {rows}
    </Box>
  );
}
