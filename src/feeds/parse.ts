import { decodeHTML } from 'entities';
import { DetectError, parseFeed } from 'feedsmith';
import type { FeedEntry, ParsedFeed } from './types.js';

/** A document that is not a feed, or a feed that can't be read; the message is for a person. */
export class FeedParseError extends Error {}

// Feeds never need their own entities, and a DOCTYPE that declares some is how entity bombs
// ("billion laughs") and external entities arrive: such a document is refused before parsing.
const ENTITY_DECLARATION = /<!DOCTYPE[^>[]*\[[\s\S]*?<!ENTITY/i;

/** Most entries kept from one feed: a feed of 100,000 entries is someone's mistake, not news. */
export const MAX_ENTRIES = 500;

type Loose = Record<string, unknown>;

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'value' in value) return text((value as Loose).value);
  return null;
}

function first(...values: unknown[]): string | null {
  for (const value of values) {
    const found = Array.isArray(value) ? first(...value) : text(value);
    if (found) return found;
  }
  return null;
}

function list(value: unknown): Loose[] {
  return Array.isArray(value) ? value.filter((item): item is Loose => Boolean(item) && typeof item === 'object') : [];
}

function object(value: unknown): Loose {
  return value && typeof value === 'object' ? (value as Loose) : {};
}

/** Titles come as text, as HTML, or as text with entities; shown as one plain line either way. */
export function plainTitle(value: string | null): string | null {
  if (!value) return null;
  const withoutTags = /<[a-z/!]/i.test(value) ? value.replace(/<[^>]*>/g, '') : value;
  return decodeHTML(withoutTags).replace(/\s+/g, ' ').trim() || null;
}

/** A date as ISO 8601, from RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) or a bare day; null otherwise. */
function isoDate(value: string | null): string | null {
  if (!value) return null;
  const parsed = new Date(value.trim());
  if (Number.isNaN(parsed.getTime())) return null;
  const year = parsed.getUTCFullYear();
  return year < 1900 || year > 9999 ? null : parsed.toISOString();
}

function names(people: unknown): string | null {
  const found = list(people)
    .map((person) => text(person.name))
    .filter((name): name is string => Boolean(name));
  return found.length ? found.join(', ') : null;
}

function atomLink(links: unknown): string | null {
  const all = list(links);
  const alternate = all.find((link) => !link.rel || link.rel === 'alternate') ?? all[0];
  return alternate ? text(alternate.href) : null;
}

function rssEntry(item: Loose): FeedEntry {
  const guid = text(object(item.guid).value ?? item.guid);
  const dc = object(item.dc);
  const link = text(item.link);
  return {
    key: guid ?? link ?? '',
    title: plainTitle(first(item.title, dc.titles, dc.title)),
    link,
    date: isoDate(first(item.pubDate, dc.dates, dc.date)),
    author: first(dc.creators, dc.creator) ?? names(item.authors),
    contentHtml: text(object(item.content).encoded),
    summaryHtml: text(item.description),
    contentText: null,
  };
}

function atomEntry(entry: Loose): FeedEntry {
  const link = atomLink(entry.links);
  const content = object(entry.content);
  const isText = !content.type || content.type === 'text';
  return {
    key: text(entry.id) ?? link ?? '',
    title: plainTitle(text(entry.title)),
    link,
    date: isoDate(first(entry.published, entry.updated)),
    author: names(entry.authors),
    contentHtml: isText ? null : text(content.value),
    summaryHtml: text(entry.summary),
    contentText: isText ? text(content.value) : null,
  };
}

function jsonEntry(item: Loose): FeedEntry {
  const link = text(item.url) ?? text(item.external_url);
  return {
    key: text(item.id) ?? link ?? '',
    title: plainTitle(text(item.title)),
    link,
    date: isoDate(first(item.date_published, item.date_modified)),
    author: names(item.authors) ?? text(object(item.author).name),
    contentHtml: text(item.content_html),
    summaryHtml: text(item.summary),
    contentText: text(item.content_text),
  };
}

/**
 * Reads RSS 0.9x/1.0 (RDF)/2.0, Atom 1.0 or JSON Feed 1.x into one shape. Entries without any id or
 * link, or repeating one already seen, are dropped: they could not be told apart on the next refresh.
 */
export function parseFeedDocument(document: string): ParsedFeed {
  if (ENTITY_DECLARATION.test(document.slice(0, 64 * 1024))) {
    throw new FeedParseError('the document declares XML entities (a possible entity bomb); refused');
  }
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(document.trimStart().startsWith('{') ? (JSON.parse(document) as unknown) : document);
  } catch (error) {
    if (error instanceof SyntaxError) throw new FeedParseError(`not valid JSON (${error.message})`);
    if (error instanceof DetectError) throw new FeedParseError('not an RSS, Atom or JSON feed');
    throw new FeedParseError(`not a readable feed (${error instanceof Error ? error.message : String(error)})`);
  }
  const feed = parsed.feed as unknown as Loose;
  let entries: FeedEntry[];
  let title: string | null;
  let link: string | null;
  switch (parsed.format) {
    case 'rss':
    case 'rdf':
      entries = list(feed.items).map(rssEntry);
      title = text(feed.title);
      link = text(feed.link);
      break;
    case 'atom':
      entries = list(feed.entries).map(atomEntry);
      title = text(feed.title);
      link = atomLink(feed.links);
      break;
    case 'json':
      entries = list(feed.items).map(jsonEntry);
      title = text(feed.title);
      link = text(feed.home_page_url);
      break;
  }
  const seen = new Set<string>();
  const unique = entries.filter((entry) => {
    if (!entry.key || seen.has(entry.key)) return false;
    seen.add(entry.key);
    return true;
  });
  return { format: parsed.format, title: plainTitle(title), link, entries: unique.slice(0, MAX_ENTRIES) };
}
