import { lowerThisThreadPriority } from '../platform/thread-priority.js';
import { runAnalysisJob, type JobMessage, type JobProgress, type JobRequest, type JobWorkerData } from './jobs.js';

/** How often at most a worker tells how far it got: often enough to look alive, seldom enough to cost nothing. */
const PROGRESS_EVERY_MS = 100;

/** The worker's side of job-runner.ts: runs each job it is sent on its articles and answers with progress, then the outcome. */
export function serveAnalysisJobs(data: JobWorkerData, port: { on(event: 'message', listener: (message: JobRequest) => void): void; postMessage(message: JobMessage): void }): void {
  // Below the reader's own thread: keys and frames come first, whatever the analysis costs.
  lowerThisThreadPriority();
  port.on('message', ({ id, job }) => {
    let last = 0;
    const report = (progress: JobProgress): void => {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && progress.done !== progress.total) return;
      last = now;
      port.postMessage({ id, progress });
    };
    void runAnalysisJob(job, data.articles, report).then((outcome) => port.postMessage({ id, outcome }));
  });
}
