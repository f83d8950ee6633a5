#!/usr/bin/env node
// Fails when a module in src/ imports itself through other modules: an import cycle makes a module
// run before the one it needs has finished loading, and tangles concerns the layout keeps apart.
// Type-only imports count too: a cycle of types is the same tangle, only caught later.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, process.argv[2] ?? 'src');

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.(ts|tsx|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

// Static imports and re-exports (`import … from`, `export … from`, `import '…'`) and `import('…')`.
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|mjs|jsx)$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mjs`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Comments removed, so an import in a comment or a doc example is not counted. */
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const graph = new Map();
for (const file of files(source)) {
  const edges = new Set();
  for (const match of code(readFileSync(file, 'utf8')).matchAll(SPECIFIER)) {
    const target = resolveImport(file, match[1] ?? match[2] ?? match[3]);
    if (target) edges.add(target);
  }
  graph.set(file, [...edges]);
}

// Tarjan's strongly connected components: every component of more than one module (or a module that
// imports itself) is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function connect(node) {
  index.set(node, counter);
  low.set(node, counter);
  counter += 1;
  stack.push(node);
  onStack.add(node);
  for (const next of graph.get(node) ?? []) {
    if (!graph.has(next)) continue;
    if (!index.has(next)) {
      connect(next);
      low.set(node, Math.min(low.get(node), low.get(next)));
    } else if (onStack.has(next)) {
      low.set(node, Math.min(low.get(node), index.get(next)));
    }
  }
  if (low.get(node) === index.get(node)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component);
  }
}
for (const node of graph.keys()) if (!index.has(node)) connect(node);

/** One path around a component, for the message: a → b → … → a. */
function loopThrough(component) {
  const members = new Set(component);
  const start = component.slice().sort()[0];
  const path = [start];
  const seen = new Set([start]);
  let at = start;
  for (;;) {
    const next = (graph.get(at) ?? []).filter((n) => members.has(n)).sort();
    if (next.includes(start) && path.length > 1) break;
    const step = next.find((n) => !seen.has(n)) ?? start;
    if (step === start) break;
    path.push(step);
    seen.add(step);
    at = step;
  }
  return [...path, start].map((file) => relative(root, file)).join(' → ');
}

if (cycles.length > 0) {
  console.error(`Import cycles in ${relative(root, source)}/ (${cycles.length}):`);
  for (const component of cycles) console.error(`  ${loopThrough(component)}`);
  process.exit(1);
}
console.log(`No import cycle among ${graph.size} modules in ${relative(root, source)}/.`);
