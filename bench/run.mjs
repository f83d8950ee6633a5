// `npm run bench`: drives the built newsdesk in a real pty and prints a table of medians, each beside
// a reference measured in the same run, and the ratio against the issue's targets.
//
//   node bench/run.mjs            full run (10,000-article library, 200 presses per key)
//   node bench/run.mjs --quick    tiny corpus, few repetitions: proves the bench works (used by the tests)
//   --out <dir>                   where corpora, probes and results go (default bench/out/<full|quick>)
//   --only start,scroll,library,analysis,feeds,footprint   run some sections
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { bundleProbe, repoRoot } from './lib/bundle.mjs';
import { generateLibrary, generateSingle } from './corpus.mjs';
import { startFeedServer } from './lib/feed-server.mjs';
import { measureKey, startTerminal, terminalEnv } from './lib/terminal.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const quick = argv.includes('--quick') || process.env.NEWSDESK_BENCH_QUICK === '1';
const only = option('--only')?.split(',');
const outDir = resolve(option('--out') ?? join(repoRoot, 'bench', 'out', quick ? 'quick' : 'full'));
const config = quick
  ? { warmups: 0, startReps: 1, libraryCount: 100, libraryReps: 1, filterSessions: 1, presses: 4, scrollBytes: [50_000, 10_000], compareColdReps: 1, compareWarmReps: 1, summaryReps: 3 }
  : { warmups: 1, startReps: 10, libraryCount: 10_000, libraryReps: 5, filterSessions: 2, presses: 200, scrollBytes: [1_000_000, 10_000], compareColdReps: 2, compareWarmReps: 3, summaryReps: 50 };
mkdirSync(outDir, { recursive: true });
// The bench runs a copy of the build: other people rebuilding dist/ during a five-minute run must not
// swap the program (or its lazily imported chunks) under it.
const appDir = join(outDir, 'app');
rmSync(appDir, { recursive: true, force: true });
for (const part of ['bin', 'dist', 'articles', 'package.json', 'README.md']) {
  if (existsSync(join(repoRoot, part))) cpSync(join(repoRoot, part), join(appDir, part), { recursive: true });
}
const bin = join(appDir, 'bin', 'newsdesk.js');

// ---------------------------------------------------------------------------------------------------
// Numbers and the table

