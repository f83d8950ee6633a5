/**
 * The styles the renderer uses, as plain SGR sequences. We emit them ourselves rather than through chalk,
 * whose level is global and guessed from process.stdout: with colour off every style is the identity, so
 * no escape sequence at all reaches the output.
 */
export interface Styles {
  title: (text: string) => string;
  heading: (text: string) => string;
  firstHeading: (text: string) => string;
  /** Headings by level, h1 to h4 each its own colour (h5 and h6 look like h4). */
  headings: readonly [(text: string) => string, (text: string) => string, (text: string) => string, (text: string) => string];
  /** A code block's text on its background; the language label above it. */
  codeBlock: (text: string) => string;
  codeLabel: (text: string) => string;
  tableHeader: (text: string) => string;
  strong: (text: string) => string;
  em: (text: string) => string;
  code: (text: string) => string;
  del: (text: string) => string;
  quote: (text: string) => string;
  link: (text: string) => string;
  dim: (text: string) => string;
  /** Names that stand out in printed sheets (speakers), and warnings. */
  accent: (text: string) => string;
  warn: (text: string) => string;
}

const identity = (text: string): string => text;

/** Wraps each line separately so a style never spans a line break (lines are sliced and shown alone). */
function sgr(open: string, close: string): (text: string) => string {
  return (text) =>
    text
      .split('\n')
      .map((line) => (line === '' ? line : `\x1b[${open}m${line}\x1b[${close}m`))
      .join('\n');
}

const COLOR_STYLES: Styles = {
  title: sgr('1', '22'),
  heading: sgr('1;32', '39;22'),
  firstHeading: sgr('1;4;35', '39;24;22'),
  // Like glow: h1 stands out on a background, h2-h4 each their own colour.
  headings: [sgr('1;97;45', '39;49;22'), sgr('1;36', '39;22'), sgr('1;32', '39;22'), sgr('1;33', '39;22')],
  codeBlock: sgr('97;100', '39;49'),
  codeLabel: sgr('2;3', '23;22'),
  tableHeader: sgr('1', '22'),
  strong: sgr('1', '22'),
  em: sgr('3', '23'),
  code: sgr('33', '39'),
  del: sgr('9', '29'),
  quote: sgr('3', '23'),
  link: sgr('34', '39'),
  dim: sgr('2', '22'),
  accent: sgr('36', '39'),
  warn: sgr('33', '39'),
};

const PLAIN_STYLES: Styles = {
  title: identity,
  heading: identity,
  firstHeading: identity,
  headings: [identity, identity, identity, identity],
  codeBlock: identity,
  codeLabel: identity,
  tableHeader: identity,
  strong: identity,
  em: identity,
  code: identity,
  del: identity,
  quote: identity,
  link: identity,
  dim: identity,
  accent: identity,
  warn: identity,
};

export function makeStyles(color: boolean): Styles {
  return color ? COLOR_STYLES : PLAIN_STYLES;
}
