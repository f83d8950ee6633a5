// The smallest Ink programs, the floor for any Ink app: by default one line that quits on q (for the
// start); with --pager, a screen of text lines that j and PgDn scroll, one <Text> per line (for the
// keypress-to-redraw floor of an Ink pager).
import React from 'react';
import { Box, render, Text, useApp, useInput } from 'ink';

const pager = process.argv.includes('--pager');
const LINES = pager ? Array.from({ length: 20_000 }, (_, i) => `${i} The quick brown fox jumps over the lazy dog while the ceasefire talks continue.`) : [];

function Floor() {
  const { exit } = useApp();
  const [top, setTop] = React.useState(0);
  const height = (process.stdout.rows || 24) - 1;
  useInput((input, key) => {
    if (input === 'q') exit();
    if (input === 'j') setTop((value) => value + 1);
    if (input === 'g') setTop(0);
    if (key.pageDown) setTop((value) => value + height);
  });
  if (!pager) return React.createElement(Text, null, 'ink floor ready');
  return React.createElement(
    Box,
    { flexDirection: 'column' },
    LINES.slice(top, top + height).map((line, i) => React.createElement(Text, { key: i, wrap: 'truncate' }, line)),
  );
}

render(React.createElement(Floor));
