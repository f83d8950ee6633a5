import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../feeds/server.js';
import { KEYS, ensureBuilt, openTerminal, type TestTerminal } from './helpers/terminal.js';

/**
 * `r` in the reader refreshes the feeds in the background: progress shows, keys keep working while a
 * feed is still being fetched, and the new items appear in the list when it is done. The slow feed is
 * held open by the test until it has scrolled, so "while it runs" is certain, not a matter of timing.
 */

let server: FeedServer;
let home: string;
let term: TestTerminal | undefined;
const held: ServerResponse[] = [];

beforeAll(async () => {
  ensureBuilt();
  server = await startFeedServer();
  // Headers at once (so only the 30 s total timeout could end it), the body when the test says.
  server.routes.set('/slow.xml', (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.flushHeaders();
    held.push(response);
  });
  home = mkdtempSync(join(tmpdir(), 'newsdesk-feeds-e2e-'));
  mkdirSync(join(home, 'config', 'newsdesk'), { recursive: true });
  writeFileSync(join(home, 'config', 'newsdesk', 'feeds.txt'), `${server.base}/atom.xml Ledger\n${server.base}/slow.xml Slow Wire\n`);
});
afterAll(async () => {
  term?.dispose();
  for (const response of held) response.destroy();
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

function release(): void {
  for (const response of held.splice(0)) {
    response.end(`<rss version="2.0"><channel><title>Slow Wire</title><item><title>Fresh from the slow wire</title><guid>slow-1</guid><description>It came late.</description><pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item></channel></rss>`);
  }
}

describe('refreshing feeds from the reader', () => {
  it('shows progress, keeps scrolling while a feed is fetched, then shows the new items', async () => {
    term = openTerminal({
      cols: 100,
      rows: 20,
      stateHome: join(home, 'state'),
      env: { XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data') },
    });
    await term.waitForText('newsdesk ·');
    expect(term.screen()).not.toContain('Council & unions agree on pay');
    term.press('r');
    await term.waitForText(/Refreshing feeds/);
    // The fast feed is done, the slow one is held: the reader is mid-refresh and still answers keys.
    // Polled: the request reaching the server changes nothing on the screen for waitFor to see.
    for (const started = Date.now(); held.length === 0; ) {
      if (Date.now() - started > 20_000) throw new Error('the slow feed was never requested');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const before = term.inverseText().join('');
    term.press('j');
    await term.waitFor(() => term!.inverseText().join('') !== before);
    release();
    await term.waitForText('Fresh from the slow wire', 20_000);
    const screen = await term.waitForText('Council & unions agree on pay');
    expect(screen).toContain('Slow Wire');
    expect(screen).toContain('Ledger');
    term.press(KEYS.ctrlC);
    await term.waitForExit();
    expect(term.leftAlternateScreen()).toBe(true);
  }, 90_000);
});
