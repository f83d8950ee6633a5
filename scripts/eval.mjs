// `npm run eval`: measures the analysis on the gold sets in test/fixtures/gold/ through the
// built CLI's JSON output and prints a table of figures beside their floors, then the misses.
//
// Each part of the evaluation is one file scripts/eval/<part>.mjs exporting
// `async function evaluate(ctx)` -> { rows: [{ set, measure, value, floor, better? }], misses: string[] }.
// A row's floor is the figure the suite holds (test/fixtures/gold/floors.json, keyed "<set>/<measure>");
// a part may leave it out and it is filled in here. A row with better: 'lower' (a count of errors)
// holds its floor as a ceiling.
//
// Options: --json (print {rows, misses} as JSON), --part <name> (one part), --set <name> (one set),
// --extras (parts list output they could not match to gold). Exits 1 when a figure is past its floor.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const goldDir = join(root, 'test', 'fixtures', 'gold');
const bin = join(root, 'bin', 'newsdesk.js');

function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The gold sets: seeds = the bundled articles, dev = test/fixtures/gold/dev/articles. */
function loadSets() {
  const seeds = readJson(join(goldDir, 'seeds.json'));
  const dev = readJson(join(goldDir, 'dev', 'gold.json'));
  return {
    gold: { seeds, dev },
    sets: [
      { name: 'seeds', dir: join(root, 'articles'), gold: seeds },
      { name: 'dev', dir: join(goldDir, 'dev', 'articles'), gold: dev },
    ],
  };
}

/** Runs the built CLI once per distinct argument list (parts share the answers), caching nothing on disk. */
function cliRunner(home) {
  const answers = new Map();
  return async function cli(args) {
    const key = JSON.stringify(args);
    if (answers.has(key)) return answers.get(key);
    const env = { ...process.env, NEWSDESK_NO_CACHE: '1', XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state') };
    delete env.FORCE_COLOR;
    env.NO_COLOR = '1';
    const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8', input: '', maxBuffer: 256 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`newsdesk ${args.join(' ')} exited with ${run.status}: ${run.stderr.trim()}`);
    let parsed;
    try {
      parsed = JSON.parse(run.stdout);
    } catch (error) {
      throw new Error(`newsdesk ${args.join(' ')} printed no JSON: ${error.message}`, { cause: error });
    }
    answers.set(key, parsed);
    return parsed;
  };
}

function passes(row) {
  if (row.floor === null || row.floor === undefined) return true;
  return row.better === 'lower' ? row.value <= row.floor : row.value >= row.floor;
}

/** Runs every part (or the one asked for) and returns all rows and misses. */
export async function runEvaluation({ part, set, extras = false } = {}) {
  if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm run eval does)');
  const floors = existsSync(join(goldDir, 'floors.json')) ? readJson(join(goldDir, 'floors.json')) : {};
  const { gold, sets } = loadSets();
  const home = mkdtempSync(join(tmpdir(), 'newsdesk-eval-'));
  const ctx = {
    cli: cliRunner(home),
    gold,
    sets: set ? sets.filter((s) => s.name === set) : sets,
    floors,
    floor: (setName, measure) => floors[`${setName}/${measure}`] ?? null,
    extras,
  };
  const partsDir = join(root, 'scripts', 'eval');
  const names = readdirSync(partsDir).filter((f) => f.endsWith('.mjs')).sort();
  const rows = [];
  const misses = [];
  try {
    for (const file of names) {
      const name = file.replace(/\.mjs$/, '');
      if (part && name !== part) continue;
      const { evaluate } = await import(pathToFileURL(join(partsDir, file)).href);
      const result = await evaluate(ctx);
      for (const row of result.rows) {
        rows.push({ part: name, ...row, floor: row.floor === undefined ? ctx.floor(row.set, row.measure) : row.floor });
      }
      misses.push(...result.misses.map((m) => `${name}: ${m}`));
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return { rows, misses };
}

function format(value) {
  if (typeof value !== 'number') return String(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

function printTable(rows) {
  const header = ['set', 'measure', 'value', 'floor', 'ok'];
  const lines = rows.map((r) => [r.set, r.measure, format(r.value), r.floor === null ? '-' : `${r.better === 'lower' ? '<=' : '>='} ${format(r.floor)}`, passes(r) ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const show = (cells) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(show(header));
  for (const l of lines) console.log(show(l));
}

async function main() {
  const { rows, misses } = await runEvaluation({ part: option('--part'), set: option('--set'), extras: process.argv.includes('--extras') });
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ rows: rows.map((r) => ({ ...r, ok: passes(r) })), misses }, null, 2));
  } else {
    printTable(rows);
    console.log(`\nmisses (${misses.length}):`);
    for (const m of misses) console.log(`  ${m}`);
  }
  if (rows.some((r) => !passes(r))) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`eval: ${error.message}`);
    process.exitCode = 2;
  });
}
