import { Box, Text } from 'ink';
import { highlightRanges } from '../../render/search.js';
import { stripStyle } from '../../render/text.js';
import type { Match } from '../../render/types.js';
import { Viewport } from '../components/Viewport.js';
import { StatusLine } from '../components/StatusLine.js';
import { percentThrough } from '../pager.js';
import { linkPanel, readerHeight, type ReaderState, type State } from '../state.js';
import { hints } from '../status.js';

/** First match on or after `line` (matches are in line order), found by bisection. */
function firstMatchFrom(matches: readonly Match[], line: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (matches[mid].line < line) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Highlights for one visible line: search matches, the number of the picked link, and the sentence
 * shown from a summary or a comparison.
 */
function decorator(reader: ReaderState): ((line: string, index: number) => string) | undefined {
  const { matches, current } = reader.search;
  const linkLine = reader.link === null ? -1 : (reader.doc.linkLines[reader.link] ?? -1);
  const shown = reader.highlight?.ranges ?? [];
  if (matches.length === 0 && linkLine < 0 && shown.length === 0) return undefined;
  return (line, index) => {
    const ranges: { start: number; end: number; current: boolean }[] = [];
    for (const range of shown) if (range.line === index) ranges.push({ start: range.start, end: range.end, current: false });
    for (let m = firstMatchFrom(matches, index); m < matches.length && matches[m].line === index; m++) {
      ranges.push({ start: matches[m].start, end: matches[m].end, current: m === current });
    }
    if (index === linkLine && reader.link !== null) {
      const marker = `[${reader.link + 1}]`;
      const at = stripStyle(line).indexOf(marker);
      if (at >= 0 && !ranges.some((r) => r.start < at + marker.length && r.end > at)) {
        ranges.push({ start: at, end: at + marker.length, current: true });
      }
    }
    return highlightRanges(line, ranges);
  };
}

function statusLeft(state: State, reader: ReaderState): string {
  const { search } = reader;
  if (search.editing) return `/${search.draft}_`;
  if (state.message) return state.message;
  return hints(['j/k scroll', 'Space page', '/ search', 'Tab links', 'h back', '? help', 'q quit'], Math.floor(state.size.cols / 2));
}

function statusRight(state: State, reader: ReaderState): string {
  const { search } = reader;
  const parts: string[] = [];
  if (search.query !== '' && !search.editing) {
    const count = search.matches.length;
    parts.push(count === 0 ? `/${search.query} 0/0` : `/${search.query} ${search.current + 1}/${count}`);
  }
  parts.push(`${percentThrough(reader.top, reader.doc.lines.length, readerHeight(state))}%`);
  return parts.join('  ');
}

/** The article: its laid-out lines in the viewport, the picked link in full, a status line. */
export function ArticleView({ state }: { state: State }) {
  const reader = state.reader!;
  const panel = linkPanel(state);
  const label = state.screenReader ? 'Status: ' : '';
  return (
    <Box flexDirection="column">
      <Viewport lines={reader.doc.lines} top={reader.top} height={readerHeight(state)} decorate={decorator(reader)} />
      {panel.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
      <StatusLine left={label + statusLeft(state, reader)} right={statusRight(state, reader)} cols={state.size.cols} color={state.color} />
    </Box>
  );
}
