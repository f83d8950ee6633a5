import { Box, Text } from 'ink';
import { memo } from 'react';
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

/** A row, drawn again only when its text changed. */
const ViewportRow = memo(function ViewportRow({ text }: { text: string }) {
  return <Text wrap="truncate-end">{text}</Text>;
});

/**
 * The one scrolling window every screen uses, drawing a viewport model (viewport.ts). Ink has no scroll
 * view and lays out every node it is given, so this draws only the visible slice, one <Text> per line:
 * a keypress costs the same in a three-line note and in a megabyte. Lines must already fit the width; a
 * longer one is cut, not wrapped.
 */
export function Viewport({ lines, top, height, marks, decorate }: ViewportProps) {
  // Each line keeps its row's node while it is in view: keyed by its index modulo the height, a line
  // scrolled up a row is the same node one place up, and the line scrolled in takes the node of the one
  // scrolled out. A `j` then changes one row's text (React moves one node), not every row's, and Ink lays
  // out and measures only that row again. Keys stay distinct: `height` consecutive indexes.
  const rows = visibleLines(lines, top, height, marks, decorate).map((shown, row) => <ViewportRow key={(top + row) % height} text={shown === '' ? ' ' : shown} />);
  return (
    <Box flexDirection="column" height={height} flexShrink={0}>
      {rows}
    </Box>
  );
}
