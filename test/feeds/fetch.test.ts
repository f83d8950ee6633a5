import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/feeds/decode.js';
import { FetchError, fetchResource } from '../../src/feeds/fetch.js';
import { startFeedServer, type FeedServer } from './server.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => server.close());

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FetchError);
  return (error as Error).message;
}

describe('fetchResource', () => {
  it('fetches a body and its validators', async () => {
    const result = await fetchResource(`${server.base}/conditional.xml`);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(new TextDecoder().decode(result.bytes)).toContain('Valley Courier');
    expect(result.etag).toBe('"v1-conditional"');
    expect(result.lastModified).toBe('Mon, 30 Nov 2026 09:00:00 GMT');
  });

  it('answers "not modified" to a conditional GET that the server answers with 304', async () => {
    const byEtag = await fetchResource(`${server.base}/conditional.xml`, { etag: '"v1-conditional"' });
    expect(byEtag.kind).toBe('not-modified');
    const byDate = await fetchResource(`${server.base}/conditional.xml`, { lastModified: 'Mon, 30 Nov 2026 09:00:00 GMT' });
    expect(byDate.kind).toBe('not-modified');
  });

  it('decompresses gzip', async () => {
    const result = await fetchResource(`${server.base}/gzip/rss2.xml`);
    expect(result.kind === 'ok' && new TextDecoder().decode(result.bytes)).toContain('Harbour Gazette');
  });

  it('follows up to five redirects and reports where the body came from', async () => {
    const result = await fetchResource(`${server.base}/redirect/5`);
    expect(result.kind === 'ok' && result.url).toBe(`${server.base}/rss2.xml`);
  });

  it('refuses a sixth redirect, a loop and a redirect to file:', async () => {
    expect(await failure(fetchResource(`${server.base}/redirect/6`))).toBe('more than 5 redirects');
    expect(await failure(fetchResource(`${server.base}/loop/a`))).toMatch(/^redirect loop/);
    expect(await failure(fetchResource(`${server.base}/to-file`))).toMatch(/file: address, which is never followed/);
  });

  it('names HTTP errors', async () => {
    expect(await failure(fetchResource(`${server.base}/not-found`))).toBe('HTTP 404 Not Found');
    expect(await failure(fetchResource(`${server.base}/server-error`))).toBe('HTTP 500 Internal Server Error');
  });

  it('stops a server dripping bytes at the total timeout, and a silent one at the connect timeout', async () => {
    expect(await failure(fetchResource(`${server.base}/drip`, { totalTimeoutMs: 600 }))).toBe('did not finish within 0.6 s');
    expect(await failure(fetchResource(`${server.base}/silent`, { connectTimeoutMs: 300 }))).toBe('no answer within 0.3 s');
  });

  it('stops reading a body past the size cap', async () => {
    const message = await failure(fetchResource(`${server.base}/huge.xml`, { maxBytes: 1024 * 1024 }));
    expect(message).toBe('the response is more than the 1 MB allowed; stopped reading');
  });

  it('never fetches anything but http and https', async () => {
    for (const address of ['file:///etc/passwd', 'data:text/plain,hi', 'javascript:alert(1)', 'ftp://example.org/']) {
      expect(await failure(fetchResource(address))).toBe('not an http or https address');
    }
  });

  it('says when nothing listens', async () => {
    const closed = await startFeedServer();
    const base = closed.base;
    await closed.close();
    expect(await failure(fetchResource(`${base}/rss2.xml`))).toBe('connection refused');
  });
});

describe('decodeDocument', () => {
  const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>Café</t>', 'latin1');
  it('uses the encoding the XML declaration names', () => {
    expect(decodeDocument(latin1, 'application/xml')).toContain('Café');
  });
  it('lets the HTTP charset win over the document, and a BOM over both', () => {
    expect(decodeDocument(Buffer.from('<t>Café</t>', 'latin1'), 'text/xml; charset=iso-8859-1')).toBe('<t>Café</t>');
    expect(decodeDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<t>é</t>')]), 'text/xml; charset=iso-8859-1')).toBe('<t>é</t>');
  });
  it('reads an HTML meta charset, and falls back to UTF-8 for a label nobody knows', () => {
    expect(decodeDocument(Buffer.from('<meta charset="windows-1252"><p>\x93q\x94</p>', 'latin1'), 'text/html')).toContain('“q”');
    expect(decodeDocument(Buffer.from('<?xml version="1.0" encoding="x-unknown"?><t>é</t>'), '')).toContain('é');
  });
});
