import { Box, Text } from 'ink';
import { pagedHeight } from '../layout.js';
import type { Model } from '../model.js';
import { sheetMarks, type SheetScreen } from '../screens/sheets.js';
import { GUTTER } from '../../render/sheet.js';
import { decorateSheetLine } from '../sheet.js';
import { hints } from '../status.js';
import { percentThrough } from '../viewport.js';
import { StatusLine } from './StatusLine.js';
import { Viewport } from './Viewport.js';

export interface SheetFrameProps {
  title: string;
  slice: SheetScreen;
  /** Key hints for the status line, most useful first. */
  keys: string[];
  /** What the items are called in the status line ("fact", "statement"). */
  noun: string;
  model: Model;
}

/** A summary or a comparison: a title, the sheet in the one viewport with its cursor marked, a status line. */
export function SheetFrame({ title, slice, keys, noun, model }: SheetFrameProps) {
  const { size, color, screenReader, message } = model;
  const { sheet, viewport, error } = slice;
  const height = pagedHeight(size);
  // While the analysis runs on its worker: how far it got, and that Esc stops it.
  const lines = sheet ? sheet.lines : error ? ['', `${GUTTER}${error}`] : ['', `${GUTTER}${model.progress ?? 'Analysing…'}`, '', `${GUTTER}Esc cancels`];
  const count = sheet?.anchors.length ?? 0;
  const where = count > 0 ? `${noun} ${viewport.cursor + 1}/${count}  ` : '';
  const typing = model.prompt?.purpose === 'search' ? `/${model.prompt.text}_` : null;
  const left = typing ?? message ?? hints(keys, Math.floor(size.cols / 2));
  const { search } = slice;
  const found = search.query !== '' && !typing ? `/${search.query} ${search.matches.length === 0 ? 0 : search.current + 1}/${search.matches.length}  ` : '';
  const right = sheet ? `${found}${where}${percentThrough(viewport.top, lines.length, height)}%` : '';
  return (
    <Box flexDirection="column">
      <Text bold={color} wrap="truncate-end">
        {title}
      </Text>
      <Viewport lines={lines} top={sheet ? viewport.top : 0} height={height} marks={sheet ? sheetMarks(slice) : undefined} decorate={sheet ? decorateSheetLine(sheet, viewport.cursor, color) : undefined} />
      <StatusLine left={screenReader ? `Status: ${left}` : left} right={right} cols={size.cols} color={color} />
    </Box>
  );
}
