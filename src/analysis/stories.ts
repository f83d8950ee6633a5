import type { Story, StoryInput } from './types.js';
import { storySignature, type StorySignature } from './stories-signature.js';

/**
 * Story clustering: which loaded articles report the same event or development. Each article is
 * read into a signature (names and lead words, stories-signature.ts); signatures become TF-IDF
 * vectors; pairs of articles that share a rare feature and lie within a few days of each other are
 * scored by cosine similarity; average-linkage agglomeration joins groups while the mean similarity
 * between them stays above a threshold. Every article ends in exactly one story. README ("Stories")
 * gives the measurements behind the method and its constants; MinHash and single linkage are kept
 * as options for those measurements.
 */

export type StoryMethod = 'tfidf-average' | 'tfidf-single' | 'minhash-single';

export interface StoryOptions {
  method?: StoryMethod;
  /** Similarity at which two groups join (cosine for TF-IDF, estimated Jaccard for MinHash). */
  threshold?: number;
  /** Articles dated further apart than this many days are never one story. */
  windowDays?: number;
}

export const DEFAULT_STORY_OPTIONS: Required<StoryOptions> = { method: 'tfidf-average', threshold: 0.25, windowDays: 4 };

/** Default thresholds per method, each the best measured (README, "Stories"). */
export const METHOD_THRESHOLDS: Record<StoryMethod, number> = { 'tfidf-average': 0.25, 'tfidf-single': 0.4, 'minhash-single': 0.2 };

/**
 * A feature shared by more articles than this creates no candidate pairs (it still counts in the
 * similarity of pairs found otherwise): a word in a fifth of the library names no single event,
 * and without the cap a library of one conflict would compare every pair.
 */
function candidateCap(n: number): number {
  return Math.max(40, Math.ceil(n * 0.02));
}

/**
 * An undated article can't be held to the time window, so it could join events weeks apart: its
 * similarities count for less (measured: README, "Stories").
 */
const UNDATED_FACTOR = 0.8;

interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

