import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { keepYoungGenerationSmallAfter } from '../platform/young-generation.js';
import { builtWorkerScript } from '../platform/worker-script.js';
import { CACHE_BY_DEFAULT } from './cache.js';
import { describeError, loadArticleFile, pathText, type FoundPath, type ParsedFile } from './read-file.js';

/**
 * Parsing many files at once: on this thread and, for many files, on a worker thread (this module,
 * built as dist/parse-worker.js) at the same time.
 */

/** Below this many files to parse, starting a worker costs more than it saves. */
const PARALLEL_MIN_FILES = 300;
/**
 * The worker's young generation, in MB: what it parses goes to this thread, so little of it stays, and
 * V8's default lets it grow to 48 MB, which counts in a cold start's peak memory.
 */
const YOUNG_GENERATION_MB = 8;
/** A worker that has sent nothing for this long is given up on, and its files parsed here. */
const WORKER_SILENCE_MS = 30_000;

interface ParseJob {
  kind: 'newsdesk-parse';
  files: FoundPath[];
  /** [0]: the next file to take (both threads take from it); [1]: results the worker has posted. */
  counters: SharedArrayBuffer;
  port: MessagePort;
}

/** The worker entry scripts/build.mjs writes beside the bundle; none when running from the sources. */
function workerScript(): string | undefined {
  return CACHE_BY_DEFAULT ? builtWorkerScript('parse-worker.js') : undefined;
}

/**
 * Reads and parses files, on this thread and, for many files, on a worker thread at the same time
 * (a cold library of 10,000 articles is seconds of parsing). The API stays synchronous: this thread
 * parses too and then blocks until the worker's last results are in. `done(k, result)` is called for
 * every file; results may come out of order.
 */
export function parseFiles(files: FoundPath[], onResult: (index: number, result: ParsedFile) => void): void {
  const finished = new Uint8Array(files.length);
  let count = 0;
  const done = (index: number, result: ParsedFile): void => {
    if (finished[index]) return;
    finished[index] = 1;
    count++;
    onResult(index, result);
  };
  const script = files.length >= PARALLEL_MIN_FILES && availableParallelism() > 1 ? workerScript() : undefined;
  let worker: Worker | undefined;
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  if (script) {
    try {
      const job: ParseJob = { kind: 'newsdesk-parse', files, counters: counters.buffer as SharedArrayBuffer, port: port2 };
      worker = new Worker(script, { workerData: job, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      keepYoungGenerationSmallAfter(worker);
      worker.unref();
    } catch {
      worker = undefined;
    }
  }
  const drain = (): void => {
    for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) {
      const { index, result } = message.message as { index: number; result: ParsedFile };
      done(index, result);
    }
  };
  for (let index = Atomics.add(counters, 0, 1); index < files.length; index = Atomics.add(counters, 0, 1)) {
    done(index, loadArticleFile(files[index], ''));
    if (worker) drain();
  }
  if (worker) {
    // Wait for the files the worker took. It catches everything, but if it went silent anyway, the
    // files it never answered for are parsed here.
    let lastProgress = Date.now();
    while (count < files.length) {
      const posted = Atomics.load(counters, 1);
      drain();
      if (count >= files.length) break;
      if (Atomics.wait(counters, 1, posted, 100) !== 'timed-out') lastProgress = Date.now();
      else if (Date.now() - lastProgress > WORKER_SILENCE_MS) break;
    }
    void worker.terminate();
    for (let index = 0; index < files.length; index++) if (!finished[index]) done(index, loadArticleFile(files[index], ''));
  }
  port1.close();
}

/** The worker's side of parseFiles: take the next file, parse it, post the result, until none are left. */
function runParseWorker({ files, counters: buffer, port }: ParseJob): void {
  const counters = new Int32Array(buffer);
  for (let index = Atomics.add(counters, 0, 1); index < files.length; index = Atomics.add(counters, 0, 1)) {
    let result: ParsedFile;
    try {
      result = loadArticleFile(files[index], '');
    } catch (error) {
      result = { problems: [{ path: pathText(files[index]), reason: describeError(error) }] };
    }
    port.postMessage({ index, result });
    Atomics.add(counters, 1, 1);
    Atomics.notify(counters, 1);
  }
  port.close();
}

// Started as dist/parse-worker.js by parseFiles, this module is the worker: vitest's and other
// workers carry no such job, so nothing happens for them.
if (!isMainThread && (workerData as Partial<ParseJob> | null)?.kind === 'newsdesk-parse') runParseWorker(workerData as ParseJob);
