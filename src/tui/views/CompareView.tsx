import { SheetFrame } from '../components/SheetFrame.js';
import type { State } from '../state.js';

/** Who said what about the topic across the loaded articles, by speaker or as a timeline. */
export function CompareView({ state }: { state: State }) {
  const compare = state.compare!;
  const order = compare.order === 'speaker' ? 'by speaker' : 'timeline';
  return (
    <SheetFrame
      title={`Comparison: ${compare.topic} · ${order}`}
      sheet={compare.sheet}
      position={compare.position}
      error={compare.error}
      keys={['j/k move', 'Enter show in article', compare.order === 'speaker' ? 't timeline' : 't by speaker', 'h back', '? help', 'q quit']}
      noun="statement"
      message={state.message}
      size={state.size}
      color={state.color}
      screenReader={state.screenReader}
    />
  );
}
