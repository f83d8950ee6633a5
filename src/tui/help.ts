import { displayWidth, wrapLine } from '../render/text.js';
import { BINDINGS, helpRows, type Binding } from './keymap.js';

/** The help screen's text, drawn from the key map and wrapped to the terminal. */
export function helpLines(cols: number, screenReader: boolean, bindings: readonly Binding[] = BINDINGS): string[] {
  const sections = helpRows(bindings);
  const labelWidth = Math.max(...sections.flatMap((section) => section.rows.map((row) => displayWidth(row.label))));
  const lines: string[] = [];
  for (const { section, rows } of sections) {
    if (lines.length > 0) lines.push('');
    lines.push(...wrapLine(screenReader ? `${section} keys:` : section, cols));
    for (const row of rows) {
      if (screenReader) {
        lines.push(...wrapLine(`Key ${row.label}: ${row.description}.`, cols));
      } else if (cols >= labelWidth + 20) {
        const label = row.label + ' '.repeat(labelWidth - displayWidth(row.label));
        const wrapped = wrapLine(row.description, cols - labelWidth - 4);
        wrapped.forEach((text, i) => lines.push(`  ${i === 0 ? label : ' '.repeat(labelWidth)}  ${text}`));
      } else {
        lines.push(...wrapLine(`  ${row.label}`, cols), ...wrapLine(`    ${row.description}`, cols));
      }
    }
  }
  return lines;
}
