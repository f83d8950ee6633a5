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

/** The styles a config file may colour, each as SGR parameters ("1;36"). */
export const THEME_KEYS = ['h1', 'h2', 'h3', 'h4', 'link', 'code', 'quote', 'strong', 'dim'] as const;
export type ThemeOverrides = Partial<Record<(typeof THEME_KEYS)[number], string>>;

/** For light backgrounds: darker heading colours and a light code background. */
const LIGHT: ThemeOverrides = { h1: '1;97;44', h2: '1;34', h3: '1;32', h4: '1;35', code: '30;47', link: '34' };

/** The close sequence for a set of SGR parameters: each attribute turned off on its own. */
function closeFor(open: string): string {
  const closes = new Set<string>();
  for (const code of open.split(';').map(Number)) {
    if (code === 1 || code === 2) closes.add('22');
    else if (code === 3) closes.add('23');
    else if (code === 4) closes.add('24');
    else if (code === 7) closes.add('27');
    else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) closes.add('39');
    else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) closes.add('49');
  }
  return [...closes].join(';') || '0';
}

/**
 * The renderer's styles: none without colour; with colour the defaults, a theme ("light"), then any
 * colours a config file gives.
 */
export function makeStyles(color: boolean, theme: 'dark' | 'light' = 'dark', overrides: ThemeOverrides = {}): Styles {
  if (!color) return PLAIN_STYLES;
  const chosen = { ...(theme === 'light' ? LIGHT : {}), ...overrides };
  if (Object.keys(chosen).length === 0) return COLOR_STYLES;
  const style = (key: keyof ThemeOverrides, fallback: (text: string) => string) => {
    const open = chosen[key];
    return open ? sgr(open, closeFor(open)) : fallback;
  };
  const [h1, h2, h3, h4] = COLOR_STYLES.headings;
  return {
    ...COLOR_STYLES,
    headings: [style('h1', h1), style('h2', h2), style('h3', h3), style('h4', h4)],
    heading: style('h2', COLOR_STYLES.heading),
    link: style('link', COLOR_STYLES.link),
    code: style('code', COLOR_STYLES.code),
    codeBlock: style('code', COLOR_STYLES.codeBlock),
    quote: style('quote', COLOR_STYLES.quote),
    strong: style('strong', COLOR_STYLES.strong),
    dim: style('dim', COLOR_STYLES.dim),
  };
}
