import type { RelatedLink } from './types.js';

/**
 * News pages end with picture credits and "Read also:" teasers. They are not the report, so they are
 * taken off the end of the body and kept as metadata, shown apart.
 */

const CREDIT_LINE = /^(?:image|images|photo|photos|photograph|picture|illustration|video|credit|credits|cover image|main image|top image)\s*(?:credit)?\s*:/i;
const RELATED_HEADER = /^(?:read also|read more|see also|also read|related|related articles?|more on this)\s*:\s*/i;
/** How far from the end metadata may start: more than this many trailing blocks is body. */
const MAX_TRAILING_BLOCKS = 8;
const MAX_RELATED_ITEM_LENGTH = 200;
const MARKDOWN_LINK = /^\[([^\]]*)\]\(([^)\s]+)\)\s*$/;

export interface SplitMetadata {
  body: string[];
  credits: string[];
  related: RelatedLink[];
}

function toRelated(item: string): RelatedLink {
  const link = MARKDOWN_LINK.exec(item.trim());
  if (link) return { text: link[1].trim(), url: link[2] };
  if (/^https?:\/\/\S+$/i.test(item.trim())) return { text: item.trim(), url: item.trim() };
  return { text: item.trim(), url: null };
}

/** Reads blocks[from..] as a metadata tail, or returns null when one of them is body text. */
function readTail(blocks: string[], from: number): { credits: string[]; related: RelatedLink[] } | null {
  const credits: string[] = [];
  const related: RelatedLink[] = [];
  let inRelated = false;
  for (let i = from; i < blocks.length; i++) {
    const block = blocks[i].trim();
    if (block.includes('\n')) return null;
    if (CREDIT_LINE.test(block)) {
      credits.push(block);
      inRelated = false;
    } else if (RELATED_HEADER.test(block)) {
      inRelated = true;
      const rest = block.replace(RELATED_HEADER, '');
      if (rest) related.push(toRelated(rest));
    } else if (inRelated && block.length <= MAX_RELATED_ITEM_LENGTH && !/[.;]$/.test(block)) {
      related.push(toRelated(block));
    } else {
      return null;
    }
  }
  return { credits, related };
}

/** Splits trailing credit and related blocks off a list of single-line or multi-line blocks. */
export function splitTrailingMetadata(blocks: string[]): SplitMetadata {
  const earliest = Math.max(1, blocks.length - MAX_TRAILING_BLOCKS);
  for (let from = earliest; from < blocks.length; from++) {
    const tail = readTail(blocks, from);
    if (tail) return { body: blocks.slice(0, from), ...tail };
  }
  return { body: blocks, credits: [], related: [] };
}
