import { Box, useApp, useInput, useStdout } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import type { LoadResult } from '../library/types.js';
import type { ReadState } from '../state/types.js';
import { runAnalysis } from './analysis-jobs.js';
import { isTooSmall } from './layout.js';
import { screenOf, topScreen, type Model } from './model.js';
import { reduce } from './reduce.js';
import { ArticleView } from './views/ArticleView.js';
import { CompareView } from './views/CompareView.js';
import { HelpView } from './views/HelpView.js';
import { ListView } from './views/ListView.js';
import { SummaryView } from './views/SummaryView.js';
import { TooSmall } from './views/TooSmall.js';

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
  /** `r`: refreshes the feeds (telling `report` how far it got) and loads the library again. */
  refreshFeeds?: (report: (text: string) => void) => Promise<LoadResult>;
}

/**
 * The reader: a reducer and the views that draw it. Keys go into the reducer as they come (it resolves
 * them against the key map with the latest state); this component only runs the effects it asks for.
 */
export function App({ initial, openUrl, save, onState, terminal, refreshFeeds }: AppProps) {
  const [state, dispatch] = useReducer(reduce, initial);
  const { exit } = useApp();
  const { stdout: inkStdout } = useStdout();
  const stdout = terminal ?? inkStdout;
  const saved = useRef(initial.readState);
  const saveFailed = useRef(false);

  useInput((input, key) => dispatch({ type: 'key', input, key }));

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
    const step = () => {
      if (!index.warm(8)) timer = setTimeout(step, 0);
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

  // The analysis runs off the reducer: its chunk is imported on first use and the screen says
  // "Analysing…" meanwhile. A result that arrives after the person moved on is still cached.
  const job = state.job;
  const articles = state.articles;
  useEffect(() => {
    if (!job) return;
    void runAnalysis(job, articles).then((outcome) => dispatch({ type: 'analysis-done', outcome }));
  }, [job, articles]);

  // The refresh runs in the background: fetching is asynchronous, so keys are handled while it runs.
  const refreshId = state.refresh.id;
  useEffect(() => {
    if (refreshId === 0) return;
    if (!refreshFeeds) {
      dispatch({ type: 'refresh-done', load: null, error: 'no feeds to refresh here' });
      return;
    }
    refreshFeeds((text) => dispatch({ type: 'refresh-progress', text })).then(
      (load) => dispatch({ type: 'refresh-done', load }),
      (error: unknown) => dispatch({ type: 'refresh-done', load: null, error: error instanceof Error ? error.message : String(error) }),
    );
  }, [refreshId, refreshFeeds]);

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
    </Box>
  );
}