const median = (values) => percentile(values, 50);
function percentile(values, p) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  // Nearest rank: p95 of 60 samples is the 57th, a sample that was really seen.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (value) => (value === null || value === undefined ? 'n/a' : value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);
const mb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 1)} MB`);

const rows = [];
/** One line of the table; `limit` is the highest ratio (or value, for absolute targets) that meets it. */
function row({ section, measure, value, reference, refLabel, format = ms, ratioLimit, absoluteLimit, target, note }) {
  const ratio = typeof value === 'number' && typeof reference === 'number' && reference > 0 ? value / reference : null;
  let met = '';
  if (ratioLimit !== undefined && ratio !== null) met = ratio <= ratioLimit ? 'yes' : 'no';
  if (absoluteLimit !== undefined && typeof value === 'number') met = value <= absoluteLimit && met !== 'no' ? 'yes' : 'no';
  if (value === null || value === undefined) met = 'n/a';
  rows.push({
    section,
    measure,
    value: typeof value === 'string' ? value : format(value),
    reference: reference === undefined ? '' : `${typeof reference === 'string' ? reference : format(reference)}${refLabel ? ` (${refLabel})` : ''}`,
    ratio: ratio === null ? '' : `${ratio.toFixed(2)}x`,
    target: target ?? '',
    met,
    note,
  });
  process.stderr.write(`bench: ${section} / ${measure}: ${rows.at(-1).value}${rows.at(-1).reference ? ` vs ${rows.at(-1).reference}` : ''}${note ? ` [${note}]` : ''}\n`);
}
function failedRow(section, measure, error, target) {
  process.stderr.write(`bench: ${section} / ${measure} failed: ${error instanceof Error ? error.stack : error}\n`);
  const reason = String(error instanceof Error ? error.message : error).split('\n')[0].slice(0, 120);
  row({ section, measure, value: null, target, note: reason });
}

function table() {
  const header = ['Section', 'Measure', 'newsdesk', 'Reference (same run)', 'Ratio', 'Target', 'Met'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const value = r.note && r.met === 'n/a' ? `n/a: ${r.note}` : r.value;
    lines.push(`| ${[r.section, r.measure, value, r.reference, r.ratio, r.target, r.met].map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Programs

/** Each run gets its own state and cache folders, so nothing of the user's is read or written. */
function appEnv(cacheHome, extra = {}) {
  return terminalEnv({
    XDG_CACHE_HOME: cacheHome,
    XDG_STATE_HOME: join(outDir, 'state'),
    XDG_CONFIG_HOME: join(outDir, 'config'),
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...extra,
  });
}

/**
 * Runs a program with stdout read through a pipe, or written to the file `stdoutTo` (then `stdout` is
 * empty): for output of tens of MB, a Node parent reading the pipe 64 KB at a time is slower than the
 * program writing it (about 0.4 s more for 87 MB here), so what is timed would be the reader.
 */
function runPiped(args, { env = appEnv(join(outDir, 'cache-misc')), file = process.execPath, timeoutMs = 120_000, stdoutTo } = {}) {
  return new Promise((resolvePromise) => {
    const fd = stdoutTo ? openSync(stdoutTo, 'w') : undefined;
    const started = performance.now();
    const child = spawn(file, args, { cwd: repoRoot, env, stdio: ['ignore', fd ?? 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout?.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      if (fd !== undefined) closeSync(fd);
      resolvePromise({ code, ms, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
  });
}

/** The first titles in newsdesk's own order (`list --json`), to know when the list is on screen. */
async function firstTitles(dirArgs, count = 3) {
  const result = await runPiped([bin, ...dirArgs, 'list', '--json'], { env: appEnv(join(outDir, 'cache-titles')) });
  if (result.code !== 0) throw new Error(`newsdesk list failed: ${result.stderr.split('\n')[0]}`);
  return JSON.parse(result.stdout)
    .slice(0, count)
    .map((entry) => entry.title);
}

/** A screen shows the list once the first rows' titles are there (titles may be cut at the right edge). */
const showsTitles = (titles) => (screen) => titles.every((title) => screen.includes(title.slice(0, 18)));

async function timeAppStart({ dirArgs, titles, cacheHome, cols = 80, rows: height = 24, afterDrawn }) {
  const session = startTerminal({ args: [bin, ...dirArgs], cols, rows: height, env: appEnv(cacheHome), cwd: repoRoot });
  try {
    const drawnAt = await session.waitFor(showsTitles(titles), 60_000);
    const result = { ms: drawnAt - session.startedAt };
    if (afterDrawn) Object.assign(result, await afterDrawn(session));
    result.peakRss = session.peakRss();
    return result;
  } finally {
    await session.close('q');
  }
}

// ---------------------------------------------------------------------------------------------------
// Sections

/**
 * Removes the chunks of dist/ (and of its script form, dist/script/) no file of this build imports:
 * what a build keeps of the previous one for a newsdesk still running from it.
 */
function removeStaleChunks(dist) {
  const keep = new Set();
  const visit = (file) => {
    if (keep.has(file) || !existsSync(file)) return;
    keep.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.\.?\/[^"']+\.js)["']/g)) visit(resolve(dirname(file), match[1]));
  };
  for (const entry of readdirSync(dist)) if (entry.endsWith('.js')) visit(join(dist, entry));
  const manifest = join(dist, 'script', 'manifest.json');
  if (existsSync(manifest)) for (const id of Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).modules)) keep.add(join(dist, 'script', id));
  for (const folder of [join(dist, 'chunks'), join(dist, 'script', 'chunks')]) {
    if (!existsSync(folder)) continue;
    for (const entry of readdirSync(folder)) if (entry.endsWith('.js') && !keep.has(join(folder, entry))) rmSync(join(folder, entry));
  }
}

async function benchStart() {
  const floorPath = join(outDir, 'ink-floor.mjs');
  await bundleProbe(join(repoRoot, 'bench', 'probes', 'ink-floor.mjs'), floorPath);
  const titles = await firstTitles([]);
  const cacheHome = join(outDir, 'cache-start');
  const bare = [];
  const floor = [];
  const app = [];
  // Round-robin, one warm-up each, so drift in the machine's load hits all three alike.
  for (let rep = -config.warmups; rep < config.startReps; rep++) {
    const node = startTerminal({ args: ['-e', ''], env: terminalEnv(), cwd: repoRoot });
    const exit = await node.waitExit(10_000);
    await node.close(null);
    const ink = startTerminal({ args: [floorPath], env: terminalEnv(), cwd: repoRoot });
    const inkAt = await ink.waitFor((screen) => screen.includes('ink floor ready'), 10_000);
    await ink.close('q');
    const started = await timeAppStart({ dirArgs: [], titles, cacheHome });
    if (rep < 0) continue;
    bare.push(exit.at - node.startedAt);
    floor.push(inkAt - ink.startedAt);
    app.push(started.ms);
  }
  const appMedian = median(app);
  row({ section: 'Start', measure: 'to list drawn, 3 articles, 80x24', value: appMedian, reference: median(floor), refLabel: 'minimal Ink app', ratioLimit: 0.8, target: '<= 0.8x minimal Ink app' });
  row({ section: 'Start', measure: 'to list drawn, 3 articles, 80x24', value: appMedian, reference: median(bare), refLabel: "node -e ''", ratioLimit: 3, target: "<= 3x node -e ''" });
  return { start3: appMedian };
}

/**
 * `count` timed presses of `key` in each session, one session after the other for each press, so a
 * slow spell of the machine (they come and go for seconds here, in the pty's delivery both ways, not in
 * the programs: the reader's own work per key is under 0.8 ms at p95) falls on every session alike.
 */
async function measurePresses(sessions, key, count, resetKey) {
  const samples = sessions.map(() => []);
  const misses = sessions.map(() => 0);
  // Each turn adds a sample or a miss, so every session is done within count * 3 turns.
  const wanting = (k) => samples[k].length < count && misses[k] < count * 2;
  while (sessions.some((_, k) => wanting(k))) {
    for (const [k, session] of sessions.entries()) {
      if (!wanting(k)) continue;
      const result = await measureKey(session, key);
      if (result && result.changed) {
        samples[k].push(result.ms);
      } else {
        // At the end of the text nothing moves: go back to the top (not measured) and carry on.
        misses[k]++;
        await measureKey(session, resetKey, { noOutputMs: 300 });
      }
    }
  }
  return samples;
}

async function scrollSamples(sessions) {
  const j = await measurePresses(sessions, 'j', config.presses, 'g');
  const page = await measurePresses(sessions, '\x1b[6~', config.presses, 'g');
  return sessions.map((_, k) => ({ j: j[k], page: page[k] }));
}

/** A session once `ready(session)` has settled it, or closed (with `quitKey`) when that fails. */
async function readySession(session, quitKey, ready) {
  try {
    await ready(session);
    return session;
  } catch (error) {
    await session.close(quitKey);
    throw error;
  }
}

/** newsdesk with one article of `bytes` bytes open, settled, at 120x40. */
async function openArticle(bytes) {
  const { dir, path, title } = generateSingle(join(outDir, `scroll-${bytes}`), { bytes, name: `read-${bytes}` });
  const cacheHome = join(outDir, `cache-scroll-${bytes}`);
  const session = startTerminal({ args: [bin, '--dir', dir], cols: 120, rows: 40, env: appEnv(cacheHome), cwd: repoRoot });
  const app = await readySession(session, 'Q', async () => {
    await session.waitFor(showsTitles([title]), 30_000);
    await session.waitSettle(performance.now(), { quietMs: 150, noOutputMs: 150 });
    const listScreen = session.screenText();
    session.write('\r');
    await session.waitFor((screen) => screen !== listScreen, 30_000);
    await session.waitSettle(performance.now(), { quietMs: 300, noOutputMs: 300, timeoutMs: 30_000 });
  });
  return { app, path };
}

function openLess(path) {
  const session = startTerminal({ file: 'less', args: [path], cols: 120, rows: 40, env: terminalEnv({ LESS: '', LESSOPEN: '', LESSCLOSE: '', LESSHISTFILE: '-' }), cwd: repoRoot });
  return readySession(session, 'q', async () => {
    await session.waitFor((screen) => screen.includes('title:'), 10_000);
    await session.waitSettle(performance.now(), { quietMs: 100, noOutputMs: 100 });
  });
}

async function benchScroll() {
  const results = {};
  // The Ink floor for a redraw: a bare Ink pager scrolling a screen of lines, at the same size.
  const floorPath = join(outDir, 'ink-floor.mjs');
  await bundleProbe(join(repoRoot, 'bench', 'probes', 'ink-floor.mjs'), floorPath);
  const floor = startTerminal({ args: [floorPath, '--pager'], cols: 120, rows: 40, env: terminalEnv(), cwd: repoRoot });
  let floorSamples;
  try {
    await floor.waitFor((screen) => screen.includes('0 The quick brown fox'), 10_000);
    await floor.waitSettle(performance.now(), { quietMs: 100, noOutputMs: 100 });
    [floorSamples] = await scrollSamples([floor]);
  } finally {
    await floor.close('q');
  }
  // Every article in newsdesk and in less, all open at once and pressed in turn (see measurePresses).
  const labels = config.scrollBytes.map((bytes) => (bytes >= 1_000_000 ? `${bytes / 1_000_000} MB` : `${bytes / 1000} KB`));
  const apps = [];
  const lessSessions = [];
  try {
    for (const bytes of config.scrollBytes) {
      const { app, path } = await openArticle(bytes);
      apps.push(app);
      lessSessions.push(await openLess(path));
    }
    const samples = await scrollSamples(config.scrollBytes.flatMap((_, k) => [apps[k], lessSessions[k]]));
    labels.forEach((label, k) => {
      results[label] = { appSamples: samples[2 * k], lessSamples: samples[2 * k + 1] };
    });
  } finally {
    for (const app of apps) await app.close('Q');
    for (const less of lessSessions) await less.close('q');
  }
  for (const label of labels) {
    const { appSamples, lessSamples } = results[label];
    for (const [key, name] of [
      ['j', 'j'],
      ['page', 'PgDn'],
    ]) {
      const n = appSamples[key].length;
      row({ section: 'Scroll', measure: `${name} p50, ${label} article, 120x40 (n=${n})`, value: percentile(appSamples[key], 50), reference: percentile(lessSamples[key], 50), refLabel: 'less', target: 'reference only' });
      row({ section: 'Scroll', measure: `${name} p95, ${label} article, 120x40 (n=${n})`, value: percentile(appSamples[key], 95), reference: percentile(lessSamples[key], 95), refLabel: 'less', ratioLimit: 2, target: '<= 2x less' });
      row({ section: 'Scroll', measure: `${name} p95, ${label} article, 120x40 (n=${n})`, value: percentile(appSamples[key], 95), reference: percentile(floorSamples[key], 95), refLabel: 'bare Ink pager', target: 'reference only' });
    }
  }
  const [large, small] = Object.keys(results);
  if (large && small) {
    for (const [key, name] of [
      ['j', 'j'],
      ['page', 'PgDn'],
    ]) {
      row({ section: 'Scroll', measure: `${name} p95, ${large} vs ${small} article`, value: percentile(results[large].appSamples[key], 95), reference: percentile(results[small].appSamples[key], 95), refLabel: `${small} article`, ratioLimit: 1.2, target: '<= 1.2x' });
    }
  }
}

/** Waits until the process (every thread of it) has used no CPU for `quietMs`, as the kernel counts it. */
async function waitForIdleProcess(pid, { quietMs = 300, timeoutMs = 60_000 } = {}) {
  const cpuTicks = () => {
    try {
      // Fields after the command name's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return null;
    }
  };
  const until = performance.now() + timeoutMs;
  let last = cpuTicks();
  let quietSince = performance.now();
  while (last !== null && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = cpuTicks();
    if (now !== last) {
      last = now;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= quietMs) {
      return;
    }
  }
}

async function typeQuery(session, query) {
  const samples = [];
  await measureKey(session, '/', { noOutputMs: 500 });
  for (const char of query) {
    const result = await measureKey(session, char, { noOutputMs: 1000 });
    if (result) samples.push(result.ms);
  }
  await measureKey(session, '\x1b', { noOutputMs: 500 });
  return samples;
}

async function benchLibrary(shared) {
  const count = config.libraryCount;
  const label = count.toLocaleString('en-US');
  const { dir } = generateLibrary(join(outDir, `library-${count}`), { count });
  const dirArgs = ['--dir', dir];
  const titles = await firstTitles(dirArgs);
  const readAll = [];
  let readAllRss = null;
  const readEveryFile = async () => (await runPiped([join(repoRoot, 'bench', 'probes', 'read-all.mjs'), dir], { env: terminalEnv() })).ms;
  {
    // The same loop's peak memory, from the kernel's count for the child.
    const probe = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(repoRoot, 'bench', 'probes', 'read-all.mjs'), dir], { encoding: 'utf8' });
    const kb = Number(probe.stderr?.trim().split('\n').at(-1));
    if (Number.isFinite(kb) && kb > 0) readAllRss = kb * 1024;
  }
  const cacheHome = join(outDir, 'cache-library');
  const bundledTitles = await firstTitles([]);
  const start3 = [];
  const cold = [];
  const coldAnswered = [];
  const warm = [];
  const warmAnswered = [];
  const filter = [];
  let coldRss = 0;
  let warmRss = 0;
  // Each figure alternates with its reference, so a machine busy with something else for a while
  // slows both alike and the ratio holds.
  for (let rep = 0; rep < config.libraryReps; rep++) {
    readAll.push(await readEveryFile());
    rmSync(cacheHome, { recursive: true, force: true });
    // The first frame comes from the files' front matter; a key is answered once every file is read
    // and cached, and the peak memory is taken after that.
    const result = await timeAppStart({
      dirArgs,
      titles,
      cacheHome,
      afterDrawn: async (session) => {
        const drawn = session.screenText();
        session.write('j');
        const answeredAt = await session.waitFor((screen) => screen !== drawn, 120_000);
        return { answered: answeredAt - session.startedAt };
      },
    });
    cold.push(result.ms);
    coldAnswered.push(result.answered);
    coldRss = Math.max(coldRss, result.peakRss ?? 0);
  }
  for (let rep = -1; rep < config.libraryReps; rep++) {
    const measureFilter = rep < config.filterSessions - 1;
    const reference = await timeAppStart({ dirArgs: [], titles: bundledTitles, cacheHome: join(outDir, 'cache-start') });
    const result = await timeAppStart({
      dirArgs,
      titles,
      cacheHome,
      afterDrawn: async (session) => {
        // A key pressed as soon as the list shows: answered once the reader runs (the files are checked
        // against the cache meanwhile, on another thread).
        const drawn = session.screenText();
        session.write('j');
        const answered = (await session.waitFor((screen) => screen !== drawn, 60_000)) - session.startedAt;
        if (!measureFilter) return { answered };
        // Settle first: filtering is measured on an idle reader, not one still drawing or still loading.
        // A quiet screen is not enough: Ink's first frame is the one already drawn, so it writes
        // nothing, while the library is still being checked against the files and indexed.
        await session.waitSettle(performance.now(), { quietMs: 200, noOutputMs: 200 });
        await waitForIdleProcess(session.pid);
        const samples = [];
        for (const query of ['ceasefire', 'dunmore talks', 'xqzv']) samples.push(...(await typeQuery(session, query)));
        return { filter: samples, answered };
      },
    });
    if (result.filter) filter.push(...result.filter);
    if (rep >= 0) warmAnswered.push(result.answered);
    warmRss = Math.max(warmRss, result.peakRss ?? 0);
    if (rep < 0) continue;
    warm.push(result.ms);
    start3.push(reference.ms);
  }
  shared.start3 = median(start3);
  const readMedian = median(readAll);
  row({ section: 'Library', measure: `first list frame, ${label} articles, cold cache`, value: median(cold), reference: readMedian, refLabel: 'read every file once', absoluteLimit: 1500, target: '<= 1.5 s' });
  row({ section: 'Library', measure: `first key answered, ${label} articles, cold cache`, value: median(coldAnswered), reference: readMedian, refLabel: 'read every file once', target: 'reference only' });
  row({ section: 'Library', measure: `first list frame, ${label} articles, warm cache`, value: median(warm), reference: shared.start3, refLabel: '3-article start, alternating', ratioLimit: 1.2, target: '<= 1.2x 3-article start' });
  row({ section: 'Library', measure: `first key answered, ${label} articles, warm cache (pressed as the list shows)`, value: median(warmAnswered), reference: shared.start3, refLabel: '3-article start, alternating', target: 'reference only' });
  row({ section: 'Library', measure: `filter-as-you-type p95, ${label} articles (n=${filter.length})`, value: percentile(filter, 95), reference: readMedian, refLabel: 'read every file once', absoluteLimit: 30, target: '<= 30 ms' });
  row({ section: 'Library', measure: `peak RSS, ${label} articles, cold start`, value: coldRss || null, reference: readAllRss ?? undefined, refLabel: 'read loop', format: mb, absoluteLimit: 200 * 1024 * 1024, target: '<= 200 MB' });
  row({ section: 'Library', measure: `peak RSS, ${label} articles, warm start and filtering`, value: warmRss || null, reference: readAllRss ?? undefined, refLabel: 'read loop', format: mb, absoluteLimit: 150 * 1024 * 1024, target: '<= 150 MB' });
  return { dir, readMedian, label };
}

async function benchAnalysis(library) {
  try {
    const probe = join(outDir, 'summary-probe.mjs');
    await bundleProbe(join(repoRoot, 'bench', 'probes', 'summary.mjs'), probe);
    const result = await runPiped([probe, join(repoRoot, 'articles'), String(config.summaryReps)], { env: terminalEnv() });
    if (result.code !== 0) throw new Error(result.stderr.trim().split('\n').at(-1));
    const { id, firstMs, times } = JSON.parse(result.stdout);
    row({ section: 'Analysis', measure: `summary of one article (${id}), NLP loaded`, value: median(times), reference: firstMs, refLabel: 'first call, loads the NLP', absoluteLimit: 20, target: '<= 20 ms' });
  } catch (error) {
    failedRow('Analysis', 'summary of one article, NLP loaded', error, '<= 20 ms');
  }
  await benchSummaryGrowth();
  if (!library) return;
  const cacheHome = join(outDir, 'cache-compare');
  const args = [bin, '--dir', library.dir, 'compare', 'ceasefire', '--json'];
  try {
    const { cold, warm } = await timeColdAndWarm(args, cacheHome);
    row({ section: 'Analysis', measure: `compare ceasefire --json, ${library.label} articles, cold`, value: median(cold), reference: library.readMedian, refLabel: 'read every file once', absoluteLimit: 5_000, target: '<= 5 s' });
    row({ section: 'Analysis', measure: `compare ceasefire --json, ${library.label} articles, warm`, value: median(warm), reference: library.readMedian, refLabel: 'read every file once', absoluteLimit: 1000, target: '<= 1 s' });
    // The same warm run with its output read by a Node parent through a pipe, as the bench read it until 2026-12-02.
    const piped = await runPiped(args, { env: appEnv(cacheHome), timeoutMs: 300_000 });
    if (piped.code === 0) row({ section: 'Analysis', measure: `compare ceasefire --json, ${library.label} articles, warm, stdout read by a Node pipe`, value: piped.ms, reference: median(warm), refLabel: 'stdout to a file', target: 'reference only' });
    await benchStories(library, median(cold), median(warm));
  } catch (error) {
    failedRow('Analysis', `compare ceasefire --json, ${library.label} articles`, error, '<= 5 s cold, <= 1 s warm');
  }
}

/**
 * Times a command with an emptied cache (cold), then with the cache it filled (warm), its output
 * written to a file as `newsdesk … --json > out.json` would (see runPiped). Every run must print what
 * the first printed, byte for byte, or the timing is of the wrong thing.
 */
async function timeColdAndWarm(args, cacheHome) {
  const outputs = [join(outDir, `${basename(cacheHome)}-first.out`), join(outDir, `${basename(cacheHome)}-again.out`)];
  let first;
  const time = async () => {
    const stdoutTo = outputs[first === undefined ? 0 : 1];
    const result = await runPiped(args, { env: appEnv(cacheHome), timeoutMs: 300_000, stdoutTo });
    if (result.code !== 0) throw new Error(result.stderr.trim().split('\n').at(-1) || `exit ${result.code}`);
    const printed = readFileSync(stdoutTo);
    if (first === undefined) {
      if (printed.length === 0) throw new Error('printed nothing');
      first = printed;
    } else if (!printed.equals(first)) throw new Error('printed something other than the first run did');
    return result.ms;
  };
  const cold = [];
  const warm = [];
  for (let rep = 0; rep < config.compareColdReps; rep++) {
    rmSync(cacheHome, { recursive: true, force: true });
    cold.push(await time());
  }
  for (let rep = 0; rep < config.compareWarmReps; rep++) warm.push(await time());
  return { cold, warm };
}

/** Linear analysis: a 1 MB article's summary against a 100 KB one's (the same generator, the same probe). */
async function benchSummaryGrowth() {
  const [small, large] = quick ? [10_000, 100_000] : [100_000, 1_000_000];
  const label = (bytes) => (bytes >= 1_000_000 ? `${bytes / 1_000_000} MB` : `${bytes / 1000} KB`);
  const measure = `summary ${label(large)} vs ${label(small)}`;
  try {
    const probe = join(outDir, 'summary-probe.mjs');
    await bundleProbe(join(repoRoot, 'bench', 'probes', 'summary.mjs'), probe);
    const medians = {};
    for (const bytes of [small, large]) {
      const { dir } = generateSingle(join(outDir, `summary-${bytes}`), { bytes, name: `summary-${bytes}` });
      const result = await runPiped([probe, dir, String(quick ? 1 : 5)], { env: terminalEnv(), timeoutMs: 300_000 });
      if (result.code !== 0) throw new Error(result.stderr.trim().split('\n').at(-1));
      medians[bytes] = median(JSON.parse(result.stdout).times);
    }
    row({ section: 'Analysis', measure, value: medians[large], reference: medians[small], refLabel: `${label(small)} article`, ratioLimit: 12, target: '<= 12x' });
  } catch (error) {
    failedRow('Analysis', measure, error, '<= 12x');
  }
}

/** Story clustering (`stories --json`) over the same library, against the comparison in the same run (issue 12). */
async function benchStories(library, compareCold, compareWarm) {
  const cacheHome = join(outDir, 'cache-stories');
  const args = [bin, '--dir', library.dir, 'stories', '--json'];
  try {
    const { cold, warm } = await timeColdAndWarm(args, cacheHome);
    row({ section: 'Analysis', measure: `stories --json, ${library.label} articles, cold`, value: median(cold), reference: compareCold, refLabel: 'compare --json, cold', ratioLimit: 1, target: '<= 1x compare, cold' });
    row({ section: 'Analysis', measure: `stories --json, ${library.label} articles, warm (cached)`, value: median(warm), reference: compareWarm, refLabel: 'compare --json, warm', ratioLimit: 1.2, target: '<= 1.2x compare, warm' });
  } catch (error) {
    failedRow('Analysis', `stories --json, ${library.label} articles`, error, '<= 1x compare');
  }
}

function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** The files dist/cli.js loads before any dynamic import(): what every start pays for. */
function staticGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\.?\/[^"']+)["']/g)) visit(resolve(file, '..', match[1]));
  };
  visit(entry);
  return [...seen];
}

async function benchFootprint() {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const runtimeDeps = ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies'].reduce(
    (total, field) => total + Object.keys(pkg[field] ?? {}).length,
    0,
  );
  row({ section: 'Footprint', measure: 'runtime dependencies', value: String(runtimeDeps), target: '0', note: undefined });
  rows.at(-1).met = runtimeDeps === 0 ? 'yes' : 'no';

  const entry = join(appDir, 'dist', 'cli.js');
  if (existsSync(entry)) {
    // The reader's start chunk (src/tui/start.ts) is imported on the way to the first frame: it counts too.
    const graph = staticGraph(entry);
    const startChunks = graph.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/import\(["'](\.\.?\/[^"']*\bstart-[A-Z0-9]+\.js)["']\)/g)].map((match) => resolve(file, '..', match[1])));
    const files = [...new Set([...graph, ...startChunks.flatMap((chunk) => staticGraph(chunk))])];
    const bytes = files.reduce((total, file) => total + statSync(file).size, 0);
    const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    const heavy = [
      ['React', /react\.(?:transitional\.)?element/],
      ['Ink', /ink-box|ink-text/],
      // A string only the analysis holds (its topic terms): the NLP must load on first use, never at start.
      ['analysis', /cessation of hostilities/],
      ['feed code', /Unrecognized feed format|isProbablyReaderable/],
    ]
      .filter(([, pattern]) => pattern.test(text))
      .map(([name]) => name);
    row({ section: 'Footprint', measure: 'JS loaded at start (dist/cli.js, the reader\'s start chunk + static chunks)', value: `${(bytes / 1024).toFixed(0)} KB in ${files.length} file(s)`, target: 'no Ink/React/NLP/feed code', note: undefined });
    rows.at(-1).met = heavy.length ? `no: ${heavy.join(', ')}` : 'yes';
  }

  const temp = mkdtempSync(join(tmpdir(), 'newsdesk-bench-pack-'));
  try {
    // Packed from the bench's copy of the build without the prepack script: a clean rebuild of the
    // repository's dist/ would pull chunks from under tests running beside the bench. The previous
    // builds' chunks a build keeps for ten minutes (scripts/build.mjs) are left out, as a clean build has none.
    removeStaleChunks(join(appDir, 'dist'));
    const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', temp], { cwd: appDir, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
    if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr.split('\n')[0]}`);
    const [info] = JSON.parse(packed.stdout);
    const tarball = join(temp, basename(info.filename));
    row({ section: 'Footprint', measure: `npm pack tarball (${info.entryCount} files)`, value: statSync(tarball).size, format: mb, absoluteLimit: 1.5 * 1024 * 1024, target: '<= 1.5 MB' });
    const env = { ...process.env, npm_config_cache: join(temp, 'npm-cache'), npm_config_loglevel: 'error', npm_config_update_notifier: 'false' };
    const prefix = join(temp, 'prefix');
    mkdirSync(prefix);
    const installed = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], { cwd: temp, encoding: 'utf8', env });
    if (installed.status !== 0) throw new Error(`npm install of the tarball failed offline: ${installed.stderr.split('\n')[0]}`);
    row({ section: 'Footprint', measure: 'installed size (npm install of the tarball)', value: folderBytes(join(prefix, 'node_modules')), format: mb, target: 'reference only' });
    const npx = spawnSync('npm', ['exec', '--offline', '--yes', `--package=${tarball}`, '--', 'newsdesk', 'list'], { cwd: temp, encoding: 'utf8', env: { ...env, CI: undefined } });
    const works = npx.status === 0 && npx.stdout.trim().split('\n').length >= 1;
    row({ section: 'Footprint', measure: 'npx ./newsdesk-*.tgz list, network off', value: works ? 'works' : `fails (exit ${npx.status})`, target: 'works' });
    rows.at(-1).met = works ? 'yes' : 'no';
  } catch (error) {
    failedRow('Footprint', 'npm pack / install', error, '<= 1.5 MB');
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Feeds: `newsdesk refresh` over local feeds, against a bare fetch loop over the same URLs

async function benchFeeds() {
  const feeds = quick ? 3 : 100;
  const items = 10;
  const reps = quick ? 1 : 3;
  const server = await startFeedServer({ feeds, items });
  try {
    const urlsFile = join(outDir, 'feed-urls.txt');
    writeFileSync(urlsFile, `${server.urls.join('\n')}\n`);
    const configHome = join(outDir, 'feeds-config');
    mkdirSync(join(configHome, 'newsdesk'), { recursive: true });
    writeFileSync(join(configHome, 'newsdesk', 'feeds.txt'), `${server.urls.join('\n')}\n`);
    const cold = [];
    const warm = [];
    const loop = [];
    for (let rep = 0; rep < reps; rep++) {
      const dataHome = join(outDir, 'feeds-data');
      rmSync(dataHome, { recursive: true, force: true });
      const env = appEnv(join(outDir, 'cache-feeds'), { XDG_CONFIG_HOME: configHome, XDG_DATA_HOME: dataHome });
      const first = await runPiped([bin, 'refresh'], { env });
      if (first.code !== 0) throw new Error(`newsdesk refresh failed: ${(first.stderr || first.stdout).split('\n')[0]}`);
      const stored = first.stdout.split('\n').filter((line) => line.endsWith(`${items} new items`)).length;
      if (stored !== feeds) throw new Error(`refresh stored ${stored} of ${feeds} feeds`);
      cold.push(first.ms);
      const second = await runPiped([bin, 'refresh'], { env });
      if (second.code !== 0 || !second.stdout.includes('unchanged')) throw new Error('second refresh did not answer unchanged');
      warm.push(second.ms);
      const bare = await runPiped([join(repoRoot, 'bench', 'probes', 'fetch-loop.mjs'), urlsFile]);
      if (bare.code !== 0) throw new Error(`fetch loop failed: ${bare.stderr.split('\n')[0]}`);
      loop.push(bare.ms);
    }
    const label = `${feeds} local feeds of ${items} items`;
    row({ section: 'Feeds', measure: `refresh, ${label}, all new (${feeds * items} items stored)`, value: median(cold), reference: median(loop), refLabel: 'bare fetch loop, same URLs', target: 'reference only' });
    row({ section: 'Feeds', measure: `refresh, ${label}, all unchanged (304)`, value: median(warm), reference: median(loop), refLabel: 'bare fetch loop, same URLs', target: 'reference only' });
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------------

const started = performance.now();
const loadBefore = loadavg()[0];
const wanted = (name) => !only || only.includes(name);
if (!existsSync(join(repoRoot, 'dist', 'cli.js'))) {
  process.stderr.write('bench: dist/cli.js is missing; run `npm run build` (or `npm run bench`, which builds first)\n');
}
const shared = {};
const sections = [
  ['start', async () => Object.assign(shared, await benchStart()), 'Start', 'to list drawn, 3 articles, 80x24'],
  ['scroll', benchScroll, 'Scroll', 'keypress to redraw'],
  ['library', async () => (shared.library = await benchLibrary(shared)), 'Library', `${config.libraryCount} articles`],
  ['analysis', async () => benchAnalysis(shared.library), 'Analysis', 'summary and compare'],
  ['feeds', benchFeeds, 'Feeds', 'refresh of local feeds'],
  ['footprint', benchFootprint, 'Footprint', 'package'],
];
for (const [name, run, section, measure] of sections) {
  if (!wanted(name)) continue;
  try {
    await run();
  } catch (error) {
    failedRow(section, measure, error);
  }
}
const seconds = (performance.now() - started) / 1000;
const output = `${table()}\n\n${quick ? 'Quick run (tiny corpus, few repetitions): proves the bench runs; not a measurement.' : 'Medians unless a percentile is named.'} Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end; bench took ${seconds.toFixed(0)} s.\n`;
process.stdout.write(output);
writeFileSync(join(outDir, 'last-run.md'), output);
writeFileSync(join(outDir, 'last-run.json'), JSON.stringify({ quick, seconds, rows }, null, 2));
