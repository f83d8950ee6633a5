/**
 * Minimal SGR styling for printed output. Printing decides colour once (see render/color.ts) and
 * passes it down; no module looks at the environment on its own.
 */
export interface Styler {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
  warn(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;

export function createStyler(color: boolean): Styler {
  if (!color) {
    const plain = (text: string) => text;
    return { bold: plain, dim: plain, accent: plain, warn: plain };
  }
  return { bold: sgr(1, 22), dim: sgr(2, 22), accent: sgr(36, 39), warn: sgr(33, 39) };
}
