import { SheetFrame } from '../components/SheetFrame.js';
import { hintTexts } from '../keymap.js';
import type { Model } from '../model.js';
import type { CompareSlice } from '../screens/sheets.js';

/** Who said what about the topic across the loaded articles, by speaker or as a timeline. */
export function CompareView({ model, compare }: { model: Model; compare: CompareSlice }) {
  const order = compare.order === 'speaker' ? 'by speaker' : 'timeline';
  const keys = hintTexts(compare.order === 'speaker' ? 'compare' : 'timeline', model.bindings);
  return <SheetFrame title={`Comparison: ${compare.topic} · ${order}`} slice={compare} keys={keys} noun="statement" model={model} />;
}
