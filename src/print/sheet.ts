import type { Evidence } from '../analysis/types.js';
import type { Sheet } from '../render/sheet.js';
import { makeStyles } from '../render/style.js';
import { displayWidth, stripStyle, wrapLine } from '../render/text.js';

/**
 * A sheet (render/sheet.ts: the summary, the comparison, the stories) printed for a pipe: the reader's
 * own lines, and after each item where it came from, since a pipe has no Enter to follow an item to
 * its sentence. Nothing here lays anything out: remove the pointers and what is left is the screen's text.
 */

export interface SheetTextOptions {
  width: number;
  color: boolean;
}

/** "para 2, sentence 5": one-based, as a reader counts, in words a reader needs no key for. */
export function evidencePointer(e: Evidence): string {
  return `para ${e.paragraph + 1}, sentence ${e.sentence + 1}`;
}

/** Between an item's last word and its pointer. */
const POINTER_GAP = '  ';

export function sheetText(sheet: Sheet, options: SheetTextOptions): string {
  const dim = makeStyles(options.color).dim;
  const after = new Map<number, Evidence>();
  for (const anchor of sheet.anchors) if (anchor.target && anchor.end > anchor.line) after.set(anchor.end - 1, anchor.target.evidence);
  const out: string[] = [];
  sheet.lines.forEach((line, index) => {
    const evidence = after.get(index);
    if (!evidence) return void out.push(line);
    const pointer = evidencePointer(evidence);
    // On the item's last line when it fits, else on a line of its own under the item's text.
    if (displayWidth(stripStyle(line)) + POINTER_GAP.length + pointer.length <= options.width) {
      out.push(`${line}${POINTER_GAP}${dim(pointer)}`);
    } else {
      const indent = ' '.repeat(displayWidth(/^ *(?:• )?/.exec(stripStyle(line))![0]));
      out.push(line);
      for (const row of wrapLine(`${indent}${dim(pointer)}`, options.width)) out.push(row);
    }
  });
  return `${out.join('\n')}\n`;
}
