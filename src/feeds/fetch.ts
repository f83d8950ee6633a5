/**
 * Fetching over HTTP with Node's own fetch, for addresses nobody here controls: every response is
 * bounded in time (to the headers and in total), in size (counted while it streams, after
 * decompression, so a small gzip of 50 MB is stopped too) and in redirects (followed here, one by one,
 * so each hop's address is checked and a loop is named).
 */

export interface FetchOptions {
  /** Until the response's headers arrive: a host that accepts the connection and says nothing fails here. */
  connectTimeoutMs?: number;
  /** For the whole exchange, body included: a server that drips bytes fails here. */
  totalTimeoutMs?: number;
  /** The most bytes of body read, after decompression. */
  maxBytes?: number;
  maxRedirects?: number;
  accept?: string;
  /** Validators from the last fetch: a 304 answer then costs no body. */
  etag?: string | null;
  lastModified?: string | null;
  /** Cancels the fetch from outside (a reader quitting mid-refresh). */
  signal?: AbortSignal;
}

export type FetchResult =
  | { kind: 'not-modified'; url: string }
  | {
      kind: 'ok';
      /** The address the body came from, after redirects: relative links resolve against it. */
      url: string;
      contentType: string;
      etag: string | null;
      lastModified: string | null;
      bytes: Uint8Array;
    };

/** A fetch that failed; the message names what went wrong in words a person reading a feed list follows. */
export class FetchError extends Error {}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'newsdesk (terminal news reader)';

/** Only these are ever fetched or offered as links: no file:, data:, javascript: or anything else. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Words for the errors Node's fetch throws: its TypeError "fetch failed" hides the reason in `cause`. */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found (no network, or no such host)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed by the server';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
      return 'network unreachable';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `its TLS certificate is not valid (${code})`;
    default:
      return cause?.message ?? (error instanceof Error ? error.message : String(error));
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Reads a body to its end, or fails once it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  // The declared length only describes the encoded body, but past the cap even that is too much.
  if (Number.isFinite(declared) && declared > maxBytes && !response.headers.get('content-encoding')) {
    await response.body?.cancel();
    throw new FetchError(`the response is ${formatBytes(declared)}, more than the ${formatBytes(maxBytes)} allowed; not read`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchError(`the response is more than the ${formatBytes(maxBytes)} allowed; stopped reading`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Fetches one address. Throws FetchError with a message for a person; never hangs past the total
 * timeout, never reads past maxBytes, never follows a redirect to anything but http(s).
 */
export async function fetchResource(address: string, options: FetchOptions = {}): Promise<FetchResult> {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const totalTimeoutMs = options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  if (!isWebUrl(address)) throw new FetchError('not an http or https address');

  const total = AbortSignal.timeout(totalTimeoutMs);
  const signals = options.signal ? [total, options.signal] : [total];
  const visited: string[] = [];
  let url = address;
  try {
    for (;;) {
      visited.push(url);
      const headers: Record<string, string> = {
        'user-agent': USER_AGENT,
        accept: options.accept ?? '*/*',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      const connect = new AbortController();
      const connectTimer = setTimeout(() => connect.abort(), connectTimeoutMs);
      let response: Response;
      try {
        response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.any([...signals, connect.signal]) });
      } catch (error) {
        if (connect.signal.aborted && !total.aborted) throw new FetchError(`no answer within ${formatSeconds(connectTimeoutMs)}`);
        throw error;
      } finally {
        clearTimeout(connectTimer);
      }
      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw new FetchError(`HTTP ${response.status} redirect without a Location`);
        let next: string;
        try {
          next = new URL(location, url).href;
        } catch {
          throw new FetchError(`HTTP ${response.status} redirect to an address that is not one`);
        }
        if (!isWebUrl(next)) throw new FetchError(`redirected to a ${new URL(next).protocol} address, which is never followed`);
        if (visited.includes(next)) throw new FetchError(`redirect loop (${visited.length} hops back to an address already visited)`);
        if (visited.length > maxRedirects) throw new FetchError(`more than ${maxRedirects} redirects`);
        url = next;
        continue;
      }
      if (response.status === 304 && (options.etag || options.lastModified)) {
        await response.body?.cancel();
        return { kind: 'not-modified', url };
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const bytes = await readCapped(response, maxBytes);
      return {
        kind: 'ok',
        url,
        contentType: response.headers.get('content-type') ?? '',
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
        bytes,
      };
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (total.aborted) throw new FetchError(`did not finish within ${formatSeconds(totalTimeoutMs)}`);
    if (options.signal?.aborted) throw new FetchError('cancelled');
    throw new FetchError(describeNetworkError(error));
  }
}
