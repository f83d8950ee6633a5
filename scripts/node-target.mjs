// The language level every bundle of the program is built for (scripts/build.mjs, its script form in
// script-chunks.mjs, and the bench's probes, so they pay what the program pays).
//
// esbuild rewrites a regex literal that uses Unicode property escapes (\p{L}) into `new RegExp("…")`
// for a node20 target. Node 20 has had them since Node 10; the rewrite only costs: a literal is one
// object, made once, where `new RegExp` inside a function makes a new one on every call, and the
// analysis calls such functions for every sentence.
export const NODE_TARGET = {
  target: 'node20',
  supported: { 'regexp-unicode-property-escapes': true },
};
