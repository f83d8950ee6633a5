import { basename, extname, relative, sep } from 'node:path';
import { cacheIndexStamps, chooseCacheDir, fileKey, LibraryCache } from './cache.js';
import { filesMatchOpenedCaches, openFolderCaches } from './cache-check.js';
import { parseFiles } from './parse-pool.js';
import { assignIds, type IdSource } from './ids.js';
import { loadArticleFile, loadArticleHead, pathText, type FileHead, type FoundPath, type ParsedFile } from './read-file.js';
import { sanitizeLine } from './sanitize.js';
import type { Article, ArticleText, LoadResult } from './types.js';
import { DirectoryError, findArticleFiles } from './walk.js';

export { DirectoryError };
// What a saved first frame is checked against (tui/frame-snapshot.ts imports it from cache.ts, off the loader).
export { cacheIndexStamps };
// Loading one file is part of what this module offers (tests, the feeds).
export { loadArticleFile };

/** Newest first; undated after dated; then by title. */
export function newestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title);
}

export interface LoadOptions {
  /**
   * Where parsed articles are cached between runs; false reads and parses every file. By default the
   * built program uses $XDG_CACHE_HOME/newsdesk and runs from the sources don't cache;
   * NEWSDESK_NO_CACHE=1 in the environment turns the default off.
   */
  cacheDir?: string | false;
}

function textOf(path: FoundPath, id: string): ArticleText | undefined {
  const { article } = loadArticleFile(path, id);
  return article ? { body: article.body, paragraphs: article.paragraphs } : undefined;
}

/** Gives each article its id once all are loaded: ids depend on every path, not on the order found. */
function giveIds(articles: Article[], sources: IdSource[]): void {
  const ids = assignIds(sources);
  for (let i = 0; i < articles.length; i++) {
    articles[i].id = ids[i];
    const root = sources[i].root;
    if (root) articles[i].relativePath = sanitizeLine(relative(root, sources[i].path).split(sep).join('/'));
  }
}

/**
 * The library as the cache last saw it, without looking at any article file: for drawing the reader's
 * first frame at once (10,000 files are not stat'ed first). Undefined when a folder has no usable cache
 * (or caching is off). Files may have changed since: follow it with loadArticles and show that, or
 * start on it and check it (loadCachedLibrary).
 */
export function loadArticlesFromCache(dirs: string[], options: LoadOptions = {}): LoadResult | undefined {
  return loadCachedLibrary(dirs, options)?.load;
}

/**
 * loadArticlesFromCache, with the check that the files are still what the caches say (cache-check.ts),
 * run a few milliseconds at a time against the same opened caches: true, and the library is what
 * loadArticles would give.
 */
export function loadCachedLibrary(dirs: string[], options: LoadOptions = {}): { load: LoadResult; check: () => Promise<boolean> } | undefined {
  const cacheDir = chooseCacheDir(options);
  if (cacheDir === false) return undefined;
  const articles: Article[] = [];
  const problems: LoadResult['problems'] = [];
  const sources: IdSource[] = [];
  const caches = openFolderCaches(dirs, cacheDir);
  for (const [root, cache] of caches) {
    const entries = cache.cachedEntries();
    if (!entries) return undefined;
    for (const entry of entries) {
      const path = entry.path;
      sources.push({ name: entry.name, path, root });
      articles.push(cache.articleFrom(entry, entry.name, () => textOf(path, entry.name)));
      for (const reason of entry.warnings ?? []) problems.push({ path: entry.shownPath, reason });
    }
  }
  giveIds(articles, sources);
  articles.sort(newestFirst);
  return { load: { articles, problems }, check: () => filesMatchOpenedCaches(dirs, caches) };
}

/** Below this many files a cold load is quick enough to draw from: no first look at the front matter alone. */
const HEADS_MIN_FILES = 300;

/**
 * The library from each file's front matter alone, for drawing the reader's first frame when there is
 * no cache index (a cold start of 10,000 files is seconds of parsing and caching, and the list shows
 * only titles, dates and sources). An article whose front matter does not give those (no title, not
 * simple) is parsed in full. The rest are parsed when a field the front matter has not is first asked
 * for (a visible row's reading time, the body): every field is what loadArticles gives, except that a
 * file whose body turns out not to be an article is still listed, and warnings about bodies are not
 * there yet. Follow it with loadArticles, as after loadArticlesFromCache. Undefined for a small
 * library, or a folder that is missing (loadArticles says why).
 */
export function loadArticleHeads(dirs: string[]): LoadResult | undefined {
  let found;
  try {
    found = findArticleFiles(dirs);
  } catch {
    return undefined;
  }
  const { state, roots } = found;
  if (state.files.length < HEADS_MIN_FILES) return undefined;
  const articles: Article[] = [];
  const problems = [...state.problems];
  const sources: IdSource[] = [];
  for (const file of state.files) {
    const path = pathText(file);
    const name = sanitizeLine(basename(path, extname(path)));
    const head = loadArticleHead(file);
    let article: Article | undefined;
    if (head) {
      article = new HeadArticle(file, sanitizeLine(path), head);
      problems.push(...head.warnings.map((reason) => ({ path, reason })));
    } else {
      const loaded = loadArticleFile(file, '');
      problems.push(...loaded.problems);
      article = loaded.article && { ...loaded.article, path: sanitizeLine(path) };
    }
    if (!article) continue;
    sources.push({ name, path, root: roots.get(file) ?? '' });
    articles.push(article);
  }
  giveIds(articles, sources);
  articles.sort(newestFirst);
  return { articles, problems: problems.map((problem) => ({ path: sanitizeLine(problem.path), reason: problem.reason })) };
}

