import { SheetFrame } from '../components/SheetFrame.js';
import type { State } from '../state.js';

/** The key facts of one article, each a line the cursor stops on; Enter shows its sentence. */
export function SummaryView({ state }: { state: State }) {
  const summary = state.summary!;
  const article = state.articles[summary.article];
  return (
    <SheetFrame
      title={`Summary: ${article?.title ?? ''}`}
      sheet={summary.sheet}
      position={summary.position}
      error={summary.error}
      keys={['j/k move', 'Enter show in article', 'h back', '? help', 'q quit']}
      noun="fact"
      message={state.message}
      size={state.size}
      color={state.color}
      screenReader={state.screenReader}
    />
  );
}
