import type { Article } from '../library/types.js';
import { LINK_CLOSE, LINK_OPEN, renderMarkdown, type RenderedBlock } from './markdown.js';
import { isOpenable } from '../platform/openable.js';
import { paragraphSourceLines } from '../library/markdown-text.js';
import { MIN_RENDER_WIDTH } from './limits.js';
import { makeStyles, type ThemeOverrides } from './style.js';
import { oneLine, wrapLine } from './text.js';
import type { RenderedArticle } from './types.js';
import { readingMinutes, wordCount } from './reading-time.js';

export type { RenderedArticle } from './types.js';

export { readingMinutes, WORDS_PER_MINUTE } from './reading-time.js';

/**
 * Where each of the loader's paragraphs starts on screen: at the rendered block that holds the source
 * line its Markdown block starts on (a list or a quote can hold several paragraphs). Positions, not
 * text: nothing is matched by its letters.
 */
function paragraphLinesOf(body: string, blocks: readonly RenderedBlock[], fallback: number): number[] {
  let next = 0;
  let last = fallback;
  return paragraphSourceLines(body).map((sourceLine) => {
    while (next < blocks.length && blocks[next].sourceLine <= sourceLine) {
      last = blocks[next].line;
      next += 1;
    }
    return last;
  });
}

/** Turns link sentinels into "[n]" and records the line of each link's number. */
function placeLinkNumbers(lines: string[], linkCount: number): number[] {
  const linkLines = new Array<number>(linkCount).fill(-1);
  const marker = new RegExp(`${LINK_OPEN}(\\d+)${LINK_CLOSE}`, 'g');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes(LINK_OPEN) && !lines[i].includes(LINK_CLOSE)) continue;
    lines[i] = lines[i].replace(marker, (_whole, n: string) => {
      const index = Number(n) - 1;
      if (index >= 0 && index < linkCount) linkLines[index] = i;
      return `[${n}]`;
    });
    // A number split across a wrap leaves a lone sentinel; show it as the bracket it stands for.
    lines[i] = lines[i].replaceAll(LINK_OPEN, '[').replaceAll(LINK_CLOSE, ']');
  }
  return linkLines;
}

/**
 * An article laid out for a terminal: a header (title, date, source, length), the formatted body, then
 * credits, related reading and the full list of links, set apart. Pure: same input, same lines.
 */
export interface ArticleRenderOptions {
  width: number;
  color: boolean;
  ascii?: boolean;
  theme?: 'dark' | 'light';
  colors?: ThemeOverrides;
}

/** `body` is the article's unless given: the reader hands in the text it was given with the article. */
export function renderArticle(article: Article, options: ArticleRenderOptions, body: string = article.body): RenderedArticle {
  const width = Math.max(MIN_RENDER_WIDTH, Math.floor(options.width));
  const { color } = options;
  const ascii = options.ascii ?? false;
  const styles = makeStyles(color, options.theme, options.colors);
  const lines: string[] = [];
  const pushStyled = (styled: string): void => {
    for (const row of wrapLine(styled, width)) lines.push(row);
  };
  const push = (text: string, style: (text: string) => string = (t) => t): void => {
    pushStyled(style(oneLine(text)));
  };

  push(article.title, styles.title);
  const meta = [
    article.date,
    article.source,
    `${wordCount(article.words)} · ${readingMinutes(article.words)} min read`,
  ].filter((part): part is string => Boolean(part));
  push(meta.join(' · '), styles.dim);
  if (article.tags.length > 0) push(`Tags: ${article.tags.join(', ')}`, styles.dim);
  lines.push('');

  const bodyStart = lines.length;
  const rendered = renderMarkdown(body, { width, color, styles, ascii });
  for (const line of rendered.lines) lines.push(line);
  const blocks = rendered.blocks.map((block) => ({ line: block.line + bodyStart, sourceLine: block.sourceLine }));
  const links = rendered.links.map((link) => ({ text: oneLine(link.text), url: oneLine(link.url) }));

  const rule = styles.dim((color ? '─' : '-').repeat(Math.min(width, 20)));
  const section = (heading: string): void => {
    lines.push('', rule, '');
    push(heading, styles.strong);
  };

  if (article.credits.length > 0) {
    section('Credits');
    for (const credit of article.credits) push(credit);
  }
  if (article.related.length > 0) {
    section('Related');
    for (const related of article.related) {
      if (related.url) {
        links.push({ text: oneLine(related.text), url: oneLine(related.url) });
        pushStyled(`• ${oneLine(related.text)}${styles.dim(`${LINK_OPEN}${links.length}${LINK_CLOSE}`)}`);
      } else {
        push(`• ${related.text}`);
      }
    }
  }
  if (article.url) links.push({ text: 'Original article', url: oneLine(article.url) });
  const listedAt: number[] = [];
  if (links.length > 0) {
    section('Links');
    links.forEach((link, i) => {
      listedAt.push(lines.length);
      const note = isOpenable(link.url) ? '' : ' (not opened: only http and https links open)';
      // An autolink's text is its address: shown once, not twice.
      if (link.text === link.url || `mailto:${link.text}` === link.url) {
        pushStyled(`[${i + 1}] ${styles.link(link.url)}${note}`);
        return;
      }
      push(`[${i + 1}] ${link.text}`);
      pushStyled(`    ${styles.link(oneLine(link.url))}${note}`);
    });
  }

  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  // A link's number points at its place in the text; one with no place there (the source) at its listing.
  const linkLines = placeLinkNumbers(lines, links.length).map((line, i) => (line >= 0 ? line : listedAt[i]));
  return {
    lines,
    paragraphLines: paragraphLinesOf(body, blocks, bodyStart),
    links,
    linkLines,
  };
}
