// Started by compareInParallel (src/analysis/parallel.ts) as dist/compare-worker.js: answers batches
// of articles with their statements about the topic.
import { parentPort, workerData } from 'node:worker_threads';
import { runCompareWorker, type CompareJob } from './parallel.js';

if (parentPort && (workerData as Partial<CompareJob> | null)?.kind === 'newsdesk-compare') runCompareWorker(workerData as CompareJob, parentPort);
