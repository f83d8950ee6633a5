import { Marked, type MarkedExtension, type Token, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import type { Styles } from './style.js';
import { capLineLength, removeControls, removeInputControls, stripStyle, wrapLine } from './text.js';

/**
 * Link numbers are written between these private-use characters while rendering and turned into
 * "[n]" after wrapping, so the line each number ended up on can be found without guessing.
 * Each is one column wide, like the bracket that replaces it, so wrapping is unchanged.
 */
export const LINK_OPEN = '\ue000';
export const LINK_CLOSE = '\ue001';
const SENTINELS = /[\ue000\ue001]/g;

/** One top-level Markdown block as laid out: where it starts and its text, for finding paragraphs. */
export interface RenderedBlock {
  line: number;
  plain: string;
}

export interface RenderedMarkdown {
  lines: string[];
  blocks: RenderedBlock[];
  links: { text: string; url: string }[];
}

/** Plain text of a token tree (link targets left out), to match blocks with the loader's paragraphs. */
function plainOf(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) {
    if (token.type === 'list') {
      out += (token as Tokens.List).items.map((item) => plainOf(item.tokens)).join(' ');
    } else if ('tokens' in token && Array.isArray(token.tokens)) {
      out += plainOf(token.tokens as Token[]);
    } else if ('text' in token && typeof token.text === 'string') {
      out += token.text;
    }
    out += ' ';
  }
  return out;
}

/** Numeric character references to C0/C1 controls, which marked would decode into raw controls. */
const CONTROL_REFERENCE = /&(?:amp;)*#(?:x0*([0-9a-f]{1,6})|0*([0-9]{1,7}));?/gi;

function isControlReference(hex: string | undefined, dec: string | undefined): boolean {
  const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code > 0x10ffff;
}

/** Source text made safe and bounded: no control characters, no sentinels, no endless lines. */
function prepareSource(markdown: string): string {
  return removeInputControls(markdown)
    .replace(CONTROL_REFERENCE, (reference, hex?: string, dec?: string) => (isControlReference(hex, dec) ? '' : reference))
    .replace(SENTINELS, '')
    .split('\n')
    .map((line) => capLineLength(line))
    .join('\n');
}

/**
 * A marked instance with marked-terminal's styling and our fixes: list items keep inline styling,
 * links are numbered (never OSC 8 hyperlinks: a link's target is shown in full, not hidden), code,
 * rules and quotes are laid out for our wrapper, and every style is ours so colour off means no escapes.
 */
