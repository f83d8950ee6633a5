import { Box, useApp, useInput, useStdout } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LoadResult } from '../library/types.js';
import type { ReadState } from '../state/types.js';
import { progressText, startAnalysis, stopAnalyses, type AnalysisJob, type JobProgress } from './analysis-jobs.js';
import type { JobHandle } from '../analysis/job-runner.js';
import { isTooSmall } from './layout.js';
import { isWaitingFor, screenOf, topScreen, type Action, type Model } from './model.js';
import { reduceAndRead } from './article-text.js';
import { scrollAhead } from './article-frame.js';
import { warmScrollPath } from './warm-scroll.js';
import { ArticleView } from './views/ArticleView.js';
import { CompareView } from './views/CompareView.js';
import { HelpView } from './views/HelpView.js';
import { ListView } from './views/ListView.js';
import { SummaryView } from './views/SummaryView.js';
import { TooSmall } from './views/TooSmall.js';
import { DetailsView } from './views/DetailsView.js';
import { TopicsView } from './views/TopicsView.js';

/** How long React waits to draw a frame that was drawn ahead (article-frame.ts). */
const RENDER_AFTER_DRAW_MS = 2;

/** How often a filter still searching (typed before the index was complete) shows what it found since. */
const SEARCH_FURTHER_MS = 150;

/** How long after the first article is drawn its scroll path is run once (warm-scroll.ts). */
const WARM_SCROLL_AFTER_MS = 50;

/** How often the screen waiting for an analysis says how far it got. */
const PROGRESS_TICK_MS = 250;

interface RunningJob {
  job: AnalysisJob;
  /** The library it runs on: a job on a library since reloaded is stopped. */
  articles: Model['articles'];
  started: number;
  progress: JobProgress | null;
  handle: JobHandle | null;
}

function jobKey(job: AnalysisJob): string {
  return JSON.stringify(job);
}

export interface AppProps {
  initial: Model;
  /** Opens a URL; resolves to a message for the status line. */
  openUrl: (url: string) => Promise<string>;
  /** Persists the read state; returns a message when it could not. */
  save: (readState: ReadState) => string | null;
  /** Told every state, so a signal handler outside React can save the latest position. */
  onState?: (model: Model) => void;
  /** The terminal whose size the reader follows; Ink's stdout when not given (run.tsx says why they differ). */
  terminal?: NodeJS.WriteStream;
  /**
   * `r`: loads the library again from disk, the feeds refreshed first (telling `report` how far it got).
   * The one place a reload happens; without it `r` says there is nothing to reload from.
   */
  reload?: (report: (text: string) => void) => Promise<LoadResult>;
  /** The library as the files now hold it, once known, when they changed since the one the reader started on. */
  changed?: Promise<LoadResult | undefined>;
  /**
   * Given the rows of a scrolled article's next frame as Ink will write them, before React has drawn
   * it (article-frame.ts): the terminal is brought up to date at once (run.tsx).
   */
  drawAhead?: (rows: string[]) => void;
}

/**
 * The reader: a reducer and the views that draw it. Keys go into the reducer as they come (it resolves
 * them against the key map with the latest state); this component only runs the effects it asks for.
 */
