import { displayWidth, fitToWidth, truncateToWidth } from '../render/text.js';

/** `left` and `right` on one line of exactly `cols` columns; the right part wins when space is short. */
export function statusText(left: string, right: string, cols: number): string {
  if (cols <= 0) return '';
  const rightPart = truncateToWidth(right, cols);
  const room = cols - displayWidth(rightPart) - (rightPart === '' ? 0 : 1);
  if (room <= 0) return fitToWidth(rightPart, cols);
  return `${fitToWidth(left, room)}${rightPart === '' ? '' : ' '}${rightPart}`;
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