type BodyFields = Pick<Article, 'body' | 'paragraphs' | 'credits' | 'related' | 'words'>;
const NO_BODY: BodyFields = { body: '', paragraphs: [], credits: [], related: [], words: 0 };

/**
 * An article from its front matter; the fields only the body gives come from a full parse of the file
 * when first asked for. A class, so 10,000 of them share their getters (on the prototype: a copy made
 * with spread or structuredClone has no body; they are only drawn, until loadArticles replaces them).
 */
class HeadArticle implements Article {
  id = '';
  relativePath?: string;
  readonly format = 'md';
  readonly title: string;
  readonly date: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly tags: string[];
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  private full: BodyFields | undefined;

  constructor(
    private readonly file: FoundPath,
    readonly path: string,
    { head, size, mtimeMs, ctimeMs, ino }: FileHead,
  ) {
    this.title = head.title;
    this.date = head.date;
    this.source = head.source;
    this.url = head.url;
    this.tags = head.tags;
    this.size = size;
    this.mtimeMs = mtimeMs;
    this.ctimeMs = ctimeMs;
    this.ino = ino;
  }

  private parsed(): BodyFields {
    return (this.full ??= loadArticleFile(this.file, '').article ?? NO_BODY);
  }

  get body(): string {
    return this.parsed().body;
  }

  get paragraphs(): string[] {
    return this.parsed().paragraphs;
  }

  get credits(): string[] {
    return this.parsed().credits;
  }

  get related(): Article['related'] {
    return this.parsed().related;
  }

  get words(): number {
    return this.parsed().words;
  }
}

/**
 * Loads every article below the given folders. Files that can't be articles are reported with their
 * path and reason; the rest still load. A folder that does not exist throws DirectoryError.
 *
 * Articles whose file has the size and mtime recorded in the cache are not read again: their
 * metadata comes from the cache index and their body and paragraphs are read from the cache when
 * first used. The cache never changes what is loaded, only how fast.
 */
export function loadArticles(dirs: string[], options: LoadOptions = {}): LoadResult {
  const { state, roots, folders } = findArticleFiles(dirs);
  const cacheDir = chooseCacheDir(options);
  const caches = new Map<string, LibraryCache>();
  if (cacheDir !== false) for (const root of folders) caches.set(root, LibraryCache.open(root, cacheDir));
  const articles: Article[] = [];
  const problems = [...state.problems];
  const sources: IdSource[] = [];
  // Files whose size and mtime match the cache are taken from it; the rest are parsed, in parallel
  // when there are many. Either way they are added in the order found, which decides ids.
  const plan = state.files.map((found) => {
    const root = roots.get(found) ?? '';
    // A path that is not UTF-8 is not cached: the index keys paths as text.
    const cache = typeof found === 'string' ? caches.get(root) : undefined;
    const path = pathText(found);
    const key = cache ? fileKey(path) : undefined;
    return { found, path, root, cache, key, entry: key ? cache?.lookup(path, key) : undefined };
  });
  const parsed = new Array<ParsedFile | undefined>(plan.length);
  let added = 0;
  const addReady = (): void => {
    for (; added < plan.length; added++) {
      const { found, path, root, cache, key, entry } = plan[added];
      if (cache && entry) {
        sources.push({ name: entry.name, path, root });
        problems.push(...(entry.warnings ?? []).map((reason) => ({ path, reason })));
        articles.push(cache.articleFrom(entry, entry.name, () => textOf(found, entry.name)));
        continue;
      }
      const loaded = parsed[added];
      if (!loaded) return;
      parsed[added] = undefined;
      problems.push(...loaded.problems);
      if (!loaded.article) continue;
      const name = sanitizeLine(basename(path, extname(path)));
      const id = name;
      sources.push({ name, path, root });
      // File names are written by strangers too: what reaches a terminal is sanitised.
      const shownPath = sanitizeLine(path);
      const reasons = loaded.problems.map((problem) => problem.reason);
      // Stored text is dropped from memory and read back when used: 10,000 bodies stay on disk.
      const stored = key && cache?.store(path, loaded.article, key, name, shownPath, reasons);
      articles.push(stored ? cache!.articleFrom(stored, id, () => textOf(found, id)) : { ...loaded.article, id, path: shownPath });
    }
  };
  const misses = plan.flatMap((item, index) => (item.entry ? [] : [index]));
  parseFiles(
    misses.map((index) => plan[index].found),
    (k, result) => {
      parsed[misses[k]] = result;
      addReady();
    },
  );
  addReady();
  for (const cache of caches.values()) cache.save();
  giveIds(articles, sources);
  articles.sort(newestFirst);
  return { articles, problems: problems.map((problem) => ({ path: sanitizeLine(problem.path), reason: problem.reason })) };
}