export function App({ initial, openUrl, save, onState, terminal, reload, changed, drawAhead }: AppProps) {
  // The reducer runs here, not in React's render, so a key's next state is known as soon as the key is:
  // a scroll is drawn ahead from it. Actions still apply one after the other to the latest state.
  const [state, setState] = useState(initial);
  const latest = useRef(initial);
  const dispatch = useCallback((action: Action) => {
    const next = reduceAndRead(latest.current, action);
    if (next === latest.current) return;
    latest.current = next;
    setState(next);
  }, []);
  const { exit } = useApp();
  const { stdout: inkStdout } = useStdout();
  const stdout = terminal ?? inkStdout;
  const saved = useRef(initial.readState);
  const saveFailed = useRef(false);

  // A scroll drawn ahead is on the screen already: React and Ink draw it (to find nothing to add) a
  // moment later, so the terminal gets the processor first to show it.
  const deferred = useRef<ReturnType<typeof setTimeout> | null>(null);
  useInput((input, key) => {
    const previous = latest.current;
    const next = reduceAndRead(previous, { type: 'key', input, key });
    if (next === previous) return;
    latest.current = next;
    const rows = drawAhead ? scrollAhead(previous, next) : null;
    if (!rows) {
      setState(next);
      return;
    }
    drawAhead?.(rows);
    deferred.current ??= setTimeout(() => {
      deferred.current = null;
      setState(latest.current);
    }, RENDER_AFTER_DRAW_MS);
  });
  useEffect(
    () => () => {
      if (deferred.current) clearTimeout(deferred.current);
    },
    [],
  );

  // Once, when the first article is on screen: its first scroll runs code nothing has run yet, so it is
  // run once beforehand, with nothing drawn (warm-scroll.ts), while the person starts reading.
  const reading = topScreen(state)?.kind === 'article';
  const warmed = useRef(false);
  useEffect(() => {
    if (!reading || warmed.current || !drawAhead) return;
    const timer = setTimeout(() => {
      warmed.current = true;
      warmScrollPath(latest.current);
    }, WARM_SCROLL_AFTER_MS);
    return () => clearTimeout(timer);
  }, [reading, drawAhead]);

  useEffect(() => {
    const onResize = () => {
      if (stdout.columns && stdout.rows) dispatch({ type: 'resize', size: { cols: stdout.columns, rows: stdout.rows } });
    };
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);

  useEffect(() => {
    onState?.(state);
    if (state.readState !== saved.current) {
      saved.current = state.readState;
      const problem = save(state.readState);
      // Reported once: a read-only home should not nag on every article.
      if (problem && !saveFailed.current && !state.quit) dispatch({ type: 'message', text: problem });
      if (problem) saveFailed.current = true;
    }
    if (state.quit) exit();
  }, [state, save, onState, exit]);

  // Build the filter's search index in small slices while the list is shown, between key presses: built
  // only once `/` is pressed, the first letters typed into a large library waited for it.
  const filtering = screenOf(state) === 'list';
  const index = state.index;
  useEffect(() => {
    if (!filtering || index.complete) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let told = performance.now();
    const step = () => {
      const complete = index.warm(8);
      // A filter typed before the index was complete showed what it found so far: it goes on, a few
      // times a second and once at the end, rather than after every slice.
      if (latest.current.list.searching && (complete || performance.now() - told >= SEARCH_FURTHER_MS)) {
        told = performance.now();
        dispatch({ type: 'index-grown' });
      }
      if (!complete) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [filtering, index]);

  const request = state.request;
  useEffect(() => {
    if (!request) return;
    let live = true;
    void openUrl(request.url).then((text) => {
      if (!live) return;
      dispatch({ type: 'request-done', id: request.id });
      dispatch({ type: 'message', text });
    });
    return () => {
      live = false;
    };
  }, [request, openUrl]);

  // Each analysis runs on a worker thread while keys and frames go on here. A job is started when the
  // model asks for it and stopped as soon as no screen waits for it (Esc) or the library changed; its
  // progress is shown with the seconds so far. Leaving the reader stops them all.
  const jobs = useRef(new Map<string, RunningJob>());
  const job = state.job;
  const articles = state.articles;
  useEffect(() => {
    if (!job || jobs.current.has(jobKey(job))) return;
    const key = jobKey(job);
    const running: RunningJob = { job, articles, started: Date.now(), progress: null, handle: null };
    jobs.current.set(key, running);
    running.handle = startAnalysis(job, articles, (progress) => {
      running.progress = progress;
    });
    void running.handle.outcome.then((outcome) => {
      if (jobs.current.get(key) !== running) return; // cancelled
      jobs.current.delete(key);
      dispatch({ type: 'analysis-done', outcome });
    });
  }, [job, articles]);
  useEffect(() => {
    for (const [key, running] of jobs.current) {
      if (running.articles === state.articles && isWaitingFor(state, running.job)) continue;
      jobs.current.delete(key);
      running.handle?.cancel();
    }
  }, [state]);
  useEffect(() => {
    if (!job) return;
    const tick = (): void => {
      const running = jobs.current.get(jobKey(job));
      if (running) dispatch({ type: 'analysis-progress', job, text: progressText(job, running.progress, Date.now() - running.started) });
    };
    const timer = setInterval(tick, PROGRESS_TICK_MS);
    return () => clearInterval(timer);
  }, [job]);
  useEffect(() => () => stopAnalyses(), []);

  // The reload runs in the background: fetching feeds is asynchronous, so keys are handled while it runs.
  const refreshId = state.refresh.id;
  useEffect(() => {
    if (refreshId === 0) return;
    if (!reload) {
      dispatch({ type: 'refresh-done', load: null, error: 'nothing to reload from here' });
      return;
    }
    reload((text) => dispatch({ type: 'refresh-progress', text })).then(
      (load) => dispatch({ type: 'refresh-done', load }),
      (error: unknown) => dispatch({ type: 'refresh-done', load: null, error: error instanceof Error ? error.message : String(error) }),
    );
  }, [refreshId, reload]);

  // The files were checked against the cache while keys were answered; what changed replaces the list.
  useEffect(() => {
    let live = true;
    void changed?.then(
      (load) => {
        if (live && load) dispatch({ type: 'library-changed', load });
      },
      (error: unknown) => {
        if (live) dispatch({ type: 'message', text: `Files changed, but the library could not be read again: ${error instanceof Error ? error.message : String(error)}` });
      },
    );
    return () => {
      live = false;
    };
  }, [changed]);

  if (state.quit) return null;
  if (isTooSmall(state.size)) return <TooSmall size={state.size} />;
  const top = topScreen(state);
  return (
    <Box flexDirection="column">
      {top === null && <ListView model={state} />}
      {top?.kind === 'article' && <ArticleView model={state} article={top} />}
      {top?.kind === 'help' && <HelpView model={state} help={top} />}
      {top?.kind === 'summary' && <SummaryView model={state} summary={top} />}
      {top?.kind === 'compare' && <CompareView model={state} compare={top} />}
      {top?.kind === 'details' && <DetailsView model={state} details={top} />}
      {top?.kind === 'topics' && <TopicsView model={state} topics={top} onChoose={(topic) => dispatch({ type: 'topic-chosen', topic })} />}
    </Box>
  );
}
