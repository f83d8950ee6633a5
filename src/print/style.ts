import { makeStyles } from '../render/style.js';

/**
 * The printing styler: the renderer's one set of styles (render/style.ts) under the names printed
 * output uses. Printing decides colour once (see render/color.ts) and passes it down; no module
 * looks at the environment on its own.
 */
export interface Styler {
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
  warn(text: string): string;
}

export function createStyler(color: boolean): Styler {
  const styles = makeStyles(color);
  return { bold: styles.strong, dim: styles.dim, accent: styles.accent, warn: styles.warn };
}
