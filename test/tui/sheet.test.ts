import { describe, expect, it } from 'vitest';
import { Command } from '../../src/tui/keymap.js';
import { CURSOR_MARKER, type Sheet } from '../../src/render/sheet.js';
import { cursorForKey, decorateSheetLine, sheetContent } from '../../src/tui/sheet.js';
import { revealCursor as reveal, update } from '../../src/tui/viewport.js';

/** A cursor and a top line: the part of the viewport model a sheet moves. */
interface Position {
  cursor: number;
  top: number;
}

/** The viewport's update over a sheet, as a position (null for a key that does not move). */
function moveInSheet(sheet: Sheet, position: Position, command: Command, height: number): Position | null {
  const view = update({ ...position, marks: [] }, command, sheetContent(sheet), height);
  return view && { cursor: view.cursor, top: view.top };
}

function revealCursor(sheet: Sheet, position: Position, height: number): Position {
  const view = reveal({ ...position, marks: [] }, sheetContent(sheet), height);
  return { cursor: view.cursor, top: view.top };
}

/** A heading, then `count` items of `size` lines each, a blank line between sections of five. */
function makeSheet(count: number, size = 1): Sheet {
  const lines: string[] = ['  Heading'];
  const anchors: Sheet['anchors'] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % 5 === 0) lines.push('', '  Heading');
    const line = lines.length;
    for (let k = 0; k < size; k++) lines.push(`    item ${i} line ${k}`);
    anchors.push({ key: `item:${i}`, line, end: lines.length, target: null });
  }
  return { lines, anchors };
}

describe('moving in a sheet', () => {
  it('steps from item to item and stops at the ends', () => {
    const sheet = makeSheet(3);
    let position = { cursor: 0, top: 0 };
    position = moveInSheet(sheet, position, Command.LineDown, 10)!;
    expect(position.cursor).toBe(1);
    position = moveInSheet(sheet, moveInSheet(sheet, position, Command.LineDown, 10)!, Command.LineDown, 10)!;
    expect(position.cursor).toBe(2);
    position = moveInSheet(sheet, { cursor: 0, top: 0 }, Command.LineUp, 10)!;
    expect(position.cursor).toBe(0);
  });

  it('scrolls so the item under the cursor is on screen, whole', () => {
    const sheet = makeSheet(40, 3);
    let position = { cursor: 0, top: 0 };
    for (let i = 0; i < 20; i++) {
      position = moveInSheet(sheet, position, Command.LineDown, 7)!;
      const anchor = sheet.anchors[position.cursor];
      expect(anchor.line).toBeGreaterThanOrEqual(position.top);
      expect(anchor.end).toBeLessThanOrEqual(position.top + 7);
    }
  });

  it('shows a section’s heading when moving up to its first item', () => {
    const sheet = makeSheet(10);
    const fifth = sheet.anchors[5];
    const position = moveInSheet(sheet, { cursor: 6, top: fifth.line + 1 }, Command.LineUp, 5)!;
    expect(position.cursor).toBe(5);
    expect(sheet.lines[position.top]).toBe('  Heading');
  });

  it('pages the window and brings the cursor onto the screen', () => {
    const sheet = makeSheet(40);
    const position = moveInSheet(sheet, { cursor: 0, top: 0 }, Command.PageDown, 8)!;
    expect(position.top).toBe(8);
    const anchor = sheet.anchors[position.cursor];
    expect(anchor.line).toBeGreaterThanOrEqual(8);
    expect(anchor.line).toBeLessThan(16);
  });

  it('goes to the first and the last item', () => {
    const sheet = makeSheet(40);
    const last = moveInSheet(sheet, { cursor: 0, top: 0 }, Command.Bottom, 8)!;
    expect(last.cursor).toBe(39);
    expect(last.top + 8).toBeGreaterThanOrEqual(sheet.anchors[39].end);
    expect(moveInSheet(sheet, last, Command.Top, 8)).toEqual({ cursor: 0, top: 0 });
    // In a small window the first item is shown even when its heading does not fit with it.
    const tall = makeSheet(3, 4);
    const top = moveInSheet(tall, { cursor: 2, top: 8 }, Command.Top, 3)!;
    expect(top.cursor).toBe(0);
    expect(top.top).toBe(tall.anchors[0].line);
  });

  it('reaches text after the last item: G goes to the very end, j past the last item scrolls', () => {
    const sheet = makeSheet(6);
    const trailing = ['', '  Disagreements', ...Array.from({ length: 12 }, (_, i) => `    note ${i}`)];
    const withNotes: Sheet = { lines: [...sheet.lines, ...trailing], anchors: sheet.anchors };
    const height = 5;
    const end = withNotes.lines.length - height;
    // The last item sits above a window at the end: G reveals it, then j scrolls on to the end.
    let position = moveInSheet(withNotes, { cursor: 0, top: 0 }, Command.Bottom, height)!;
    expect(position.cursor).toBe(5);
    for (let i = 0; i < 30; i++) position = moveInSheet(withNotes, position, Command.LineDown, height)!;
    expect(position).toEqual({ cursor: 5, top: end });
    // k from there walks back up the items.
    position = moveInSheet(withNotes, position, Command.LineUp, height)!;
    expect(position.cursor).toBe(4);
    // When the last item is on screen at the end, G shows the end itself.
    const short: Sheet = { lines: [...sheet.lines, '', '  Note'], anchors: sheet.anchors };
    expect(moveInSheet(short, { cursor: 0, top: 0 }, Command.Bottom, height)).toEqual({ cursor: 5, top: short.lines.length - height });
  });

  it('only scrolls a sheet without items, and ignores keys that are not movements', () => {
    const empty: Sheet = { lines: Array.from({ length: 30 }, (_, i) => `line ${i}`), anchors: [] };
    expect(moveInSheet(empty, { cursor: 0, top: 0 }, Command.PageDown, 10)).toEqual({ cursor: 0, top: 10 });
    expect(moveInSheet(empty, { cursor: 0, top: 0 }, Command.Open, 10)).toBeNull();
  });

  it('finds an item again by its key after a re-layout, else the first', () => {
    const sheet = makeSheet(10);
    expect(cursorForKey(sheet, 'item:7')).toBe(7);
    expect(cursorForKey(sheet, 'gone')).toBe(0);
    expect(revealCursor(sheet, { cursor: 9, top: 0 }, 4).top).toBeGreaterThan(0);
  });
});

describe('drawing the cursor', () => {
  it('marks the selected item’s first line in the gutter, readable without colour', () => {
    const sheet = makeSheet(3, 2);
    const draw = decorateSheetLine(sheet, 1, false);
    const item = sheet.anchors[1];
    expect(draw(sheet.lines[item.line], item.line).startsWith(CURSOR_MARKER)).toBe(true);
    expect(draw(sheet.lines[item.line + 1], item.line + 1)).toBe(sheet.lines[item.line + 1]);
    expect(draw(sheet.lines[0], 0)).toBe(sheet.lines[0]);
  });

  it('adds inverse video to the whole item with colour', () => {
    const sheet = makeSheet(3, 2);
    const draw = decorateSheetLine(sheet, 1, true);
    const item = sheet.anchors[1];
    expect(draw(sheet.lines[item.line + 1], item.line + 1)).toContain('\x1b[7m');
    expect(draw(sheet.lines[sheet.anchors[0].line], sheet.anchors[0].line)).not.toContain('\x1b[');
  });
});
