import { expect } from 'vitest';
import type { TestTerminal } from './terminal.js';

/** Screen text with line breaks and runs of spaces folded, to look for a phrase however it wrapped. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The frame stays within rows - 1 lines. */
export function frameFits(t: TestTerminal, rows: number): void {
  expect(t.lastUsedRow()).toBeLessThanOrEqual(rows - 2);
}

/** The status line: the last line with text on it. */
export function statusLine(t: TestTerminal): string {
  return t.lines()[t.lastUsedRow()] ?? '';
}

/** Every screen of a scrolling view, paging down until its status line says 100%. */
export async function allPages(t: TestTerminal): Promise<string> {
  let text = t.screen();
  for (let page = 0; page < 200 && !/100%/.test(statusLine(t)); page++) {
    const before = t.screen();
    t.press(' ');
    text += '\n' + (await t.waitFor((screen) => screen !== before));
  }
  return text;
}

/** The first few words of a sentence: enough to know it on screen, few enough to fit on one line. */
export function opening(sentence: string, words = 4): string {
  return sentence.split(/\s+/).slice(0, words).join(' ');
}
