// Reference for the library: read every article file's bytes once, nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let bytes = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.md')) bytes += readFileSync(path).length;
  }
}
for (const dir of process.argv.slice(2)) walk(dir);
process.stdout.write(`${bytes}\n`);
