// turndown parses HTML strings with domino; newsdesk only ever hands it DOM nodes built by linkedom
// (src/feeds/html.ts), so domino (about 1 MB) is left out of the bundle.
export function createDocument() {
  throw new Error('newsdesk: turndown was given an HTML string; give it a linkedom node');
}
