import { Box, Text } from 'ink';
import { pagedHeight, type Size } from '../layout.js';
import { percentThrough } from '../pager.js';
import { decorateSheetLine, GUTTER, type Sheet, type SheetPosition } from '../sheet.js';
import { hints } from '../status.js';
import { StatusLine } from './StatusLine.js';
import { Viewport } from './Viewport.js';

export interface SheetFrameProps {
  title: string;
  /** Null while the analysis runs or when it failed. */
  sheet: Sheet | null;
  position: SheetPosition;
  error: string | null;
  /** Key hints for the status line, most useful first. */
  keys: string[];
  /** What the items are called in the status line ("fact", "statement"). */
  noun: string;
  message: string | null;
  size: Size;
  color: boolean;
  screenReader: boolean;
}

/** A summary or a comparison: a title, the sheet in the one viewport with its cursor marked, a status line. */
export function SheetFrame({ title, sheet, position, error, keys, noun, message, size, color, screenReader }: SheetFrameProps) {
  const height = pagedHeight(size);
  const lines = sheet ? sheet.lines : ['', `${GUTTER}${error ?? 'Analysing…'}`];
  const count = sheet?.anchors.length ?? 0;
  const where = count > 0 ? `${noun} ${position.cursor + 1}/${count}  ` : '';
  const right = sheet ? `${where}${percentThrough(position.top, lines.length, height)}%` : '';
  const left = message ?? hints(keys, Math.floor(size.cols / 2));
  return (
    <Box flexDirection="column">
      <Text bold={color} wrap="truncate-end">
        {title}
      </Text>
      <Viewport lines={lines} top={sheet ? position.top : 0} height={height} decorate={sheet ? decorateSheetLine(sheet, position.cursor, color) : undefined} />
      <StatusLine left={screenReader ? `Status: ${left}` : left} right={right} cols={size.cols} color={color} />
    </Box>
  );
}
