import { displayWidth, fitToWidth, truncateToWidth } from '../render/text.js';

/** `left` and `right` on one line of exactly `cols` columns; the right part wins when space is short. */
export function statusText(left: string, right: string, cols: number): string {
  if (cols <= 0) return '';
  const rightPart = truncateToWidth(right, cols);
  const room = cols - displayWidth(rightPart) - (rightPart === '' ? 0 : 1);
  if (room <= 0) return fitToWidth(rightPart, cols);
  return `${fitToWidth(left, room)}${rightPart === '' ? '' : ' '}${rightPart}`;
}

/**
 * The status line as drawn: with colour, in inverse video (the SGR chalk writes for Ink's `inverse`,
 * written here so the colour decision stays ours: NO_COLOR, --no-color and the mono theme).
 */
export function statusRow(left: string, right: string, cols: number, color: boolean): string {
  const text = statusText(left, right, cols);
  return color ? `\x1b[7m${text}\x1b[27m` : text;
}

/** Key hints, from most to least useful; as many as fit are shown. */
export function hints(items: readonly string[], cols: number): string {
  let out = '';
  for (const item of items) {
    const next = out === '' ? item : `${out} · ${item}`;
    if (displayWidth(next) > cols) break;
    out = next;
  }
  return out;
}

