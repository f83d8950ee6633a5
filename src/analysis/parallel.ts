import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { keepYoungGenerationSmallAfter } from '../platform/young-generation.js';
import { articleStatements, combineStatements, type ArticleStatements, type CompareOptions, type StatementHead } from './compare.js';
import { statementsJson, type StatementsJson } from './statement-json.js';
import { storySignature, type StorySignature } from './stories-signature.js';
import { topicMatcher } from './topics.js';
import type { AnalysisInput, Comparison, StoryInput } from './types.js';
import { analysisWorkerScript } from './worker-script.js';

/**
 * compareArticles over a large library on every core: each article's statements depend on that
 * article alone, so batches of articles go to worker threads (and this thread does batches too), and
 * the results are put together in the articles' order, exactly as one thread would.
 */

/** Below this many articles a worker costs more to start than it saves. */
const PARALLEL_MIN_ARTICLES = 200;
/** Articles sent to a worker at a time: big enough that messages cost little, small enough to share the tail. */
const BATCH = 48;
/** At most this many workers, whatever the machine: each holds its own copy of the NLP tables. */
const MAX_WORKERS = 3;

export interface CompareJob {
  kind: 'newsdesk-compare';
  topic: string;
  /** Each article's story signature too (stories-signature.ts), read in the same pass. */
  signatures?: boolean;
  /** Each article's statements as their JSON and their heads (see JsonArticleAnalysis) instead of whole. */
  json?: boolean;
}

/** An article as a batch carries it: its source only when signatures are asked for. */
type BatchInput = AnalysisInput & { source?: string | null };

interface BatchRequest {
  start: number;
  inputs: BatchInput[];
}

/** One article's part of the pass: its statements, and its story signature when asked for. */
export interface ArticleAnalysis extends ArticleStatements {
  signature?: StorySignature;
}

interface BatchResult {
  start: number;
  results?: AnyAnalysis[];
  error?: string;
}

/**
 * One article's part when the comparison is printed as JSON: its statements written out already
 * (statement-json.ts), on the thread that found them, and of each only what merging speakers reads.
 * Far less to copy between threads and to hold on the main thread than whole statements.
 */
export interface JsonArticleAnalysis {
  statements: StatementHead[];
  people: string[];
  json: StatementsJson;
  signature?: StorySignature;
}

type AnyAnalysis = ArticleAnalysis | JsonArticleAnalysis;

function analyseArticle(input: BatchInput, matcher: RegExp, signatures: boolean, json: boolean): AnyAnalysis {
  const found = articleStatements(input, matcher);
  const signature = signatures ? { signature: storySignature({ ...input, source: input.source ?? null }) } : {};
  if (!json) return { ...found, ...signature };
  const heads = found.statements.map(({ article, speaker, stance, speakerRole, unnamed }) => ({ article, speaker, stance, speakerRole, unnamed }));
  return { statements: heads, people: found.people, json: statementsJson(found.statements), ...signature };
}

/**
 * The comparison of `count` articles, `inputAt(i)` giving each (read only when its batch is sent or
 * done, so 10,000 bodies are never in memory at once). Same result as compareArticles.
 */
export async function compareInParallel(
  count: number,
  inputAt: (index: number) => AnalysisInput,
  topic: string,
  options: CompareOptions = {},
): Promise<Comparison> {
  const { heads, results } = await analyseInParallel(count, inputAt, topic, options);
  return combineStatements(heads, topic, results, options);
}

/** Every article's part of a comparison, in the articles' order, with what a comparison and a story list keep of each article. */
export interface ParallelAnalysis<R = ArticleAnalysis> {
  heads: Pick<StoryInput, 'id' | 'title' | 'date' | 'source'>[];
  results: R[];
}

/**
 * Each article's statements about `topic` (articleStatements), on every core, and with `signatures`
 * each article's story signature as well, so a comparison that needs the stories reads each article
 * once: combineStatements and storiesFromSignatures put them together.
 */
