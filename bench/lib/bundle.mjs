// Builds a bench probe with the options scripts/build.mjs uses for the app, so a reference program
// pays exactly what the app pays for bundling (minified, production React, no devtools).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_TARGET } from '../../scripts/node-target.mjs';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function bundleProbe(entry, outfile, extra = {}) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    ...NODE_TARGET,
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { 'react-devtools-core': join(repoRoot, 'scripts', 'devtools-stub.mjs') },
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
    },
    logLevel: 'silent',
    ...extra,
  });
}
