// A local feed server for the refresh bench: /feed/<n>.xml is an RSS 2.0 feed of `items` entries, each
// carrying its full text (content:encoded of about 250 words), so refresh fetches no pages. Every feed
// has an ETag and answers a matching If-None-Match with 304. Deterministic: the same feeds every run.
import { createServer } from 'node:http';

const WORDS = 'the council said on monday that the harbour talks would resume after the ceasefire held for a week while ships waited outside'.split(' ');

function paragraph(seed) {
  return Array.from({ length: 50 }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ');
}

function feed(base, n, items) {
  const entries = Array.from({ length: items }, (_, i) => {
    const body = Array.from({ length: 5 }, (_, p) => `<p>${paragraph(n * 31 + i * 5 + p)}.</p>`).join('');
    return `<item><title>Feed ${n} item ${i}: harbour report</title><link>${base}/page/${n}/${i}</link><guid>feed-${n}-${i}</guid><pubDate>${new Date(Date.UTC(2026, 10, 1 + (i % 28), 9)).toUTCString()}</pubDate><content:encoded><![CDATA[${body}]]></content:encoded></item>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench feed ${n}</title><link>${base}/</link>${entries}</channel></rss>`;
}

export async function startFeedServer({ feeds, items }) {
  let base = '';
  const bodies = new Map();
  const server = createServer((request, response) => {
    const match = /^\/feed\/(\d+)\.xml$/.exec(request.url ?? '');
    if (!match || Number(match[1]) >= feeds) {
      response.writeHead(404);
      return response.end();
    }
    const etag = `"bench-${match[1]}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      return response.end();
    }
    if (!bodies.has(match[1])) bodies.set(match[1], feed(base, Number(match[1]), items));
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    response.end(bodies.get(match[1]));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  return { urls: Array.from({ length: feeds }, (_, n) => `${base}/feed/${n}.xml`), close: () => new Promise((resolve) => server.close(resolve)) };
}
