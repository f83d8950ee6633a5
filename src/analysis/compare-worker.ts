// The analysis worker, dist/compare-worker.js. Started by compareInParallel (src/analysis/parallel.ts)
// to answer batches of articles with their statements about a topic, and by the reader's job runner
// (src/analysis/job-runner.ts) to run its summaries and comparisons off the thread that draws and reads keys.
import { parentPort, workerData } from 'node:worker_threads';
import type { JobWorkerData } from './jobs.js';
import { runCompareWorker, type CompareJob } from './parallel.js';

const kind = (workerData as { kind?: unknown } | null)?.kind;
if (parentPort && kind === 'newsdesk-compare') runCompareWorker(workerData as CompareJob, parentPort);
// Loaded only here: a comparison's batch workers start without the summary and story code.
const port = parentPort;
if (port && kind === 'newsdesk-jobs') void import('./job-worker.js').then(({ serveAnalysisJobs }) => serveAnalysisJobs(workerData as JobWorkerData, port));
