import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/tui/App.js';
import { stripStyle } from '../../src/render/text.js';
import { bundledArticles, fixtureArticles } from '../render/fixtures.js';
import { startState } from './helpers.js';

/**
 * The summary and comparison views drawn by Ink (without a terminal), with the real analysis loaded
 * on first use: "Analysing…" first, then the sheet, never taller than the terminal allows.
 */

const articles = [...bundledArticles(), ...fixtureArticles()];
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

async function until(condition: () => boolean, timeout = 10_000) {
  const end = Date.now() + timeout;
  while (!condition() && Date.now() < end) await tick();
}

function mount(rows = 24, cols = 80) {
  const state = startState({ articles, problems: [] }, { rows, cols });
  return render(<App initial={state} save={() => null} openUrl={async () => ''} />);
}

async function press(stdin: { write: (data: string) => void }, ...keys: string[]) {
  for (const key of keys) {
    stdin.write(key);
    await tick();
  }
}

afterEach(() => cleanup());

describe('summary and comparison views', () => {
  it('says it is analysing, then shows the summary with its cursor, within rows - 1', async () => {
    for (const [cols, rows] of [[80, 24], [20, 6]]) {
      const { lastFrame, stdin, frames } = mount(rows, cols);
      await press(stdin, 's');
      await until(() => /fact 1\/\d+/.test(lastFrame() ?? ''));
      // The first time, the analysis chunk takes a while to load; later it may be too quick to see.
      if (cols === 80) expect(frames.map(stripStyle).some((frame) => frame.includes('Analysing…'))).toBe(true);
      for (const frame of frames) expect(frame.split('\n').length).toBeLessThanOrEqual(rows - 1);
      expect(stripStyle(lastFrame()!)).toContain('› ');
      cleanup();
    }
  });

  it('shows the comparison by speaker and as a timeline', async () => {
    const { lastFrame, stdin } = mount();
    await press(stdin, 'c');
    await until(() => /statement 1\/\d+/.test(lastFrame() ?? ''));
    expect(lastFrame()).toContain('Comparison: ceasefire · by speaker');
    await press(stdin, 't');
    await until(() => (lastFrame() ?? '').includes('· timeline'));
    expect(lastFrame()).toContain('Comparison: ceasefire · timeline');
    expect(lastFrame()).toMatch(/statement \d+\/\d+/);
  });
});