export async function analyseInParallel(
  count: number,
  inputAt: (index: number) => BatchInput,
  topic: string,
  options: Pick<CompareOptions, 'onProgress'> & { signatures?: boolean; json: true },
): Promise<ParallelAnalysis<JsonArticleAnalysis>>;
export async function analyseInParallel(
  count: number,
  inputAt: (index: number) => BatchInput,
  topic: string,
  options?: Pick<CompareOptions, 'onProgress'> & { signatures?: boolean; json?: false },
): Promise<ParallelAnalysis>;
export async function analyseInParallel(
  count: number,
  inputAt: (index: number) => BatchInput,
  topic: string,
  options: Pick<CompareOptions, 'onProgress'> & { signatures?: boolean; json?: boolean } = {},
): Promise<ParallelAnalysis<AnyAnalysis>> {
  const matcher = topicMatcher(topic);
  const signatures = options.signatures === true;
  const json = options.json === true;
  const results = new Array<AnyAnalysis | undefined>(count);
  const heads = new Array<ParallelAnalysis['heads'][number]>(count);
  const headOf = (input: BatchInput): ParallelAnalysis['heads'][number] => ({ id: input.id, title: input.title, date: input.date, source: input.source ?? null });
  let done = 0;
  const doHere = (index: number): void => {
    const input = inputAt(index);
    heads[index] = headOf(input);
    results[index] = analyseArticle(input, matcher, signatures, json);
    done++;
  };

  const script = count >= PARALLEL_MIN_ARTICLES ? analysisWorkerScript() : undefined;
  const workerCount = script ? Math.min(MAX_WORKERS, availableParallelism() - 1) : 0;
  const batches: number[] = [];
  for (let start = 0; start < count; start += BATCH) batches.push(start);
  batches.reverse(); // taken from the end: the first batches first

  const workers: Worker[] = [];
  const pending = new Map<Worker, number[]>();
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const send = (worker: Worker): void => {
    const start = batches.pop();
    if (start === undefined) return;
    const inputs: BatchInput[] = [];
    for (let index = start; index < Math.min(count, start + BATCH); index++) {
      const input = inputAt(index);
      heads[index] = headOf(input);
      inputs.push({ id: input.id, title: input.title, date: input.date, paragraphs: input.paragraphs, ...(signatures ? { source: input.source ?? null } : {}) });
    }
    pending.get(worker)!.push(start);
    worker.postMessage({ start, inputs } satisfies BatchRequest);
  };
  /** A worker that failed or exited: its unanswered batches go back to the queue. */
  const retire = (worker: Worker): void => {
    const unanswered = pending.get(worker);
    if (!unanswered) return;
    pending.delete(worker);
    batches.push(...unanswered);
    void worker.terminate();
    notify();
  };
  for (let k = 0; k < workerCount; k++) {
    let worker: Worker;
    try {
      worker = new Worker(script!, { workerData: { kind: 'newsdesk-compare', topic, signatures, json } satisfies CompareJob });
      keepYoungGenerationSmallAfter(worker);
    } catch {
      break;
    }
    workers.push(worker);
    pending.set(worker, []);
    worker.on('message', (message: BatchResult) => {
      const unanswered = pending.get(worker);
      if (!unanswered) return;
      if (!message.results) return retire(worker);
      unanswered.splice(unanswered.indexOf(message.start), 1);
      message.results.forEach((result, k) => {
        if (!results[message.start + k]) done++;
        results[message.start + k] = result;
      });
      send(worker);
      notify();
    });
    worker.on('error', () => retire(worker));
    worker.on('exit', () => retire(worker));
    // Two batches each, so a worker never waits for this thread to send the next.
    send(worker);
    send(worker);
  }

  try {
    // This thread takes batches too, and between them lets the workers' answers in.
    while (done < count) {
      options.onProgress?.(done, count);
      const start = batches.pop();
      if (start !== undefined) {
        for (let index = start; index < Math.min(count, start + BATCH); index++) if (!results[index]) doHere(index);
        if (workers.length) await new Promise<void>((resolve) => setImmediate(resolve));
      } else if ([...pending.values()].some((list) => list.length > 0)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      } else {
        // Nothing queued and nothing out: whatever is left is done here.
        for (let index = 0; index < count; index++) if (!results[index]) doHere(index);
      }
    }
  } finally {
    for (const worker of workers) {
      pending.delete(worker);
      void worker.terminate();
    }
  }
  options.onProgress?.(count, count);
  return { heads, results: results as AnyAnalysis[] };
}

/** The worker's side: answer each batch with its articles' statements. */
export function runCompareWorker(job: CompareJob, port: { on(event: 'message', listener: (message: BatchRequest) => void): void; postMessage(message: BatchResult): void }): void {
  const matcher = topicMatcher(job.topic);
  port.on('message', ({ start, inputs }) => {
    try {
      port.postMessage({ start, results: inputs.map((input) => analyseArticle(input, matcher, job.signatures === true, job.json === true)) });
    } catch (error) {
      port.postMessage({ start, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
