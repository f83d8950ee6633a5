import { SheetFrame } from '../components/SheetFrame.js';
import { hintTexts } from '../keymap.js';
import type { Model } from '../model.js';
import type { SummarySlice } from '../screens/sheets.js';

/** The key facts of one article, each a line the cursor stops on; Enter shows its sentence. */
export function SummaryView({ model, summary }: { model: Model; summary: SummarySlice }) {
  const article = model.articles[summary.article];
  return <SheetFrame title={`Summary: ${article?.title ?? ''}`} slice={summary} keys={hintTexts('summary', model.bindings)} noun="fact" model={model} />;
}
