import { Marked, type MarkedExtension, type Token, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { removeControlEntities } from '../library/controls.js';
import type { Styles } from './style.js';
import { ASCII_TABLE, layoutTable, UNICODE_TABLE, type CellAlign } from './table.js';
import { capLineLength, displayWidth, removeControls, removeInputControls, stripStyle, wrapLine } from './text.js';
import { wrapStyled } from './wrap.js';

/**
 * Link numbers are written between these private-use characters while rendering and turned into
 * "[n]" after wrapping, so the line each number ended up on can be found without guessing.
 * Each is one column wide, like the bracket that replaces it, so wrapping is unchanged.
 */
export const LINK_OPEN = '\ue000';
export const LINK_CLOSE = '\ue001';
const SENTINELS = /[\ue000\ue001]/g;

/** One top-level Markdown block as laid out: its first screen line, and the source line it starts at. */
export interface RenderedBlock {
  line: number;
  /** Line of the Markdown (counted from 0) where the block's source starts: how paragraphs find it. */
  sourceLine: number;
}

export interface RenderedMarkdown {
  lines: string[];
  blocks: RenderedBlock[];
  links: { text: string; url: string }[];
}

export interface MarkdownOptions {
  width: number;
  color: boolean;
  styles: Styles;
  /** Only ASCII for the marks we add (task boxes, bullets, table lines): for terminals without UTF-8. */
  ascii?: boolean;
}

/** Footnotes met while rendering: numbered in the order they are first referred to. */
interface Footnotes {
  numbers: Map<string, number>;
  definitions: Map<string, Token[]>;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function footnoteMark(n: number, ascii: boolean): string {
  return ascii ? `[^${n}]` : [...String(n)].map((digit) => SUPERSCRIPT[Number(digit)]).join('');
}

/** `[^id]` references and `[^id]: text` definitions (GitHub's footnotes), which marked leaves as text. */
function footnoteExtension(notes: Footnotes, styles: Styles, ascii: boolean): MarkedExtension {
  return {
    extensions: [
      {
        name: 'footnoteDefinition',
        level: 'block',
        start: (src: string) => src.match(/^\[\^[^\]\s]+\]:/m)?.index,
        tokenizer(src: string) {
          const match = /^\[\^([^\]\s]+)\]:[ \t]*([^\n]*(?:\n(?: {2,}|\t)[^\n]*)*)(?:\n|$)/.exec(src);
          if (!match) return undefined;
          const token = { type: 'footnoteDefinition', raw: match[0], id: match[1], text: match[2], tokens: [] as Token[] };
          this.lexer.inline(match[2].replace(/\n[ \t]+/g, ' '), token.tokens);
          return token;
        },
        renderer(token) {
          if (!notes.definitions.has(token.id as string)) notes.definitions.set(token.id as string, token.tokens as Token[]);
          return '';
        },
      },
      {
        name: 'footnoteReference',
        level: 'inline',
        start: (src: string) => src.match(/\[\^[^\]\s]+\]/)?.index,
        tokenizer(src: string) {
          const match = /^\[\^([^\]\s]+)\](?!:)/.exec(src);
          return match ? { type: 'footnoteReference', raw: match[0], id: match[1] } : undefined;
        },
        renderer(token) {
          const id = token.id as string;
          let n = notes.numbers.get(id);
          if (n === undefined) {
            n = notes.numbers.size + 1;
            notes.numbers.set(id, n);
          }
          return styles.link(footnoteMark(n, ascii));
        },
      },
    ],
  };
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** Source text made safe and bounded (line for line: block positions are counted in source lines): no control characters, no sentinels, no endless lines. */
function prepareSource(markdown: string): string {
  // Numeric references to controls are removed too: marked would decode them into raw controls.
  return removeControlEntities(removeInputControls(markdown))
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
function createMarked(options: MarkdownOptions, links: RenderedMarkdown['links'], notes: Footnotes): Marked {
  const { styles, color, width } = options;
  const ascii = options.ascii ?? false;
  const number = (n: number): string => styles.dim(`${LINK_OPEN}${n}${LINK_CLOSE}`);
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
        return `${label}${number(links.length)}`;
      },
      heading(token) {
        const level = Math.min(4, Math.max(1, token.depth)) - 1;
        const text = this.parser.parseInline(token.tokens);
        // Without colour a heading would look like any other line; the "#"s mark it and its level.
        if (!color) return `${'#'.repeat(token.depth)} ${text}\n\n`;
        return `${styles.headings[level](level === 0 ? ` ${stripStyle(text)} ` : stripStyle(text))}\n\n`;
      },
      table(token) {
        const cell = (c: Tokens.TableCell): string => this.parser.parseInline(c.tokens);
        const rows = layoutTable(token.header.map(cell), token.rows.map((row) => row.map(cell)), token.align as CellAlign[], {
          width,
          glyphs: ascii ? ASCII_TABLE : UNICODE_TABLE,
          headerStyle: styles.tableHeader,
          borderStyle: styles.dim,
        });
        return `${rows.join('\n')}\n\n`;
      },
      // marked-terminal's list layout ends in a regex with nested quantifiers that backtracks
      // exponentially on deeply nested lists and quotes (seconds at depth 50): lists are laid out here.
      list(token) {
        const start = typeof token.start === 'number' ? token.start : 1;
        const lines: string[] = [];
        token.items.forEach((item, i) => {
          // A task's box stands in for its bullet, as in glow; without colour or Unicode it is "[ ]"/"[x]".
          const box = item.checked ? (color && !ascii ? '☑' : '[x]') : color && !ascii ? '☐' : '[ ]';
          const bullet = token.ordered ? `${start + i}. ` : item.task ? `${box} ` : ascii ? '* ' : '• ';
          const check = token.ordered && item.task ? `${box} ` : '';
          // Each child on its own line: an item's text and its nested list must not run together.
          const parts = item.tokens
            .filter((child) => child.type !== 'space' && child.type !== 'checkbox')
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
      // An image cannot be shown: its alt text and address are, and it is numbered with the links.
      image(token) {
        const alt = removeInputControls(token.text).trim();
        links.push({ text: alt ? `Image: ${alt}` : 'Image', url: token.href });
        const arrow = ascii ? '->' : '→';
        return `${styles.dim(`Image${alt ? `: ${alt}` : ''} ${arrow} `)}${styles.link(token.href)}${number(links.length)}`;
      },
      // Set in from the text on a background of its own, each row padded so the background is a block,
      // with the language (when given) above it.
      code(token) {
        const margin = '  ';
        const inner = Math.max(1, width - margin.length - 2);
        const rows = removeControls(token.text)
          .split('\n')
          .flatMap((line) => (line === '' ? [''] : wrapStyled(line, inner)));
        const blockWidth = Math.min(inner, Math.max(1, ...rows.map((row) => displayWidth(row))));
        // Padding only matters under a background; without colour it would be trailing spaces.
        const body = rows.map((row) =>
          color ? `${margin}${styles.codeBlock(` ${row}${' '.repeat(Math.max(0, blockWidth - displayWidth(row)))} `)}` : `${margin}  ${row}`.trimEnd(),
        );
        const language = (token.lang ?? '').trim().split(/\s+/)[0];
        const label = language ? [`${margin}${styles.codeLabel(language)}`] : [];
        return `${[...label, ...body].join('\n')}\n\n`;
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
  return new Marked(terminal, fixes, footnoteExtension(notes, styles, ascii));
}

/** The footnotes referred to, in number order, then any defined but never referred to, as a list. */
function footnoteLines(marked: Marked, notes: Footnotes, options: MarkdownOptions): string[] {
  for (const id of notes.definitions.keys()) if (!notes.numbers.has(id)) notes.numbers.set(id, notes.numbers.size + 1);
  if (notes.numbers.size === 0) return [];
  const { styles, width } = options;
  const lines: string[] = [styles.dim((options.color && !options.ascii ? '─' : '-').repeat(Math.min(width, 12)))];
  for (const [id, n] of notes.numbers) {
    const tokens = notes.definitions.get(id);
    const text = tokens ? marked.Parser.parseInline(tokens, marked.defaults) : styles.dim('(no text for this note)');
    for (const row of wrapLine(`${n}. ${removeControls(text)}`, width)) lines.push(row);
  }
  return lines;
}

/**
 * Markdown laid out at `width` columns: each top-level block rendered by marked-terminal, then wrapped by
 * display width (marked-terminal's own reflow counts UTF-16 units and breaks CJK), one blank line between
 * blocks and none at the end.
 */
export function renderMarkdown(markdown: string, options: MarkdownOptions): RenderedMarkdown {
  const { width } = options;
  const links: RenderedMarkdown['links'] = [];
  const notes: Footnotes = { numbers: new Map(), definitions: new Map() };
  const marked = createMarked(options, links, notes);
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
  // The top-level tokens' raw text is the source, in order: counting its line breaks places each block.
  let sourceLine = 0;
  for (const token of tokens) {
    const startLine = sourceLine;
    sourceLine += lineBreaks(token.raw);
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
    blocks.push({ line: lines.length, sourceLine: startLine });
    for (const line of blockLines) {
      for (const row of wrapLine(capLineLength(line), width)) lines.push(row);
    }
  }
  const notesShown = footnoteLines(marked, notes, options);
  if (notesShown.length > 0) lines.push('', ...notesShown);
  return { lines, blocks, links };
}
