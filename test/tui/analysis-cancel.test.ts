/**
 * Which analysis the reader runs, and when it gives one up (pure, through the reducer): the app runs
 * each job on a worker thread and stops it when no screen waits for it any more, so Esc on a screen
 * still analysing cancels, goes back where the person was and says so.
 */
import { describe, expect, it } from 'vitest';
import { progressText } from '../../src/tui/analysis-jobs.js';
import { isWaitingFor, jobsWaitedFor } from '../../src/tui/model.js';
import { reduce } from '../../src/tui/reduce.js';
import { bundledArticles } from '../render/fixtures.js';
import { press, screen, startState } from './helpers.js';

const load = { articles: bundledArticles(), problems: [] };

describe('cancelling an analysis', () => {
  it('Esc on a comparison still analysing: back on the list, the job given up, told so', () => {
    let state = press(startState(load), 'c');
    const job = state.job!;
    expect(job).toEqual({ kind: 'compare', topic: 'ceasefire' });
    expect(isWaitingFor(state, job)).toBe(true);
    state = press(state, 'escape');
    expect(screen(state)).toBe('list');
    expect(state.job).toBeNull();
    expect(isWaitingFor(state, job)).toBe(false);
    expect(state.message).toBe('Analysis cancelled');
  });

  it('Esc on a summary still analysing goes back to the article it was asked from', () => {
    let state = press(startState(load), 'enter', 'j', 'j', 's');
    expect(state.job).toEqual({ kind: 'summary', article: 0 });
    state = press(state, 'escape');
    expect(screen(state)).toBe('article');
    expect(state.job).toBeNull();
    expect(state.message).toBe('Analysis cancelled');
  });

  it('opening help over a waiting comparison keeps it running; its progress is shown for it alone', () => {
    let state = press(startState(load), 'c', '?');
    expect(screen(state)).toBe('help');
    expect(state.job).toEqual({ kind: 'compare', topic: 'ceasefire' });
    state = reduce(state, { type: 'analysis-progress', job: { kind: 'summary', article: 1 }, text: 'not this one' });
    expect(state.progress).toBeNull();
    state = reduce(state, { type: 'analysis-progress', job: state.job!, text: 'Finding statements: 1 of 3 articles…' });
    expect(state.progress).toBe('Finding statements: 1 of 3 articles…');
    state = press(state, 'escape');
    expect(screen(state)).toBe('compare');
    expect(state.job).not.toBeNull();
  });

  it('cancelling a comparison opened from a waiting summary leaves the summary’s job running', () => {
    let state = press(startState(load), 's', 'c');
    expect(jobsWaitedFor(state)).toEqual([
      { kind: 'compare', topic: 'ceasefire' },
      { kind: 'summary', article: 0 },
    ]);
    state = press(state, 'escape');
    expect(screen(state)).toBe('summary');
    expect(state.job).toEqual({ kind: 'summary', article: 0 });
  });

  it('S pressed again before the stories are known gives the grouping up', () => {
    let state = press(startState(load), 'S');
    expect(state.job).toEqual({ kind: 'stories' });
    state = press(state, 'S');
    expect(state.job).toBeNull();
    expect(jobsWaitedFor(state)).toEqual([]);
  });

  it('quitting while analysing quits (no cancel message in the way)', () => {
    const state = press(startState(load), 'c', 'ctrl-c');
    expect(state.quit).toBe(true);
  });
});

describe('the progress line', () => {
  it('names the stage, counts articles and seconds', () => {
    const job = { kind: 'compare', topic: 'ceasefire' } as const;
    expect(progressText(job, null, 0)).toBe('Analysing…');
    expect(progressText(job, { stage: 'stories', total: 2000 }, 1500)).toBe('Grouping 2,000 articles by story… · 1 s');
    expect(progressText(job, { stage: 'statements', done: 340, total: 2000 }, 3200)).toBe('Finding statements: 340 of 2,000 articles… · 3 s');
    expect(progressText({ kind: 'summary', article: 0 }, { stage: 'summary' }, 12_000)).toBe('Summarising… · 12 s');
  });
});
