import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';
import { tables, strikethrough } from 'turndown-plugin-gfm';
import { sanitizeText } from '../library/sanitize.js';
import { isWebUrl } from './fetch.js';

/**
 * HTML from the web to Markdown the library reads. linkedom builds a DOM and runs no script;
 * Readability finds the article in a page; turndown writes Markdown (GFM tables). Before anything is
 * converted every link and image is made absolute against the page, and any that is not http(s)
 * (javascript:, data:, file:, ...) is dropped, so none is ever offered.
 */

type DomDocument = ReturnType<typeof parseHTML>['document'];
type DomElement = ReturnType<DomDocument['createElement']>;

const DROPPED_ELEMENTS = 'script, style, noscript, template, iframe, object, embed, form, svg, canvas, link, meta';

let turndown: TurndownService | undefined;

function converter(): TurndownService {
  if (turndown) return turndown;
  turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
  turndown.use([tables, strikethrough]);
  // An image without a usable address would be a broken "![]()"; the converter drops those below.
  turndown.remove(['script', 'style', 'noscript']);
  return turndown;
}

/** The GFM table rule reads `table.rows`, which linkedom lacks: the rows whose table is this one. */
function addTableRows(document: DomDocument): void {
  const prototype = Object.getPrototypeOf(document.createElement('table')) as object;
  if ('rows' in prototype) return;
  Object.defineProperty(prototype, 'rows', {
    get(this: DomElement) {
      return [...this.querySelectorAll('tr')].filter((row) => row.closest('table') === this);
    },
  });
}

function documentOf(dirty: string): DomDocument {
  // Cleaned before parsing too, so an escape sequence is not split by the Markdown escaping around it.
  const html = sanitizeText(dirty);
  const full = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(full);
  addTableRows(document);
  return document;
}

/** The address links resolve against: the page's <base href> when it is one, else the page itself. */
function baseOf(document: DomDocument, pageUrl: string): string {
  const base = document.querySelector('base[href]')?.getAttribute('href');
  if (!base) return pageUrl;
  try {
    const resolved = new URL(base, pageUrl).href;
    return isWebUrl(resolved) ? resolved : pageUrl;
  } catch {
    return pageUrl;
  }
}

function absolute(value: string | null, base: string): string | null {
  if (!value) return null;
  try {
    const resolved = new URL(value.trim(), base).href;
    return isWebUrl(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

/** Makes links and images absolute and removes every one that is not http(s). */
function cleanLinks(root: DomElement | DomDocument, base: string): void {
  for (const element of [...root.querySelectorAll(DROPPED_ELEMENTS)]) element.remove();
  for (const link of [...root.querySelectorAll('a')]) {
    const href = absolute(link.getAttribute('href'), base);
    if (href) link.setAttribute('href', href);
    else link.replaceWith(...link.childNodes);
  }
  for (const image of [...root.querySelectorAll('img')]) {
    const src = absolute(image.getAttribute('src'), base);
    if (src) {
      image.setAttribute('src', src);
      image.removeAttribute('srcset');
    } else image.remove();
  }
}

function toMarkdown(root: DomElement): string {
  return converter()
    .turndown(root as unknown as HTMLElement)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An HTML fragment from a feed (its content or summary) as Markdown, links resolved against `baseUrl`. */
export function htmlToMarkdown(html: string, baseUrl: string): string {
  const document = documentOf(html);
  cleanLinks(document, baseOf(document, baseUrl));
  return toMarkdown(document.body as DomElement);
}

export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  markdown: string;
}

/** The article in a web page, or null when Readability finds none. */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle | null {
  const document = documentOf(html);
  const base = baseOf(document, pageUrl);
  cleanLinks(document, base);
  let result: ReturnType<Readability['parse']>;
  try {
    result = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    return null;
  }
  if (!result?.content) return null;
  const markdown = htmlToMarkdown(result.content, base);
  return markdown ? { title: result.title ?? null, byline: result.byline ?? null, markdown } : null;
}

export interface FeedLink {
  url: string;
  type: string;
  title: string | null;
}

const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json', 'application/rdf+xml', 'text/xml', 'application/xml'];

/** The feeds a page announces with <link rel="alternate">, in the page's order, addresses absolute. */
export function discoverFeedLinks(html: string, pageUrl: string): FeedLink[] {
  const document = documentOf(html);
  const base = baseOf(document, pageUrl);
  const found: FeedLink[] = [];
  for (const link of [...document.querySelectorAll('link[rel][href]')]) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0].trim();
    if (!rel.includes('alternate') || !FEED_TYPES.includes(type)) continue;
    const url = absolute(link.getAttribute('href'), base);
    if (url && !found.some((feed) => feed.url === url)) found.push({ url, type, title: link.getAttribute('title') });
  }
  return found;
}
