import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchFeed, refreshAll, refreshFeed, type RefreshOptions } from '../../src/feeds/refresh.js';
import { feedFolderName } from '../../src/feeds/store.js';
import type { RefreshProgress } from '../../src/feeds/types.js';
import { loadArticles } from '../../src/library/load.js';
import type { Article } from '../../src/library/types.js';
import { startFeedServer, type FeedServer } from './server.js';

let server: FeedServer;
let itemsDir: string;
let options: RefreshOptions;

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => server.close());
beforeEach(() => {
  itemsDir = mkdtempSync(join(tmpdir(), 'newsdesk-feeds-'));
  options = { itemsDir, fetch: { totalTimeoutMs: 20_000, connectTimeoutMs: 10_000 }, now: () => new Date('2026-12-01T12:00:00Z') };
  server.hits.clear();
});
afterEach(() => rmSync(itemsDir, { recursive: true, force: true }));

const feed = (path: string) => ({ url: `${server.base}${path}`, name: null });

function library(): Article[] {
  return loadArticles([itemsDir], { cacheDir: false }).articles;
}

function byTitle(title: string): Article {
  const article = library().find((candidate) => candidate.title === title);
  if (!article) throw new Error(`no article titled ${title}: ${library().map((a) => a.title).join(' | ')}`);
  return article;
}

