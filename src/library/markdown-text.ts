/**
 * Markdown to plain paragraphs, without a Markdown parser: the list must not wait for one, and a
 * library of thousands of articles is read at start. Good enough for prose; the renderer uses marked.
 */

const FENCE = /^\s*(```|~~~)/;

/** Splits Markdown into blocks separated by blank lines, keeping fenced code blocks whole. */
export function markdownBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    if (!inFence && line.trim() === '') {
      if (current.length) blocks.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) blocks.push(current.join('\n'));
  return blocks;
}

/** Inline Markdown to plain text: links and images keep their text, emphasis and code marks go. */
// Every rule below needs one of these characters; most sentences of prose have none.
const INLINE_MARKUP = /[![<*_~`\\]/;

export function inlineToPlain(text: string): string {
  if (!INLINE_MARKUP.test(text)) return text;
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');
}

/** One Markdown block to one plain paragraph (line breaks folded to spaces). */
export function blockToPlain(block: string): string {
  // The common case, a paragraph of prose on one line, has none of the line-level markup below.
  if (!block.includes('\n') && PROSE_START.test(block) && !block.includes('#') && !block.includes('|')) {
    return collapseSpaces(inlineToPlain(block));
  }
  if (FENCE.test(block)) return block.split('\n').filter((line) => !FENCE.test(line)).join('\n');
  const lines = block
    .split('\n')
    .filter((line) => !/^\s*([-*_=])(\s*\1){2,}\s*$/.test(line)) // rules and setext underlines
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/\s#+\s*$/, '')
        .replace(/^\s*(>\s?)+/, '')
        .replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, '')
        .replace(/^\s*\|/, '')
        .replace(/\|\s*$/, '')
        .trim(),
    );
  return collapseSpaces(inlineToPlain(lines.join(' ')));
}

const PROSE_START = /^[\p{L}"'\u201c\u2018(]/u;

function collapseSpaces(text: string): string {
  return (/\s{2}|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~]/g;

/** Escapes plain text so Markdown shows it as written (used for .txt articles). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(MARKDOWN_SPECIAL, '\\$&')
    .replace(/^(\s*)([#>+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/&/g, '&amp;');
}