function tfidfVectors(signatures: StorySignature[]): { vectors: Vector[]; df: Int32Array; featureIds: Map<string, number> } {
  const featureIds = new Map<string, number>();
  const counts: number[] = [];
  const raw = signatures.map((sig) => {
    const ids: number[] = [];
    const ws: number[] = [];
    for (const [f, w] of sig.features) {
      let id = featureIds.get(f);
      if (id === undefined) {
        id = featureIds.size;
        featureIds.set(f, id);
        counts.push(0);
      }
      counts[id]++;
      ids.push(id);
      ws.push(w);
    }
    return { ids, ws };
  });
  const df = Int32Array.from(counts);
  const n = signatures.length;
  const vectors = raw.map(({ ids, ws }) => {
    const order = ids.map((_, i) => i).sort((a, b) => ids[a] - ids[b]);
    const outIds = new Int32Array(order.length);
    const outW = new Float64Array(order.length);
    let norm = 0;
    order.forEach((k, i) => {
      outIds[i] = ids[k];
      // A feature in every article weighs nothing; one in a single article can't join two.
      const w = ws[k] * Math.log((n + 1) / df[ids[k]]);
      outW[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < outW.length; i++) outW[i] /= norm;
    return { ids: outIds, weights: outW };
  });
  return { vectors, df, featureIds };
}

function cosine(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) sum += a.weights[i++] * b.weights[j++];
    else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return sum;
}

function withinWindow(a: StorySignature, b: StorySignature, days: number): boolean {
  return a.day === null || b.day === null || Math.abs(a.day - b.day) <= days;
}

export interface Edge {
  a: number;
  b: number;
  similarity: number;
}

/** Pairs sharing a feature no more common than the cap, within the time window, with their cosine. */
function tfidfEdges(signatures: StorySignature[], windowDays: number): Edge[] {
  const { vectors, df } = tfidfVectors(signatures);
  const cap = candidateCap(signatures.length);
  const postings = new Map<number, number[]>();
  vectors.forEach((v, doc) => {
    for (const id of v.ids) {
      if (df[id] < 2 || df[id] > cap) continue;
      const list = postings.get(id);
      if (list) list.push(doc);
      else postings.set(id, [doc]);
    }
  });
  const edges: Edge[] = [];
  const seen = new Set<number>();
  for (let a = 0; a < vectors.length; a++) {
    seen.clear();
    for (const id of vectors[a].ids) {
      const list = postings.get(id);
      if (!list) continue;
      for (const b of list) {
        if (b <= a || seen.has(b)) continue;
        seen.add(b);
        if (!withinWindow(signatures[a], signatures[b], windowDays)) continue;
        const dated = signatures[a].day !== null && signatures[b].day !== null;
        const similarity = cosine(vectors[a], vectors[b]) * (dated ? 1 : UNDATED_FACTOR);
        if (similarity > 0) edges.push({ a, b, similarity });
      }
    }
  }
  return edges;
}

const MINHASH_HASHES = 64;
const MINHASH_BANDS = 32;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number, seed: number): number {
  let x = (h ^ Math.imul(seed + 1, 0x9e3779b9)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Pairs whose MinHash sketches collide in a band (LSH), scored by the sketch's Jaccard estimate. */
function minhashEdges(signatures: StorySignature[], windowDays: number): Edge[] {
  const sketches = signatures.map((sig) => {
    const sketch = new Uint32Array(MINHASH_HASHES).fill(0xffffffff);
    for (const f of sig.features.keys()) {
      const h = fnv1a(f);
      for (let k = 0; k < MINHASH_HASHES; k++) {
        const v = mix(h, k);
        if (v < sketch[k]) sketch[k] = v;
      }
    }
    return sketch;
  });
  const rows = MINHASH_HASHES / MINHASH_BANDS;
  const buckets = new Map<string, number[]>();
  sketches.forEach((s, doc) => {
    for (let band = 0; band < MINHASH_BANDS; band++) {
      const key = `${band}:${Array.from(s.subarray(band * rows, band * rows + rows)).join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(doc);
      else buckets.set(key, [doc]);
    }
  });
  const pairs = new Set<number>();
  const edges: Edge[] = [];
  const n = signatures.length;
  for (const list of buckets.values()) {
    if (list.length < 2 || list.length > candidateCap(n)) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i], list[j]];
        const key = a * n + b;
        if (pairs.has(key)) continue;
        pairs.add(key);
        if (!withinWindow(signatures[a], signatures[b], windowDays)) continue;
        let same = 0;
        for (let k = 0; k < MINHASH_HASHES; k++) if (sketches[a][k] === sketches[b][k]) same++;
        edges.push({ a, b, similarity: same / MINHASH_HASHES });
      }
    }
  }
  return edges;
}

/** Groups of indices joined by any edge at or above the threshold (union-find). */
export function singleLinkage(n: number, edges: Edge[], threshold: number): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const e of edges) {
    if (e.similarity < threshold) continue;
    const [ra, rb] = [find(e.a), find(e.b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return groupsOf(n, (i) => find(i));
}

function groupsOf(n: number, root: (i: number) => number): number[][] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = root(i);
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}

/**
 * Average linkage on a sparse similarity graph: repeatedly join the two groups whose mean pairwise
 * similarity (missing pairs count as 0) is highest, while it is at least the threshold. A pair
 * outside the time window has no edge, so it pulls its groups' mean down and chains cannot form.
 */
export function averageLinkage(n: number, edges: Edge[], threshold: number): number[][] {
  const size = new Int32Array(n).fill(1);
  const owner = Int32Array.from({ length: n }, (_, i) => i);
  const version = new Int32Array(n);
  const sums: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const e of edges) {
    sums[e.a].set(e.b, (sums[e.a].get(e.b) ?? 0) + e.similarity);
    sums[e.b].set(e.a, (sums[e.b].get(e.a) ?? 0) + e.similarity);
  }
  const heap = new MaxHeap();
  const push = (a: number, b: number): void => {
    const mean = (sums[a].get(b) ?? 0) / (size[a] * size[b]);
    if (mean >= threshold) heap.push({ mean, a: Math.min(a, b), b: Math.max(a, b), va: version[Math.min(a, b)], vb: version[Math.max(a, b)] });
  };
  for (let a = 0; a < n; a++) for (const b of sums[a].keys()) if (a < b) push(a, b);
  for (;;) {
    const top = heap.pop();
    if (!top) break;
    const { a, b } = top;
    if (owner[a] !== a || owner[b] !== b || version[a] !== top.va || version[b] !== top.vb) continue;
    // Join b into a: the sum to every other group is the sum of both.
    owner[b] = a;
    size[a] += size[b];
    version[a]++;
    sums[a].delete(b);
    for (const [c, s] of sums[b]) {
      if (c === a) continue;
      sums[a].set(c, (sums[a].get(c) ?? 0) + s);
      sums[c].delete(b);
      sums[c].set(a, sums[a].get(c)!);
    }
    sums[b].clear();
    for (const c of sums[a].keys()) push(a, c);
  }
  const root = (i: number): number => {
    while (owner[i] !== i) i = owner[i];
    return i;
  };
  return groupsOf(n, root);
}

interface HeapEntry {
  mean: number;
  a: number;
  b: number;
  va: number;
  vb: number;
}

/** Ties break on the lower pair of indices, so the result never depends on insertion order. */
function before(x: HeapEntry, y: HeapEntry): boolean {
  return x.mean > y.mean || (x.mean === y.mean && (x.a < y.a || (x.a === y.a && x.b < y.b)));
}

class MaxHeap {
  private items: HeapEntry[] = [];
  push(item: HeapEntry): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(items[i], items[p])) break;
      [items[i], items[p]] = [items[p], items[i]];
      i = p;
    }
  }
  pop(): HeapEntry | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && before(items[l], items[m])) m = l;
        if (r < items.length && before(items[r], items[m])) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return top;
  }
}

/** Groups of signature indices, one per story, by the chosen method. */
export function clusterSignatures(signatures: StorySignature[], options: StoryOptions = {}): number[][] {
  const method = options.method ?? DEFAULT_STORY_OPTIONS.method;
  const threshold = options.threshold ?? METHOD_THRESHOLDS[method];
  const windowDays = options.windowDays ?? DEFAULT_STORY_OPTIONS.windowDays;
  const n = signatures.length;
  if (method === 'minhash-single') return singleLinkage(n, minhashEdges(signatures, windowDays), threshold);
  const edges = tfidfEdges(signatures, windowDays);
  return method === 'tfidf-single' ? singleLinkage(n, edges, threshold) : averageLinkage(n, edges, threshold);
}

/** How many of the story's main people and places are listed. */
const MAIN_NAMES = 5;

function mainNames(members: StorySignature[]): { people: string[]; places: string[] } {
  const merged = new Map<string, { form: string; articles: number; count: number; person: number; place: number }>();
  for (const sig of members) {
    for (const [key, use] of sig.names) {
      const m = merged.get(key) ?? { form: use.form, articles: 0, count: 0, person: 0, place: 0 };
      if (use.form.length > m.form.length) m.form = use.form;
      m.articles++;
      m.count += use.count;
      m.person += use.person;
      m.place += use.place;
      merged.set(key, m);
    }
  }
  const ranked = [...merged.values()].sort((x, y) => y.articles - x.articles || y.count - x.count || x.form.localeCompare(y.form));
  const pick = (want: (m: (typeof ranked)[number]) => boolean): string[] => {
    const out: string[] = [];
    for (const m of ranked) {
      // "Kravets" and "Oksana Kravets" are one entry: the fuller form stands for both.
      if (!want(m) || out.some((o) => o.includes(m.form) || m.form.includes(o))) continue;
      out.push(m.form);
      if (out.length >= MAIN_NAMES) break;
    }
    return out;
  };
  return { people: pick((m) => m.person > m.place), places: pick((m) => m.place > m.person) };
}

function byDate(a: Pick<StoryInput, 'date'>, b: Pick<StoryInput, 'date'>): number {
  if (a.date && b.date) return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
  return a.date ? -1 : b.date ? 1 : 0;
}

/** Stories of the inputs: every input in exactly one, largest stories first, then by earliest date. */
export function clusterStories(inputs: StoryInput[], options: StoryOptions = {}): Story[] {
  return clusterStoriesOf(inputs.length, (i) => inputs[i], options);
}

/**
 * clusterStories of `count` articles, `inputAt(i)` giving each; only its signature and heading are
 * kept, so a library's bodies need not all be in memory at once.
 */
export function clusterStoriesOf(count: number, inputAt: (index: number) => StoryInput, options: StoryOptions = {}): Story[] {
  const signatures: StorySignature[] = [];
  const inputs: StoryHead[] = [];
  for (let i = 0; i < count; i++) {
    const input = inputAt(i);
    signatures.push(storySignature(input));
    inputs.push({ id: input.id, title: input.title, date: input.date, source: input.source });
  }
  return storiesFromSignatures(signatures, inputs, options);
}

/** What a story keeps of each of its articles. */
export type StoryHead = Omit<StoryInput, 'paragraphs'>;

/**
 * The stories of articles whose signatures (storySignature, in the articles' order) were read
 * elsewhere, such as by a comparison's worker threads in the same pass: what clusterStoriesOf does
 * once it has them.
 */
export function storiesFromSignatures(signatures: StorySignature[], inputs: readonly StoryHead[], options: StoryOptions = {}): Story[] {
  const groups = clusterSignatures(signatures, options);
  const stories = groups.map((group) => {
    // Earliest first; undated last; ties by id, so the story id does not depend on the order of loading.
    const order = [...group].sort((a, b) => byDate(inputs[a], inputs[b]) || (inputs[a].id < inputs[b].id ? -1 : inputs[a].id > inputs[b].id ? 1 : 0));
    const members = order.map((i) => inputs[i]);
    const dates = members.map((m) => m.date).filter((d): d is string => d !== null).sort();
    const { people, places } = mainNames(order.map((i) => signatures[i]));
    return {
      id: members[0].id,
      title: members[0].title,
      articles: members.map((m) => ({ id: m.id, title: m.title, source: m.source, date: m.date })),
      outlets: new Set(members.map((m) => m.source ?? m.id)).size,
      people,
      places,
      span: dates.length > 0 ? { from: dates[0], to: dates[dates.length - 1] } : null,
    } satisfies Story;
  });
  return stories.sort(
    (x, y) => y.articles.length - x.articles.length || (x.span?.from ?? '\uffff').localeCompare(y.span?.from ?? '\uffff') || x.id.localeCompare(y.id),
  );
}

/** The story an article id belongs to, as a map from article id to story id. */
export function storyOfArticle(stories: Story[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const s of stories) for (const a of s.articles) map.set(a.id, s.id);
  return map;
}