describe('refreshing a feed', () => {
  it('stores each RSS 2.0 item as an article the library loads, with the page as its full text', async () => {
    const result = await refreshFeed(feed('/rss2.xml'), options);
    expect(result).toMatchObject({ status: 'updated', newItems: 2, name: 'Harbour Gazette', error: null });
    const talks = byTitle('Talks on a harbour ceasefire resume in Orlen');
    expect(talks.source).toBe('Harbour Gazette');
    expect(talks.date).toBe('2026-11-30');
    expect(talks.url).toBe(`${server.base}/pages/harbour-talks.html`);
    // The page's article, not the feed's one-line summary: Readability found it, turndown kept the table.
    expect(talks.body).toContain('"We are closer than we have ever been to a lasting ceasefire," said Irena Kovar');
    expect(talks.body).toContain('| Round | Date | Outcome |');
    expect(talks.body).not.toMatch(/Home|all rights reserved|never run/);
    // Relative links and images resolve against the page; data: and file: links are not offered.
    expect(talks.body).toContain(`[three-stage plan](${server.base}/docs/plan.html)`);
    expect(talks.body).toContain(`![The inner basin at dawn](${server.base}/images/harbour.jpg)`);
    expect(talks.body).not.toMatch(/data:|file:/);
    const front = readFileSync(talks.path, 'utf8');
    expect(front).toContain('author: "Mira Vell"');
    expect(front).toContain(`feed: "${server.base}/rss2.xml"`);
    expect(front).toContain('text: "page"');
  });

  it("keeps the feed's own text when the page cannot be fetched, and drops javascript: links", async () => {
    const result = await refreshFeed(feed('/rss2.xml'), options);
    expect(result.fallbackItems).toBe(1);
    const ferry = byTitle('Ferry timetable changes for winter');
    expect(ferry.body).toBe(`The winter timetable starts on **Tuesday**. See the [timetable](${server.base}/timetable) and this.`);
    expect(readFileSync(ferry.path, 'utf8')).toContain('text: "feed"');
  });

  it('reads RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1', async () => {
    const results = await refreshAll([feed('/rdf.xml'), feed('/atom.xml'), feed('/feed.json')], { ...options, fullText: false });
    expect(results.map((result) => [result.name, result.status, result.newItems])).toEqual([
      ['Valley Courier', 'updated', 1],
      ['Northern Ledger', 'updated', 1],
      ['Coastline Daily', 'updated', 1],
    ]);
    expect(byTitle('Bridge repairs finish early')).toMatchObject({ date: '2026-11-28', source: 'Valley Courier' });
    const ledger = byTitle('Council & unions agree on pay');
    expect(ledger.date).toBe('2026-11-27');
    expect(ledger.url).toBe(`${server.base}/ledger/77`);
    expect(ledger.body).toContain(`[three years](${server.base}/ledger/pay-table)`);
    expect(ledger.body).toContain('| Year | Rise |');
    expect(byTitle('Storm season forecast published').paragraphs).toEqual(['Forecasters expect four named storms this season.', 'Ports have been told to prepare.']);
  });

  it('gives each item a stable id: a second refresh stores nothing new and rewrites nothing', async () => {
    await refreshFeed(feed('/atom.xml'), { ...options, fullText: false });
    const folder = join(itemsDir, feedFolderName(`${server.base}/atom.xml`));
    const before = readdirSync(folder).sort();
    const again = await refreshFeed(feed('/atom.xml'), { ...options, fullText: false });
    expect(again).toMatchObject({ status: 'unchanged', newItems: 0 });
    expect(readdirSync(folder).sort()).toEqual(before);
    expect(before.filter((name) => name.endsWith('.md'))).toEqual([expect.stringMatching(/^council-unions-agree-on-em-pay-em-[0-9a-f]{10}\.md$|^council-unions-agree-on-pay-[0-9a-f]{10}\.md$/)]);
  });

  it('makes a conditional GET next time, and a 304 fetches and stores nothing', async () => {
    await refreshFeed(feed('/conditional.xml'), { ...options, fullText: false });
    const folder = join(itemsDir, feedFolderName(`${server.base}/conditional.xml`));
    const state = JSON.parse(readFileSync(join(folder, 'feed.json'), 'utf8'));
    expect(state).toMatchObject({ etag: '"v1-conditional"', lastModified: 'Mon, 30 Nov 2026 09:00:00 GMT', lastError: null });
    const files = readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]);
    const second = await refreshFeed(feed('/conditional.xml'), options);
    expect(second).toMatchObject({ status: 'unchanged', newItems: 0 });
    expect(server.hits.get('/conditional.xml')).toBe(2);
    expect(server.hits.get('/valley/1')).toBeUndefined();
    expect(readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => [name, readFileSync(join(folder, name), 'utf8')])).toEqual(
      files.filter(([name]) => name.endsWith('.md')),
    );
  });

  it('decompresses gzip and follows a redirect chain', async () => {
    const results = await refreshAll([feed('/gzip/rss2.xml'), feed('/redirect/3')], { ...options, fullText: false });
    expect(results.map((result) => [result.status, result.newItems])).toEqual([
      ['updated', 2],
      ['updated', 2],
    ]);
  });

  it('reads an ISO-8859-1 feed in its declared encoding', async () => {
    await refreshFeed(feed('/latin1.xml'), { ...options, fullText: false });
    const cafe = byTitle('Été à Orlen : la fête du quai');
    expect(cafe.source).toBe('Le Café du Port');
    expect(cafe.body).toBe('Crème brûlée et décès évités.');
  });

  it('keeps one item per guid, dates undated items when first seen, and skips items with neither id nor link', async () => {
    const result = await refreshFeed(feed('/duplicates.xml'), { ...options, fullText: false });
    expect(result.newItems).toBe(2);
    expect(library().map((article) => [article.title, article.date]).sort()).toEqual([
      ['First telling', '2026-11-30'],
      ['Undated item', '2026-12-01'],
    ]);
  });

  it('cleans escape sequences and bidi overrides from titles, bodies and links, and offers no javascript: link', async () => {
    await refreshFeed(feed('/hostile.xml'), { ...options, fullText: false });
    const articles = library();
    const text = JSON.stringify(articles.map(({ title, source, url, body }) => ({ title, source, url, body })));
    expect(text).not.toMatch(/\\u001b|\\u202e|\\u202c|\\u2066|\\u2069|javascript:|data:|file:|&#27;/);
    const first = articles.find((article) => article.title.startsWith('Red'));
    expect(first).toMatchObject({ title: 'Red alert and gnp.exe title', url: null, source: 'Evil Feed' });
    expect(first?.body).toBe(`Body with clear and a script link, data, file and [a fine one](${server.base}/ok).`);
    expect(articles.find((article) => article.title.startsWith('Second'))?.title).toBe('Second isolate item');
  });

  for (const [path, message] of [
    ['/not-found', 'HTTP 404 Not Found'],
    ['/server-error', 'HTTP 500 Internal Server Error'],
    ['/loop/a', /^redirect loop/],
    ['/malformed.xml', /^not a readable feed/],
    ['/entity-bomb.xml', 'the document declares XML entities (a possible entity bomb); refused'],
    ['/huge.xml', /^the response is more than the 10 MB allowed/],
    ['/drip', 'did not finish within 1.5 s'],
    ['/pages/no-feed.html', 'the address gives a web page, not a feed'],
  ] as const) {
    it(`fails ${path} with a clear error and loses nothing already stored`, async () => {
      // A feed that once worked: its items are stored. Then the address starts failing.
      const working = { url: `${server.base}${path}`, name: 'Once fine' };
      server.routes.set(path, (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.end(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'feeds', 'rdf.xml'), 'utf8').replaceAll('{{BASE}}', server.base));
      });
      await refreshFeed(working, { ...options, fullText: false });
      server.routes.delete(path);
      const before = library().map((article) => article.title);
      expect(before).toEqual(['Bridge repairs finish early']);
      // Generous timeouts keep a loaded machine from failing a feed early; the dripping server needs a short one.
      const result = await refreshFeed(working, path === '/drip' ? { ...options, fetch: { totalTimeoutMs: 1500 } } : options);
      expect(result.status).toBe('failed');
      if (typeof message === 'string') expect(result.error).toBe(message);
      else expect(result.error).toMatch(message);
      expect(library().map((article) => article.title)).toEqual(before);
      const state = JSON.parse(readFileSync(join(itemsDir, feedFolderName(working.url), 'feed.json'), 'utf8'));
      expect(state.lastError).toBe(result.error);
    });
  }

  it('refreshes many feeds in parallel, at most six requests at a time, reporting each as it finishes', async () => {
    let inFlight = 0;
    let most = 0;
    const paths = Array.from({ length: 14 }, (_, index) => `/slow/${index}.xml`);
    for (const path of paths) {
      server.routes.set(path, (_request, response) => {
        inFlight++;
        most = Math.max(most, inFlight);
        setTimeout(() => {
          inFlight--;
          response.writeHead(200, { 'content-type': 'application/rss+xml' });
          response.end(`<rss version="2.0"><channel><title>Slow ${path}</title><item><title>Item of ${path}</title><guid>${path}</guid></item></channel></rss>`);
        }, 40);
      });
    }
    const progress: RefreshProgress[] = [];
    const results = await refreshAll([...paths.map(feed), feed('/not-found')], options, (update) => progress.push(update));
    expect(most).toBeLessThanOrEqual(6);
    expect(most).toBeGreaterThan(1);
    expect(results.filter((result) => result.status === 'updated')).toHaveLength(14);
    expect(results.at(-1)).toMatchObject({ status: 'failed', error: 'HTTP 404 Not Found' });
    expect(progress[0]).toEqual({ done: 0, total: 15 });
    expect(progress.at(-1)?.done).toBe(15);
    expect(progress.filter((update) => update.result)).toHaveLength(15);
  });

  it('never names a file from feed text: path characters and long titles make safe, bounded names', async () => {
    server.routes.set('/paths.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const long = 'word '.repeat(200);
      response.end(`<rss version="2.0"><channel><title>../../etc</title>
        <item><title>../../../etc/passwd</title><guid>../../x</guid></item>
        <item><title>.hidden\\back/slash\0nul</title><guid>/abs/path</guid></item>
        <item><title>${long}</title><guid>long</guid></item>
        <item><title></title><guid>untitled</guid></item></channel></rss>`);
    });
    await refreshFeed(feed('/paths.xml'), { ...options, fullText: false });
    const folders = readdirSync(itemsDir);
    expect(folders).toHaveLength(1);
    const names = readdirSync(join(itemsDir, folders[0])).filter((name) => name.endsWith('.md'));
    expect(names).toHaveLength(4);
    for (const name of names) {
      expect(name).toMatch(/^[a-z0-9][a-z0-9-]*-[0-9a-f]{10}\.md$/);
      expect(name.length).toBeLessThanOrEqual(75);
    }
    expect(names.some((name) => name.startsWith('item-'))).toBe(true);
  });
});

describe('fetchFeed with discovery', () => {
  it("finds a page's feed from <link rel=\"alternate\">, relative to the page", async () => {
    const found = await fetchFeed(`${server.base}/site/`, {}, true);
    expect(found.feedUrl).toBe(`${server.base}/rss2.xml`);
    expect(found.feed?.title).toBe('Harbour Gazette');
  });

  it('says when a page names no feed', async () => {
    await expect(fetchFeed(`${server.base}/pages/no-feed.html`, {}, true)).rejects.toThrow('the page names no feed');
  });
});

describe('stored items and the subscriptions file', () => {
  it('writes front matter the fast and the YAML front matter readers agree on, whatever the title', async () => {
    server.routes.set('/quotes.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(`<rss version="2.0"><channel><title>Q: "the" feed</title><item><title>He said: "no" \\ 'yes' #1 --- ok</title><guid>q1</guid><author>a@b.c (A "B")</author></item></channel></rss>`);
    });
    await refreshFeed(feed('/quotes.xml'), { ...options, fullText: false });
    const [article] = library();
    expect(article.title).toBe(`He said: "no" \\ 'yes' #1 --- ok`);
    expect(article.source).toBe('Q: "the" feed');
  });
});