function createMarked(styles: Styles, color: boolean, width: number, links: RenderedMarkdown['links']): Marked {
  const terminal = markedTerminal({
    code: styles.code,
    blockquote: styles.quote,
    html: styles.dim,
    heading: styles.heading,
    firstHeading: styles.firstHeading,
    hr: (text: string) => text,
    listitem: (text: string) => text,
    table: (text: string) => text,
    paragraph: (text: string) => text,
    strong: styles.strong,
    em: styles.em,
    codespan: styles.code,
    del: styles.del,
    link: styles.link,
    href: styles.link,
    text: (text: string) => text,
    unescape: true,
    emoji: false,
    width,
    // Without colour a heading would look like any other line; the "#" marks it.
    showSectionPrefix: !color,
    reflowText: false,
    tab: 2,
    tableOptions: color ? {} : { style: { head: [], border: [] } },
  } as never) as unknown as MarkedExtension;

  const fixes: MarkedExtension = {
    renderer: {
      // marked >= 13 gives tight list items a "text" token with inline children; marked-terminal
      // prints its raw text and loses bold, links and code inside list items.
      text(token) {
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
          return this.parser.parseInline(token.tokens);
        }
        return false;
      },
      link(token) {
        const text = this.parser.parseInline(token.tokens);
        const plain = stripStyle(text).replace(SENTINELS, '').trim();
        links.push({ text: plain || token.href, url: token.href });
        const label = plain === '' ? styles.link(token.href) : styles.link(text);
        return `${label}${styles.dim(`${LINK_OPEN}${links.length}${LINK_CLOSE}`)}`;
      },
      // marked-terminal's list layout ends in a regex with nested quantifiers that backtracks
      // exponentially on deeply nested lists and quotes (seconds at depth 50): lists are laid out here.
      list(token) {
        const start = typeof token.start === 'number' ? token.start : 1;
        const lines: string[] = [];
        token.items.forEach((item, i) => {
          const bullet = token.ordered ? `${start + i}. ` : '* ';
          const check = item.task ? `[${item.checked ? 'X' : ' '}] ` : '';
          // Each child on its own line: an item's text and its nested list must not run together.
          const parts = item.tokens
            .filter((child) => child.type !== 'space')
            .map((child) => this.parser.parse([child]).replace(/\n+$/, ''));
          const content = (check + parts.join(item.loose ? '\n\n' : '\n')).split('\n');
          content.forEach((line, j) => {
            if (line.trim() === '') {
              if (item.loose && lines[lines.length - 1] !== '') lines.push('');
            } else {
              lines.push(`${j === 0 ? bullet : ' '.repeat(bullet.length)}${line}`);
            }
          });
        });
        while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
        return `${lines.map((line) => (line === '' ? '' : `  ${line}`)).join('\n')}\n\n`;
      },
      image(token) {
        const alt = removeInputControls(token.text);
        return styles.dim(`[image${alt ? `: ${alt}` : ''}]`);
      },
      code(token) {
        const body = token.text
          .split('\n')
          .map((line) => `  ${styles.code(line)}`)
          .join('\n');
        return `${body}\n\n`;
      },
      hr() {
        return `${styles.dim((color ? '─' : '-').repeat(Math.min(width, 40)))}\n\n`;
      },
      blockquote(token) {
        const inner = this.parser.parse(token.tokens).replace(/\n+$/, '');
        const bar = color ? '│ ' : '> ';
        return `${inner
          .split('\n')
          .map((line) => (line.trim() === '' ? bar.trimEnd() : bar + styles.quote(line)))
          .join('\n')}\n\n`;
      },
    },
  };
  return new Marked(terminal, fixes);
}

/**
 * Markdown laid out at `width` columns: each top-level block rendered by marked-terminal, then wrapped by
 * display width (marked-terminal's own reflow counts UTF-16 units and breaks CJK), one blank line between
 * blocks and none at the end.
 */
export function renderMarkdown(markdown: string, options: { width: number; color: boolean; styles: Styles }): RenderedMarkdown {
  const { width, color, styles } = options;
  const links: RenderedMarkdown['links'] = [];
  const marked = createMarked(styles, color, width, links);
  const source = prepareSource(markdown);
  let tokens: Token[];
  try {
    tokens = marked.lexer(source);
  } catch {
    // marked recurses once per nesting level and overflows the stack on thousands of them
    // ("* * * * ..."); such a text is shown as plain paragraphs rather than not at all.
    tokens = source
      .split(/\n\s*\n/)
      .filter((block) => block.trim() !== '')
      .map((block) => ({ type: 'code', raw: block, text: block.replace(/\s*\n\s*/g, ' '), codeBlockStyle: 'indented' }) as Token);
  }
  const lines: string[] = [];
  const blocks: RenderedBlock[] = [];
  for (const token of tokens) {
    if (token.type === 'space' || token.type === 'def') continue;
    let output: string;
    try {
      output = marked.parser([token]);
    } catch {
      // A renderer bug on one odd block must not take the article down: show its source instead.
      output = token.raw;
    }
    const blockLines = removeControls(output).split('\n');
    while (blockLines.length > 0 && stripStyle(blockLines[blockLines.length - 1]).trim() === '') blockLines.pop();
    while (blockLines.length > 0 && stripStyle(blockLines[0]).trim() === '') blockLines.shift();
    if (blockLines.length === 0) continue;
    if (lines.length > 0) lines.push('');
    blocks.push({ line: lines.length, plain: plainOf([token]) });
    for (const line of blockLines) {
      for (const row of wrapLine(capLineLength(line), width)) lines.push(row);
    }
  }
  return { lines, blocks, links };
}
