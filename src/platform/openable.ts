/**
 * Which links newsdesk opens: http and https addresses only, as a URL parser reads them (so a
 * `javascript:` link, a `file:` path or a malformed address never reaches the platform's opener).
 * Pure: the reader asks it before opening, the renderer to say which links will not open.
 */
export function isOpenable(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
