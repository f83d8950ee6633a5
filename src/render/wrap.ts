import stringWidth from 'string-width';

/**
 * Word wrapping by display width for lines carrying SGR styling. wrap-ansi does this too, but measures
 * every word with string-width and re-scans styles as it goes: about 9 µs a character, nine seconds for
 * a 1 MB article. This does the same job in one pass, measuring plain ASCII words by their length.
 *
 * Each row it returns stands alone: styles open at a break are closed at the end of the row (SGR 0) and
 * opened again at the start of the next, because the reader draws rows one by one, out of context.
 */

const SGR_OR_TEXT = /(\x1b\[[0-9;]*m)|([^\x1b]+)|(\x1b)/g;
const SPACES_OR_WORD = / +|[^ ]+/g;
const ASCII = /^[\x20-\x7e]*$/;
/** Widths of graphemes seen before: a long run of CJK measures each distinct character once. */
const graphemeWidths = new Map<string, number>();

function graphemeWidth(segment: string): number {
  if (segment.length === 1 && segment.charCodeAt(0) < 0x7f) return 1;
  let width = graphemeWidths.get(segment);
  if (width === undefined) {
    width = stringWidth(segment);
    if (graphemeWidths.size > 10_000) graphemeWidths.clear();
    graphemeWidths.set(segment, width);
  }
  return width;
}

let segmenter: Intl.Segmenter | undefined;
/** The grapheme segmenter, made on first use: making the first one loads ICU's rules (15-30 ms), too slow for the start path. */
export function graphemeSegmenter(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
}
/** Characters that join with their neighbours into one grapheme: only then is the (slow) segmenter needed. */
const JOINING = /\p{M}|\u200d|\ufe0e|\ufe0f|[\u{1F1E6}-\u{1F1FF}]|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}]|[\u1160-\u11ff]/u;

/** The grapheme clusters of a word; Intl.Segmenter costs ~12 µs each, so plain runs split by code point. */
function splitGraphemes(word: string): Iterable<string> {
  if (!JOINING.test(word)) return word;
  return Array.from(graphemeSegmenter().segment(word), (part) => part.segment);
}

/** Display width of a piece of text without styling: ASCII by length, the rest by string-width. */
export function textWidth(text: string): number {
  if (ASCII.test(text)) return text.length;
  if (JOINING.test(text)) return stringWidth(text);
  let width = 0;
  for (const char of text) width += graphemeWidth(char);
  return width;
}

/** Styles in force, one entry per attribute, so a row can reopen exactly what was open at a break. */
class StyleState {
  private readonly open = new Map<string, string>();

  apply(sequence: string): void {
    const params = sequence.slice(2, -1).split(';');
    for (let i = 0; i < params.length; i++) {
      const code = Number(params[i] || '0');
      if (code === 0) this.open.clear();
      else if (code === 22) {
        this.open.delete('1');
        this.open.delete('2');
      }
      else if (code >= 23 && code <= 29) this.open.delete(String(code - 20));
      else if (code === 39) this.open.delete('fg');
      else if (code === 49) this.open.delete('bg');
      else if (code === 38 || code === 48) {
        // Extended colours carry their own parameters: 38;5;n or 38;2;r;g;b.
        const extra = params[i + 1] === '5' ? 2 : params[i + 1] === '2' ? 4 : 0;
        this.open.set(code === 38 ? 'fg' : 'bg', params.slice(i, i + 1 + extra).join(';'));
        i += extra;
      } else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) this.open.set('fg', String(code));
      else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) this.open.set('bg', String(code));
      else this.open.set(String(code), String(code));
    }
  }

  get active(): boolean {
    return this.open.size > 0;
  }

  reopen(): string {
    return this.open.size === 0 ? '' : `\x1b[${[...this.open.values()].join(';')}m`;
  }
}

/** A line wrapped to rows of at most `width` columns; words longer than a row are broken by grapheme. */
export function wrapStyled(line: string, width: number): string[] {
  const limit = Math.max(1, Math.floor(width));
  const rows: string[] = [];
  const styles = new StyleState();
  let row = '';
  let rowWidth = 0;
  let rowHasText = false;
  let pendingSpace = '';
  let pendingStyle = '';
  let started = false;

  const breakRow = (): void => {
    rows.push(styles.active ? `${row}\x1b[0m` : row);
    row = styles.reopen();
    rowWidth = 0;
    rowHasText = false;
    pendingSpace = '';
    pendingStyle = '';
  };

  const placeWord = (word: string): void => {
    const w = textWidth(word);
    const spaceWidth = rowHasText ? pendingSpace.length : 0;
    if (rowWidth + spaceWidth + w <= limit) {
      row += (rowHasText ? pendingSpace : '') + pendingStyle + word;
      rowWidth += spaceWidth + w;
    } else if (rowHasText && w <= limit) {
      const carried = pendingStyle;
      breakRow();
      row += carried + word;
      rowWidth = w;
    } else {
      // Longer than a row (or than what indentation leaves): break it between graphemes.
      if (rowHasText) {
        const carried = pendingStyle;
        breakRow();
        row += carried;
      } else {
        row += pendingStyle;
      }
      if (ASCII.test(word)) {
        let rest = word;
        while (rest.length > 0) {
          if (rowWidth >= limit) breakRow();
          const take = limit - rowWidth;
          row += rest.slice(0, take);
          rowWidth += Math.min(take, rest.length);
          rest = rest.slice(take);
        }
      } else {
        for (const segment of splitGraphemes(word)) {
          const g = graphemeWidth(segment);
          if (rowWidth + g > limit && rowWidth > 0) breakRow();
          row += segment;
          rowWidth += g;
        }
      }
    }
    rowHasText = true;
    pendingSpace = '';
    pendingStyle = '';
  };

  for (const [, sgr, text] of line.matchAll(SGR_OR_TEXT)) {
    if (sgr) {
      styles.apply(sgr);
      if (pendingSpace === '' || !rowHasText) row += sgr;
      else pendingStyle += sgr;
      continue;
    }
    if (!text) continue; // a lone ESC that is not our styling: dropped
    for (const [piece] of text.matchAll(SPACES_OR_WORD)) {
      if (piece[0] === ' ') {
        if (!started && !rowHasText && rows.length === 0) {
          // Leading indentation of the line itself is kept (code blocks); at a break it goes.
          const kept = piece.slice(0, Math.max(0, limit - rowWidth - 1));
          row += kept;
          rowWidth += kept.length;
        } else {
          pendingSpace += piece;
        }
        continue;
      }
      started = true;
      placeWord(piece);
    }
  }
  rows.push(row);
  return rows;
}
