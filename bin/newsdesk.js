#!/usr/bin/env node
// V8's compiled code for this build is kept under $XDG_CACHE_HOME/newsdesk and the next start reuses
// it instead of compiling again. Where Node has a compile cache (22.1 and later), Node keeps it (in
// compile-cache/), keyed by its own version and each file's contents. On Node 20, which keeps none
// for ES modules, the bundle runs from its script form (dist/script/) through dist/code-cache.js
// (src/platform/code-cache.ts), which keeps it in code-cache/, one file per build and Node version.
// Either way an entry that does not match is ignored and nothing throws: a folder that cannot be
// written only costs the saving. NEWSDESK_NO_CACHE=1 turns it off with newsdesk's other caches.
import module from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cached = process.env.NEWSDESK_NO_CACHE !== '1';
const base = process.env.XDG_CACHE_HOME;
const cacheFolder = (name) => join(base && isAbsolute(base) ? base : join(homedir(), '.cache'), 'newsdesk', name);
let ran = false;
if (typeof module.enableCompileCache === 'function') {
  if (cached) {
    try {
      module.enableCompileCache(cacheFolder('compile-cache'));
    } catch {
      // Not enabled: the program compiles as usual.
    }
  }
} else if (cached) {
  const { runFromScripts } = await import('../dist/code-cache.js');
  ran = await runFromScripts(fileURLToPath(new URL('../dist', import.meta.url)), cacheFolder('code-cache'), process.env.NEWSDESK_CODE_CACHE_REPORT);
}
if (!ran) await import('../dist/cli.js');
