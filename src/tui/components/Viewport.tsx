import { Box, Text } from 'ink';
import { highlightRanges } from '../../render/search.js';
import { firstMarkFrom, type Mark } from '../viewport.js';

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

/** A line with the marks that fall on it. */
function markLine(line: string, index: number, marks: readonly Mark[]): string {
  const ranges: Mark[] = [];
  for (let m = firstMarkFrom(marks, index); m < marks.length && marks[m].line === index; m++) ranges.push(marks[m]);
  return ranges.length === 0 ? line : highlightRanges(line, ranges);
}

/**
 * The one scrolling window every screen uses, drawing a viewport model (viewport.ts). Ink has no scroll
 * view and lays out every node it is given, so this draws only the visible slice, one <Text> per line:
 * a keypress costs the same in a three-line note and in a megabyte. Lines must already fit the width; a
 * longer one is cut, not wrapped.
 */
export function Viewport({ lines, top, height, marks, decorate }: ViewportProps) {
  const rows = [];
  for (let row = 0; row < height; row++) {
    const index = top + row;
    const line = index < lines.length ? lines[index] : '';
    let shown = line;
    if (index < lines.length) {
      if (marks && marks.length > 0) shown = markLine(shown, index, marks);
      if (decorate) shown = decorate(shown, index);
    }
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
