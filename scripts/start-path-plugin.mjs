// Build-time patches that take work off the reader's start path. Each one rewrites a bundled
// package's source as esbuild loads it, checks that the code it expects is there, and fails the build
// when it is not (a dependency update must be looked at, not silently lose the patch).
//
// - yoga-layout: its Emscripten loader turns the wasm (a base64 data: URL in the same file) into bytes
//   with fetch(), and the first fetch() in Node loads undici: about 23 ms. The patch decodes the
//   base64 with Buffer and hands the bytes to the loader as `wasmBinary`, so fetch is never called.
// - string-width (every ESM copy in the bundle): at load it builds an Intl.Segmenter and Unicode property
//   regexes, about 25 ms, before anything is measured, and the first string measured compiles the
//   \p{RGI_Emoji} regex and loads the segmenter's rules (40-60 ms on the list's first frame, for its
//   • and …). The patch wraps that set-up in a function run on the first string that needs it; text of
//   Latin, Greek and Cyrillic letters, punctuation, currency, arrows and box drawing (the list's
//   frame, most news) is measured by its length without it.
import { readFile } from 'node:fs/promises';

const YOGA_INDEX = /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/;
const YOGA_BINARY = /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
const STRING_WIDTH = /[\\/]string-width[\\/]index\.js$/;
const DATA_URL = /(H=")data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)(")/;

/**
 * The characters string-width's fast path measures by length (one column each, never joined to a
 * neighbour): a regex character class, as source text. See lazyStringWidth.
 */
export const NARROW_CLASS = String.raw`\u0020-\u007E\u00A0-\u00A8\u00AA-\u00AC\u00AF-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u0482\u048A-\u052F\u1E00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FC4\u1FC6-\u1FD3\u1FD6-\u1FDB\u1FDD-\u1FEF\u1FF2-\u1FF4\u1FF6-\u1FFE\u2000-\u200A\u2010-\u2027\u202F-\u203B\u203D-\u2048\u204A-\u205F\u2070-\u2071\u2074-\u208E\u2090-\u209C\u20A0-\u20C1\u2100-\u2121\u2123-\u2138\u213A-\u218B\u2190-\u2193\u219A-\u21A8\u21AB-\u21FF\u2500-\u259F`;

function mustReplace(source, pattern, replacement, what) {
  if (!pattern.test(source)) throw new Error(`start-path patch: ${what} not found; check the patch in scripts/start-path-plugin.mjs`);
  return source.replace(pattern, replacement);
}

/** string-width's module body, its set-up deferred to the first call that needs it. */
export function lazyStringWidth(source) {
  const lines = source.split('\n');
  const imports = [];
  let at = 0;
  for (; at < lines.length; at++) {
    const line = lines[at];
    if (/^import\s/.test(line)) imports.push(line);
    else if (line.trim() !== '') break;
  }
  const body = lines.slice(at).join('\n');
  const exported = /export default function stringWidth\(/;
  if (!exported.test(body) || /^import\s/m.test(body) || /^export\s/m.test(body.replace(exported, ''))) {
    throw new Error('start-path patch: string-width no longer has the shape the patch expects; check scripts/start-path-plugin.mjs');
  }
  return `${imports.join('\n')}
let measure;
function setUp() {
${body.replace(exported, 'function stringWidth(')}
return stringWidth;
}
// Characters one column wide that never join a neighbour into one grapheme, as every copy of
// string-width measures them: printable Latin (ASCII, Latin-1 without the soft hyphen, © and ®, which
// one copy counts as emoji; Latin Extended A/B and Additional, IPA), Greek, Cyrillic, the general
// punctuation (dashes, quotes, bullet, ellipsis; no zero-width or bidi controls), super- and
// subscripts, currency, letterlike symbols, arrows and box drawing, minus every emoji among them.
// A string of only these is as wide as it is long. Generated from, and checked against, the original
// (test/build/start-path.test.ts) for every code point in it; assigned code points only.
const NARROW = /^[${NARROW_CLASS}]*$/;
export default function lazyStringWidth(input, options) {
  if (typeof input === 'string' && (options === undefined || options.ambiguousIsNarrow !== false) && NARROW.test(input)) return input.length;
  return (measure ??= setUp())(input, options);
}
`;
}

export const startPathPlugin = {
  name: 'newsdesk-start-path',
  setup(build) {
    build.onLoad({ filter: YOGA_BINARY }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      // The bytes travel in index.js (below); the data: URL is emptied so they are not bundled twice.
      return { contents: mustReplace(source, DATA_URL, '$1data:application/octet-stream;base64,$3', "yoga's wasm data: URL"), loader: 'js' };
    });
    build.onLoad({ filter: YOGA_INDEX }, async ({ path }) => {
      const [source, binary] = await Promise.all([readFile(path, 'utf8'), readFile(path.replace(/src[\\/]index\.js$/, 'binaries/yoga-wasm-base64-esm.js'), 'utf8')]);
      const base64 = DATA_URL.exec(binary)?.[2];
      if (!base64) throw new Error("start-path patch: yoga's wasm data: URL not found; check scripts/start-path-plugin.mjs");
      const contents = mustReplace(
        source,
        /await loadYoga\(\)/,
        `await loadYoga({ wasmBinary: Buffer.from(${JSON.stringify(base64)}, 'base64') })`,
        'yoga-layout calling loadYoga()',
      );
      return { contents, loader: 'js' };
    });
    build.onLoad({ filter: STRING_WIDTH }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      // The old CommonJS copies (4.x) come only with marked-terminal's tables, never on the start path.
      if (/\bmodule\.exports\b/.test(source)) return undefined;
      return { contents: lazyStringWidth(source), loader: 'js' };
    });
  },
};
