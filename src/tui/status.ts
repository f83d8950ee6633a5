import { displayWidth, fitToWidth, truncateToWidth } from '../render/text.js';

/** `left` and `right` on one line of exactly `cols` columns; the right part wins when space is short. */
export function statusText(left: string, right: string, cols: number): string {
  if (cols <= 0) return '';
  const rightPart = truncateToWidth(right, cols);
  const room = cols - displayWidth(rightPart) - (rightPart === '' ? 0 : 1);
  if (room <= 0) return fitToWidth(rightPart, cols);
  return `${fitToWidth(left, room)}${rightPart === '' ? '' : ' '}${rightPart}`;
}

/** Inverse video on and off: the SGR chalk writes for Ink's `inverse`, written by us so the colour decision stays ours. */
export const INVERSE_ON = '\x1b[7m';
export const INVERSE_OFF = '\x1b[27m';

/** `text` in inverse video. */
export function inverseVideo(text: string): string {
  return `${INVERSE_ON}${text}${INVERSE_OFF}`;
}

/** The status line as drawn: with colour, in inverse video (NO_COLOR, --no-color and the mono theme turn colour off). */
export function statusRow(left: string, right: string, cols: number, color: boolean): string {
  const text = statusText(left, right, cols);
  return color ? inverseVideo(text) : text;
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

