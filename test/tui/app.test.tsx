import { readKey } from '../../src/tui/read-key.js';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { App } from '../../src/tui/App.js';
import type { ReadState } from '../../src/state/types.js';
import { bundledArticles, fixtureArticles } from '../render/fixtures.js';
import { press, slowArticles, startState, typeText as typePress } from './helpers.js';
import { stripStyle } from '../../src/render/text.js';

const articles = [...bundledArticles(), ...fixtureArticles()];
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

/** Polls until a condition holds (effects run a little after the frame is drawn). */
async function until(condition: () => boolean, timeout = 2000) {
  const end = Date.now() + timeout;
  while (!condition() && Date.now() < end) await tick();
}

/**
 * The frame once it shows `expected`, or the last frame after a while. Ink draws at most 30 frames a
 * second, so the frame for a key press can arrive a little after the key.
 */
async function expectFrame(lastFrame: () => string | undefined, expected: string | RegExp): Promise<void> {
  const shows = () => {
    const text = lastFrame() ?? '';
    return typeof expected === 'string' ? text.includes(expected) : expected.test(text);
  };
  await until(shows);
  if (typeof expected === 'string') expect(lastFrame()).toContain(expected);
  else expect(lastFrame()).toMatch(expected);
}

async function keys(stdin: { write: (data: string) => void }, ...sequence: string[]) {
  for (const key of sequence) {
    stdin.write(key);
    await tick();
  }
}

function mount(options: { cols?: number; rows?: number; color?: boolean; initial?: ReturnType<typeof startState> } = {}) {
  const saved: ReadState[] = [];
  const opened: string[] = [];
  const state = options.initial ?? startState({ articles, problems: [] }, options);
  const app = render(
    <App
      initial={state}
      save={(readState) => {
        saved.push(readState);
        return null;
      }}
      openUrl={async (url) => {
        opened.push(url);
        return `Opened ${url}`;
      }}
    />,
  );
  return { ...app, saved, opened };
}

afterEach(() => cleanup());

describe('App', () => {
  it('shows the list with every title, the selection marked without colour', async () => {
    const { lastFrame } = mount({ cols: 100 });
    const frame = lastFrame()!;
    expect(frame).toContain(`${articles.length} articles`);
    expect(stripStyle(frame).split('\n').find((line) => line.startsWith('>'))).toContain(articles[0].title.slice(0, 20));
  });

  it('never draws a frame taller than rows - 1', async () => {
    for (const rows of [6, 10, 24]) {
      const { lastFrame, stdin } = mount({ rows });
      expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(rows - 1);
      await keys(stdin, '\r', 'G');
      await expectFrame(lastFrame, '100%');
      expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(rows - 1);
      await keys(stdin, '?');
      await expectFrame(lastFrame, 'Help');
      expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(rows - 1);
      cleanup();
    }
  });

  it('shows a filter typed before the index is complete as searching, then goes on to every match', async () => {
    const slow = slowArticles(articles[0], 300, 2, (i) => (i % 3 === 0 ? 'The harbour reopened.' : 'Nothing new.'));
    // Typed before the reader started warming its index (as in the first second of a large library).
    const typed = typePress(press(startState({ articles: slow, problems: [] }, { cols: 80 }), '/'), 'harbour');
    expect(typed.list.searching).toBe(true);
    const { lastFrame } = mount({ cols: 80, initial: typed });
    expect(lastFrame()).toContain('searching…');
    await until(() => !(lastFrame() ?? '').includes('searching…'), 10_000);
    expect(lastFrame()!.split('\n')[0]).toMatch(/^\/harbour_ +100 of 300$/);
  });

  it('filters, opens, searches with a count, and goes back', async () => {
    const ferry = articles.find((a) => a.title.includes('ferry'))!;
    const { lastFrame, stdin, saved } = mount({ cols: 80 });
    await keys(stdin, '/', ...'ferry');
    await expectFrame(lastFrame, '/ferry_');
    await expectFrame(lastFrame, `1 of ${articles.length}`);
    await keys(stdin, '\r', '\r');
    await expectFrame(lastFrame, ferry.title);
    await until(() => saved.length > 0);
    expect(saved.at(-1)!.articles[readKey(ferry)]).toBeDefined();
    await keys(stdin, '/', ...'council', '\r');
    await expectFrame(lastFrame, /\/council 1\/\d+/);
    await keys(stdin, 'n');
    await expectFrame(lastFrame, /\/council 2\/\d+/);
    // Esc drops the search, then leaves the article; the list still has its filter until Esc again.
    await keys(stdin, '\x1b', '\x1b');
    await expectFrame(lastFrame, `1 of ${articles.length}`);
    await keys(stdin, '\x1b');
    await expectFrame(lastFrame, `${articles.length} articles`);
  });

  it('shows a picked link in full and opens it only on a key press', async () => {
    const { lastFrame, stdin, opened } = mount({ cols: 80 });
    await keys(stdin, '/', ...'ferry', '\r', '\r', '\t');
    await expectFrame(lastFrame, /Link \[1\/\d\] council minutes: https:\/\/example\.org\/minutes/);
    expect(opened).toEqual([]);
    await keys(stdin, 'o');
    await until(() => opened.length > 0 && (lastFrame() ?? '').includes('Opened'));
    expect(opened).toEqual(['https://example.org/minutes']);
    await expectFrame(lastFrame, 'Opened https://example.org/minutes');
  });

  it('says "terminal too small" below 20x6', async () => {
    const { lastFrame } = mount({ cols: 19, rows: 6 });
    await expectFrame(lastFrame, 'too small');
  });

  it('shows the summary for s once the analysis has loaded, and goes back with Esc', async () => {
    const { lastFrame, stdin } = mount();
    await keys(stdin, 's');
    await expectFrame(lastFrame, `Summary: ${articles[0].title.slice(0, 20)}`);
    await until(() => /fact 1\/\d+/.test(lastFrame() ?? ''), 10_000);
    expect(lastFrame()).toContain('Lead');
    await keys(stdin, '\x1b');
    await expectFrame(lastFrame, 'newsdesk');
  });
});
