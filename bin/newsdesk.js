#!/usr/bin/env node
// Where Node has a compile cache (22.1 and later), V8's compiled code for this build is kept under
// $XDG_CACHE_HOME/newsdesk/compile-cache and the next start reuses it instead of compiling again.
// Node keys each entry by its own version and the file's contents (a new build or Node is a miss),
// ignores an entry that does not match, and never throws: a folder it cannot write only costs the
// saving. NEWSDESK_NO_CACHE=1 turns it off with newsdesk's other caches. Node 20 has no such API
// (a vm.Script cache would need a CommonJS build of the start path): there, nothing is cached.
import module from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

if (typeof module.enableCompileCache === 'function' && process.env.NEWSDESK_NO_CACHE !== '1') {
  const base = process.env.XDG_CACHE_HOME;
  try {
    module.enableCompileCache(join(base && isAbsolute(base) ? base : join(homedir(), '.cache'), 'newsdesk', 'compile-cache'));
  } catch {
    // Not enabled: the program compiles as usual.
  }
}
await import('../dist/cli.js');
