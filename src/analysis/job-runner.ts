import { Worker } from 'node:worker_threads';
import { keepYoungGenerationSmallAfter } from '../platform/young-generation.js';
import type { AnalysisJob, AnalysisOutcome, JobArticle, JobMessage, JobProgress, JobRequest, JobWorkerData } from './jobs.js';
import { analysisWorkerScript } from './worker-script.js';

/**
 * Runs the reader's analysis jobs on a worker thread (the analysis worker, dist/compare-worker.js), so
 * the thread that reads keys and draws never waits for one: a summary of a long article or a comparison
 * over thousands takes seconds to minutes. A job can be cancelled at any moment: its worker is
 * terminated. The worker that finished last is kept for the next job on the same articles (its NLP is
 * loaded), and none keeps the process alive. Without a built worker (tests run from the sources) jobs
 * run on this thread. This module loads no analysis code itself: the reader starts without it.
 */

export interface JobHandle {
  /** The outcome; after cancel() it resolves to an error outcome that nobody needs to show. */
  outcome: Promise<AnalysisOutcome>;
  cancel(): void;
}

interface IdleWorker {
  worker: Worker;
  articles: readonly JobArticle[];
}

export class AnalysisJobRunner {
  private idle: IdleWorker | null = null;
  private readonly running = new Set<Worker>();
  private nextId = 1;

  /** `script` is the worker entry; null runs jobs on this thread. */
  constructor(private readonly script: string | null = analysisWorkerScript() ?? null) {}

  /** Runs `job` over `articles` (the same array each time for the same library: the worker keeps them). */
  run(job: AnalysisJob, articles: readonly JobArticle[], onProgress: (progress: JobProgress) => void = () => {}): JobHandle {
    if (this.script === null) return runHere(job, articles, onProgress);
    const worker = this.takeWorker(articles);
    const id = this.nextId++;
    let settle!: (outcome: AnalysisOutcome) => void;
    const outcome = new Promise<AnalysisOutcome>((resolve) => (settle = resolve));
    let finished = false;
    const finish = (result: AnalysisOutcome, keep: boolean): void => {
      if (finished) return;
      finished = true;
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      this.running.delete(worker);
      if (keep) this.keepIdle({ worker, articles });
      else void worker.terminate();
      settle(result);
    };
    const onMessage = (message: JobMessage): void => {
      if (message.id !== id) return;
      if ('progress' in message) onProgress(message.progress);
      else finish(message.outcome, true);
    };
    const onError = (error: Error): void => finish({ job, error: error.message }, false);
    const onExit = (): void => finish({ job, error: 'the analysis stopped' }, false);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    this.running.add(worker);
    worker.postMessage({ id, job } satisfies JobRequest);
    return { outcome, cancel: () => finish({ job, error: 'cancelled' }, false) };
  }

  /** Ends every worker (the reader is closing). */
  close(): void {
    for (const worker of this.running) void worker.terminate();
    this.running.clear();
    if (this.idle) void this.idle.worker.terminate();
    this.idle = null;
  }

  private takeWorker(articles: readonly JobArticle[]): Worker {
    const idle = this.idle;
    this.idle = null;
    if (idle && idle.articles === articles) return idle.worker;
    if (idle) void idle.worker.terminate();
    const worker = new Worker(this.script!, { workerData: { kind: 'newsdesk-jobs', articles: [...articles] } satisfies JobWorkerData });
    keepYoungGenerationSmallAfter(worker);
    // A worker never holds the process open: quitting must not wait for an analysis.
    worker.unref();
    return worker;
  }

  private keepIdle(next: IdleWorker): void {
    if (this.idle) void this.idle.worker.terminate();
    this.idle = next;
  }
}

/** A job on this thread (no built worker): it cannot be stopped, only its outcome dropped. */
function runHere(job: AnalysisJob, articles: readonly JobArticle[], onProgress: (progress: JobProgress) => void): JobHandle {
  let cancelled = false;
  const outcome = import('./jobs.js').then(({ runAnalysisJob }) => runAnalysisJob(job, articles, (progress) => !cancelled && onProgress(progress)));
  return {
    outcome: outcome.then((result) => (cancelled ? { job, error: 'cancelled' } : result)),
    cancel: () => {
      cancelled = true;
    },
  };
}
