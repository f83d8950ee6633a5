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

/**
 * For each paragraph the loader made of `body` (blocksToParagraphs: one per block with any text), the
 * line of `body` (counted from 0) where its Markdown block starts. The renderer places paragraphs with
 * it: a paragraph is shown where the rendered block holding that source line is.
 */
export function paragraphSourceLines(body: string): number[] {
  const starts: number[] = [];
  let blockStart = -1;
  let block: string[] = [];
  let inFence = false;
  const close = (): void => {
    if (block.length === 0) return;
    const text = block.join('\n');
    if (isProseLine(text) || blockToPlain(text) !== '') starts.push(blockStart);
    block = [];
  };
  body.split('\n').forEach((line, index) => {
    if (FENCE.test(line)) inFence = !inFence;
    if (!inFence && line.trim() === '') return close();
    if (block.length === 0) blockStart = index;
    block.push(line);
  });
  close();
  return starts;
}

// Every rule below needs one of these characters; most sentences of prose have none.
const INLINE_MARKUP = /[![<*_~`\\]/;

/** Inline Markdown to plain text: links and images keep their text, emphasis and code marks go. */
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
  if (isProseLine(block)) return collapseSpaces(inlineToPlain(block));
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

/** The common case, a paragraph of prose on one line: it has none of the line-level markup. */
function isProseLine(block: string): boolean {
  return !block.includes('\n') && PROSE_START.test(block) && !block.includes('#') && !block.includes('|');
}

/** Whether a UTF-16 code unit is one of exactly the characters /\s/ matches (without running a regex per character). */
export function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Counts runs of non-space characters, as /\S+/g would, without building an array of them. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhitespace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Words of a non-empty text whose only whitespace is single spaces inside it: one more than its spaces. */
function countSingleSpacedWords(text: string): number {
  let words = 1;
  // indexOf is a native search; a loop over every character is several times slower on 50 MB of text.
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) words++;
  return words;
}

/**
 * The plain paragraphs of Markdown blocks (empty ones dropped) and their word count, in one pass.
 * `singleSpaced` says the text has no whitespace but newlines and single spaces (see isPlainProse),
 * so prose lines without inline markup need no folding of spaces.
 */
export function blocksToParagraphs(blocks: readonly string[], singleSpaced: boolean): { paragraphs: string[]; words: number } {
  const paragraphs: string[] = [];
  let words = 0;
  for (const block of blocks) {
    const prose = isProseLine(block);
    const text = singleSpaced && prose && !INLINE_MARKUP.test(block) ? block.trim() : blockToPlain(block);
    if (!text) continue;
    paragraphs.push(text);
    // Every paragraph but a code block has had its spaces folded to single ones by blockToPlain.
    words += !prose && FENCE.test(block) ? countWords(text) : countSingleSpacedWords(text);
  }
  return { paragraphs, words };
}

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
