import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot } from '../helpers/run-cli.js';
import { fixturesDir, startFeedServer, type FeedServer } from './server.js';

/**
 * The built CLI against the fixture server, as a new user would use it: add, refresh, list, read,
 * summary, compare, export, import, remove, and all of it again with the server gone. The CLI runs
 * asynchronously (spawn), so the server in this process keeps answering.
 */

let server: FeedServer;
let home: string;

beforeAll(async () => {
  server = await startFeedServer();
  home = mkdtempSync(join(tmpdir(), 'newsdesk-feeds-cli-'));
});
afterAll(async () => {
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
        XDG_STATE_HOME: join(home, 'state'),
        XDG_CACHE_HOME: join(home, 'cache'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const subscriptionsFile = () => join(home, 'config', 'newsdesk', 'feeds.txt');

// Each test runs the CLI several times; on a loaded machine a run takes seconds.
describe('newsdesk feeds and refresh', { timeout: 180_000 }, () => {
  it('starts with no subscriptions and says how to add one', async () => {
    const feeds = await cli(['feeds']);
    expect(feeds.status).toBe(0);
    expect(feeds.stdout).toContain('No subscriptions yet. Add one with: newsdesk feeds add <url>');
    expect((await cli(['feeds', '--json'])).stdout.trim()).toBe('[]');
  });

  it('refuses an address that is not http(s), and a feed that cannot be fetched, without subscribing', async () => {
    const bad = await cli(['feeds', 'add', 'file:///etc/passwd']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('newsdesk: "file:///etc/passwd" is not an http or https address.\n');
    const missing = await cli(['feeds', 'add', `${server.base}/not-found`]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`newsdesk: ${server.base}/not-found: HTTP 404 Not Found; not subscribed.\n`);
    expect(existsSync(subscriptionsFile())).toBe(false);
  });

  it('adds a feed from its page, fetches it once, and the items join the library', async () => {
    const add = await cli(['feeds', 'add', `${server.base}/site/`, '--name', 'Gazette']);
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    expect(add.stdout).toBe(`Subscribed to Gazette (${server.base}/rss2.xml), the feed named by ${server.base}/site/.\nGazette: 2 new items (1 with the feed's own text: the page could not be read)\n`);
    expect(readFileSync(subscriptionsFile(), 'utf8')).toContain(`\n${server.base}/rss2.xml Gazette\n`);
    const list = await cli(['list', '--json']);
    const entries = JSON.parse(list.stdout) as { id: string; title: string; source: string | null }[];
    const talks = entries.find((entry) => entry.title === 'Talks on a harbour ceasefire resume in Orlen');
    expect(talks?.source).toBe('Gazette');
    // The bundled articles are still there beside the stored items.
    expect(entries.length).toBeGreaterThan(2);
    expect(entries.filter((entry) => entry.source === 'Gazette')).toHaveLength(2);
    const plain = await cli(['list']);
    expect(plain.stdout).toMatch(/2026-11-30 .* talks-on-a-harbour-ceasefire-resume-in-orlen-[0-9a-f]{10} +Talks on a harbour ceasefire resume in Orlen\b.*\(Gazette\)/);
  });

  it('reads the full article, summarises it and compares it', async () => {
    const id = (JSON.parse((await cli(['list', '--json'])).stdout) as { id: string; title: string }[]).find((entry) => entry.title.startsWith('Talks on'))!.id;
    const read = await cli(['read', id, '--width', '100']);
    expect(read.status).toBe(0);
    expect(read.stdout).toContain('We are closer than we have ever been to a lasting ceasefire');
    expect(read.stdout).toContain('Prisoner exchange');
    const summary = JSON.parse((await cli(['summary', id, '--json'])).stdout) as { quotes: { speaker: string | null; text: string }[] };
    expect(summary.quotes.some((quote) => /Kovar/.test(quote.speaker ?? '') && quote.text.includes('lasting ceasefire'))).toBe(true);
    const compare = JSON.parse((await cli(['compare', '--json'])).stdout) as { articles: { id: string }[]; statements: { article: string; speaker: string | null }[] };
    expect(compare.articles.some((article) => article.id === id)).toBe(true);
    expect(compare.statements.some((statement) => statement.article === id && /Kovar/.test(statement.speaker ?? ''))).toBe(true);
  });

  it('lists the subscription with its counts, and refresh reports each feed and exits 1 when one failed', async () => {
    const feeds = JSON.parse((await cli(['feeds', '--json'])).stdout) as { name: string; items: number; unread: number; lastError: string | null }[];
    expect(feeds).toMatchObject([{ name: 'Gazette', items: 2, unread: 2, lastError: null }]);
    writeFileSync(subscriptionsFile(), `${readFileSync(subscriptionsFile(), 'utf8')}${server.base}/server-error Broken\nnot-a-url\n`);
    const refresh = await cli(['refresh']);
    expect(refresh.status).toBe(1);
    expect(refresh.stdout.split('\n').sort()).toEqual(['', 'Broken: failed: HTTP 500 Internal Server Error (stored items kept)', 'Gazette: unchanged']);
    expect(refresh.stderr).toContain(`${subscriptionsFile()}:6: "not-a-url" is not an http or https address; ignored`);
    const listed = await cli(['feeds']);
    expect(listed.stdout).toContain('last error: HTTP 500 Internal Server Error');
  });

  it('exports OPML 2.0 that imports again, and removes a feed with its items after saying how many', async () => {
    const exported = await cli(['feeds', 'export']);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<opml version="2.0">/);
    expect(exported.stdout).toContain(`xmlUrl="${server.base}/rss2.xml"`);
    const opml = join(home, 'exported.opml');
    writeFileSync(opml, exported.stdout);

    const removed = await cli(['feeds', 'remove', 'Gazette']);
    expect(removed.stdout).toBe(`Unsubscribed from Gazette (${server.base}/rss2.xml); its 2 stored items were removed.\n`);
    expect((await cli(['feeds', 'remove', `${server.base}/server-error`])).status).toBe(0);
    const unknown = await cli(['feeds', 'remove', 'Nobody']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no subscription with the address or name "Nobody"');
    expect(JSON.parse((await cli(['list', '--json'])).stdout).some((entry: { source: string }) => entry.source === 'Gazette')).toBe(false);

    const imported = await cli(['feeds', 'import', opml]);
    expect(imported.stdout).toBe(`Imported 2 feeds from ${opml}. Run \`newsdesk refresh\` to fetch them.\n`);
    const again = await cli(['feeds', 'import', opml]);
    expect(again.stdout).toBe(`Imported 0 feeds from ${opml} (2 already subscribed).\n`);
  });

  it('imports an OPML file with folders, skipping addresses that are not http(s)', async () => {
    const opml = join(home, 'fixture.opml');
    writeFileSync(opml, readFileSync(join(fixturesDir, 'subscriptions.opml'), 'utf8').replaceAll('{{BASE}}', server.base));
    const imported = await cli(['feeds', 'import', opml]);
    expect(imported.stdout).toBe(`Imported 3 feeds from ${opml}. Run \`newsdesk refresh\` to fetch them.\n`);
    expect(imported.stderr).toContain(`newsdesk: ${opml}: "file:///etc/passwd" is not an http or https address; skipped\n`);
    const bomb = await cli(['feeds', 'import', join(fixturesDir, 'entity-bomb.xml')]);
    expect(bomb.status).toBe(2);
    expect(bomb.stderr).toContain('declares XML entities');
    expect((await cli(['feeds', 'import', join(home, 'nope.opml')])).stderr).toBe(`newsdesk: ${join(home, 'nope.opml')}: no such file.\n`);
  });

  it('refreshes them all, then works offline: the stored items stay readable', async () => {
    const refresh = await cli(['refresh']);
    expect(refresh.status).toBe(1); // the server-error feed re-imported from the export
    expect(refresh.stdout).toContain('Gazette: 2 new items');
    expect(refresh.stdout).toContain('Valley Courier: 1 new item');
    const ids = (JSON.parse((await cli(['list', '--json'])).stdout) as { id: string; title: string }[]).filter((entry) => entry.title.startsWith('Talks on'));
    expect(ids).toHaveLength(1);

    await server.close();
    const offline = await cli(['refresh', '--timeout', '2']);
    expect(offline.status).toBe(1);
    expect(offline.stdout).toContain('Gazette: failed: connection refused (stored items kept)');
    const list = await cli(['list']);
    expect(list.stdout).toContain('Talks on a harbour ceasefire resume in Orlen');
    const read = await cli(['read', ids[0].id]);
    expect(read.stdout).toContain('We are closer than we have ever been');
    expect((await cli(['summary', ids[0].id])).status).toBe(0);
    expect((await cli(['compare'])).stdout).toContain('Kovar');
    const feeds = await cli(['feeds']);
    expect(feeds.stdout).toContain('last error: connection refused');
    expect(readdirSync(join(home, 'data', 'newsdesk', 'feeds')).length).toBeGreaterThanOrEqual(4);
  });
});
