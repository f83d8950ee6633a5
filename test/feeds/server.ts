import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * A real HTTP server on 127.0.0.1 at a free port, serving the feed fixtures and every way a feed
 * server misbehaves. `{{BASE}}` in a fixture becomes the server's address. Each request is counted
 * by path, so a test can tell a 304 from a full fetch and a page fetched from one that was not.
 */

export const fixturesDir = join(import.meta.dirname, '..', 'fixtures', 'feeds');

export interface FeedServer {
  base: string;
  /** Requests seen per path (query included). */
  hits: Map<string, number>;
  /** Extra routes a test adds: path -> handler. */
  routes: Map<string, (request: IncomingMessage, response: ServerResponse) => void>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.xml': 'application/rss+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

function fixture(name: string, base: string): string {
  return readFileSync(join(fixturesDir, name), 'utf8').replaceAll('{{BASE}}', base);
}

const ETAG = '"v1-conditional"';
const LAST_MODIFIED = 'Mon, 30 Nov 2026 09:00:00 GMT';

/** An RSS feed with escape sequences, bidi overrides and hostile links in its titles and links. */
function hostileFeed(base: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Evil\x1b]0;owned\x07 Feed</title><link>${base}/</link>
<item><title>Red \x1b[31malert\x1b[0m and \u202egnp.exe\u202c title&#27;[2J</title><guid>evil-1</guid><link>javascript:alert(1)</link>
<description><![CDATA[<p>Body with \x1b[2J clear and <a href="javascript:alert(2)">a script link</a>, <a href="data:text/html,x">data</a>, <a href="file:///etc/passwd">file</a> and <a href="${base}/ok">a fine one</a>.</p>]]></description></item>
<item><title>Second \u2066isolate\u2069 item</title><guid>evil-2</guid><link>${base}/evil/\u202e2</link><description>Plain.</description></item>
</channel></rss>`;
}

function latin1Feed(base: string): Buffer {
  const text = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Le Café du Port</title><link>${base}/</link>
<item><title>Été à Orlen : la fête du quai</title><guid>cafe-1</guid><link>${base}/cafe/1</link><description>Crème brûlée et décès évités.</description><pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
  return Buffer.from(text, 'latin1');
}

export async function startFeedServer(): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const routes: FeedServer['routes'] = new Map();
  const sockets = new Set<import('node:net').Socket>();
  let base = '';
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const extra = routes.get(path);
    if (extra) return extra(request, response);
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(body);
    };
    const redirect = (location: string, status = 302) => {
      response.writeHead(status, { location });
      response.end();
    };
    const chain = /^\/redirect\/(\d+)$/.exec(path);
    if (chain) return Number(chain[1]) > 1 ? redirect(`/redirect/${Number(chain[1]) - 1}`, 301) : redirect('/rss2.xml', 307);
    switch (path) {
      case '/gzip/rss2.xml':
        return send(200, TYPES['.xml'], gzipSync(fixture('rss2.xml', base)), { 'content-encoding': 'gzip' });
      case '/conditional.xml':
        if (request.headers['if-none-match'] === ETAG || request.headers['if-modified-since'] === LAST_MODIFIED) {
          response.writeHead(304, { etag: ETAG });
          return response.end();
        }
        return send(200, TYPES['.xml'], fixture('rdf.xml', base), { etag: ETAG, 'last-modified': LAST_MODIFIED });
      case '/loop/a':
        return redirect('/loop/b');
      case '/loop/b':
        return redirect('/loop/a');
      case '/to-file':
        return redirect('file:///etc/passwd');
      case '/not-found':
        return send(404, 'text/plain', 'no such feed');
      case '/server-error':
        return send(500, 'text/plain', 'oops');
      case '/drip': {
        // Headers at once, then a byte every 100 ms, for ever: only a total timeout ends it.
        response.writeHead(200, { 'content-type': TYPES['.xml'] });
        response.write('<?xml version="1.0"?><rss version="2.0"><channel>');
        const timer = setInterval(() => response.write(' '), 100);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case '/silent':
        // Accepts the connection and never answers: only the connect (headers) timeout ends it.
        return;
      case '/huge.xml': {
        // 50 MB, streamed without a Content-Length, so only counting while reading can stop it.
        response.writeHead(200, { 'content-type': TYPES['.xml'] });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 50 * 1024 * 1024) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.on('close', () => (sent = Infinity));
        return pump();
      }
      case '/hostile.xml':
        return send(200, TYPES['.xml'], hostileFeed(base));
      case '/latin1.xml':
        return send(200, 'application/rss+xml', latin1Feed(base));
      case '/site/':
        return send(200, TYPES['.html'], fixture('pages/site.html', base));
    }
    const name = path.replace(/^\//, '').replace(/\?.*$/, '');
    if (/^[a-z0-9-]+(\/[a-z0-9-]+)?\.(xml|json|opml|html)$/.test(name)) {
      try {
        return send(200, TYPES[name.slice(name.lastIndexOf('.'))], fixture(name, base));
      } catch {
        // fall through to 404
      }
    }
    send(404, 'text/plain', 'not found');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
