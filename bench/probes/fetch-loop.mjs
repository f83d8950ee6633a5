// Reference for refresh: fetch every URL once, one after another, and read its body; nothing else.
/* global fetch */
import { readFileSync } from 'node:fs';

let bytes = 0;
for (const url of readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)) {
  bytes += (await (await fetch(url)).arrayBuffer()).byteLength;
}
process.stdout.write(`${bytes}\n`);
