import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { BEFORE_V8_FLAGS_CHANGE, YOUNG_GENERATION_FLAG } from './young-generation.js';

/**
 * Runs the bundle from its script form (dist/script/, written by scripts/script-chunks.mjs) with V8's
 * compiled code kept between runs: Node 20 keeps none for ES modules and has no compile cache, but
 * compiles a vm.Script from code cache data. Each chunk is compiled with the data the last run left
 * (one file per build and Node: `cli-<build>-<node version>-<arch>.bin`), run after its static imports
 * as an ES module would be, and, when it had no data or V8 refused it, its data is written when the
 * process exits (all of it at once, to a temporary file renamed over the old one; off the way to the
 * first frame and every key). V8 takes data only under the flags it was made under, which change
 * during a run (flagHash): a chunk keeps data for each flag hash it has been compiled under. A file that is missing, cut short, of another build or Node, or whose
 * bytes do not match their checksum is not given to V8: the chunks compile as usual. Nothing here
 * prints or throws because of the cache: a folder it cannot write only costs the saving.
 *
 * Built as its own entry (dist/code-cache.js): it runs before the bundle.
 */

interface Manifest {
  key: string;
  entry: string;
  modules: Record<string, { deps: string[] }>;
}

interface Compiled {
  id: string;
  script: vm.Script;
  /** V8 took the data the cache had for it: nothing new to write. */
  accepted: boolean;
  /** The hash of V8's flags it was compiled under (flagHash), when it was compiled afresh. */
  flags?: number;
  /** Its data, taken while V8's flags were still those it was compiled under. */
  data?: Buffer;
}

interface ModuleRecord {
  module: { exports: Record<string, unknown> };
  ready?: Promise<Record<string, unknown>>;
}

export interface CodeCacheReport {
  file: string;
  /** Chunks compiled from the cache's data, and compiled afresh (no data, or V8 refused it). */
  accepted: string[];
  compiled: string[];
  /** The cache file was (re)written at exit; or why it was not. */
  written: boolean;
  problem?: string;
}

const MAGIC = Buffer.from('NDCODE2\n');
/** Where V8 (11, Node 20) keeps the hash of its flags in a code cache's header. */
const FLAG_HASH_OFFSET = 12;

/**
 * V8 refuses data made under other flags, and its flags change during a run: the reader sets one after
 * the first frame (young-generation.ts), and on V8 11 a worker thread's start sets them back to Node's
 * (at a moment of the worker's, even during a compile on this thread). So a chunk may have data for
 * each hash, and the hash now is read from a tiny script's data (0.1 ms).
 */
const flagHashOf = (data: Uint8Array): number => Buffer.from(data.buffer, data.byteOffset, data.byteLength).readUInt32LE(FLAG_HASH_OFFSET);
const flagHash = (): number => flagHashOf(new vm.Script('0').createCachedData());
const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

interface Entry {
  at: number;
  length: number;
  checksum: number;
}

/**
 * The cache file of this build and Node, read an entry at a time as chunks are compiled (the start
 * path's are a small part of it: reading and checking all of it was about 9 ms before the first frame).
 * Empty when it is missing, not whole (its length is not what its header says) or of another build or
 * Node; an entry whose bytes do not match its checksum is not given to V8.
 */
class CacheFile {
  /** Each chunk's entries by the hash of V8's flags its data was made under. */
  readonly entries = new Map<string, Map<number, Entry>>();
  private fd: number | undefined;

  constructor(file: string, tag: string) {
    this.open(file, tag);
  }

  private open(file: string, tag: string): void {
    try {
      this.fd = openSync(file, 'r');
      const start = Buffer.alloc(MAGIC.length + 4);
      if (readSync(this.fd, start, 0, start.length, 0) !== start.length || !start.subarray(0, MAGIC.length).equals(MAGIC)) return this.reset();
      const header = Buffer.alloc(start.readUInt32LE(MAGIC.length));
      if (readSync(this.fd, header, 0, header.length, start.length) !== header.length) return this.reset();
      const parsed = JSON.parse(header.toString('utf8')) as { tag?: unknown; entries?: unknown };
      if (parsed.tag !== tag || !Array.isArray(parsed.entries)) return this.reset();
      let at = start.length + header.length;
      for (const entry of parsed.entries as unknown[]) {
        if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !entry.slice(1, 4).every((n) => Number.isSafeInteger(n) && n >= 0)) return this.reset();
        const [id, flags, length, checksum] = entry as [string, number, number, number];
        if (!this.entries.has(id)) this.entries.set(id, new Map());
        this.entries.get(id)!.set(flags, { at, length, checksum });
        at += length;
      }
      if (fstatSync(this.fd).size !== at) this.reset();
    } catch {
      this.reset();
    }
  }

  /** The entry's bytes, when they are all there and match their checksum. */
  read(entry: Entry): Buffer | undefined {
    if (this.fd === undefined) return undefined;
    try {
      const data = Buffer.allocUnsafe(entry.length);
      if (readSync(this.fd, data, 0, entry.length, entry.at) !== entry.length) return undefined;
      // V8 (release builds) checks the data's source hash, version and flags, but not its bytes.
      return crc32!(data) === entry.checksum ? data : undefined;
    } catch {
      return undefined;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private reset(): void {
    this.entries.clear();
    this.close();
  }
}

/** Writes every chunk's data, [id, flag hash, data], as one file replacing the old at once. */
function writeCache(folder: string, name: string, tag: string, entries: [string, number, Buffer][]): void {
  mkdirSync(folder, { recursive: true });
  const header = Buffer.from(JSON.stringify({ tag, entries: entries.map(([id, flags, data]) => [id, flags, data.length, crc32!(data)]) }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const temporary = join(folder, `.${name}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'w', 0o600);
    for (const part of [MAGIC, length, header, ...entries.map(([, , data]) => data)]) {
      for (let done = 0; done < part.length; ) done += writeSync(fd, part, done);
    }
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, join(folder, name));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  // The files of other builds or Node versions would only pile up.
  for (const other of readdirSync(folder)) {
    if (other !== name && /^cli-.*\.bin$/.test(other)) rmSync(join(folder, other), { force: true });
  }
}

function readManifest(distDir: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(distDir, 'script', 'manifest.json'), 'utf8')) as Manifest;
    return typeof manifest.key === 'string' && typeof manifest.entry === 'string' && manifest.modules?.[manifest.entry] ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the bundle's entry from dist/script/ with its compiled code cached in `cacheFolder` (none: not
 * cached). Resolves false, having run nothing, when there is no script form to run (the caller imports
 * dist/cli.js); else it resolves once the entry has run, as `import('dist/cli.js')` would.
 * `reportFile` (NEWSDESK_CODE_CACHE_REPORT) gets a JSON CodeCacheReport at exit, for the tests.
 */
export async function runFromScripts(distDir: string, cacheFolder: string | undefined, reportFile?: string): Promise<boolean> {
  const manifest = readManifest(distDir);
  // zlib.crc32 came in Node 20.15: before it, cached bytes could not be checked.
  if (!manifest || typeof crc32 !== 'function') return false;
  const name = `cli-${manifest.key}-${process.version}-${process.arch}.bin`;
  const tag = `${manifest.key} ${process.version} ${process.arch}`;
  const cache = cacheFolder ? new CacheFile(join(cacheFolder, name), tag) : undefined;
  const records = new Map<string, ModuleRecord>();
  const compiled: Compiled[] = [];

  const resolveId = (from: string, specifier: string): string => posix.normalize(posix.join(posix.dirname(from), specifier));
  const evaluate = (id: string): Promise<Record<string, unknown>> => {
    const known = records.get(id);
    if (known?.ready) return known.ready;
    const entry = manifest.modules[id];
    if (!entry) return Promise.reject(new Error(`newsdesk: ${id} is not part of this build`));
    const record: ModuleRecord = { module: { exports: {} } };
    records.set(id, record);
    record.ready = (async () => {
      for (const dep of entry.deps) await evaluate(dep);
      const filename = join(distDir, 'script', id);
      const variants = cache?.entries.get(id);
      const chosen = variants?.size === 1 ? [...variants.values()][0] : variants?.get(flagHash());
      const cachedData = chosen && cache!.read(chosen);
      const script = new vm.Script(readFileSync(filename, 'utf8'), { filename, cachedData });
      const accepted = cachedData !== undefined && !script.cachedDataRejected;
      const flags = accepted || !cacheFolder ? undefined : flagHash();
      // Data of other flags refused while there is data of these: a worker thread's start changed the
      // flags during the compile (see flagHash), and that data is not made again. Data of these flags
      // refused is wrong, and is.
      const raced = flags !== undefined && chosen !== undefined && variants?.has(flags) === true && variants.get(flags) !== chosen;
      compiled.push({ id, script, accepted, flags: raced ? undefined : flags });
      const body = script.runInThisContext() as (...args: unknown[]) => Promise<void>;
      const esmPath = join(distDir, id);
      const nodeRequire = createRequire(esmPath);
      const require = (specifier: string): unknown => {
        if (!specifier.startsWith('./') && !specifier.startsWith('../')) return nodeRequire(specifier);
        const imported = records.get(resolveId(id, specifier));
        if (!imported) throw new Error(`newsdesk: ${specifier} required from ${id} before it ran`);
        return imported.module.exports;
      };
      const dynamicImport = (specifier: string): Promise<unknown> =>
        specifier.startsWith('./') || specifier.startsWith('../') ? evaluate(resolveId(id, specifier)) : import(specifier);
      await body.call(undefined, record.module.exports, require, record.module, pathToFileURL(esmPath).href, dynamicImport);
      return record.module.exports;
    })();
    return record.ready;
  };

  /** The data of the chunks compiled afresh under the flags V8 has now (later, theirs would not match). */
  const takeData = (): void => {
    const fresh = compiled.filter((each) => each.flags !== undefined && each.data === undefined);
    if (fresh.length === 0) return;
    const now = flagHash();
    for (const each of fresh) if (each.flags === now) each.data = each.script.createCachedData();
  };
  (globalThis as { [BEFORE_V8_FLAGS_CHANGE]?: () => void })[BEFORE_V8_FLAGS_CHANGE] = () => {
    try {
      takeData();
    } catch {
      // Taken at exit, if the flags are these again: only the saving is lost.
    }
  };
  process.once('exit', () => {
    const report: CodeCacheReport = {
      file: cacheFolder ? join(cacheFolder, name) : '',
      accepted: compiled.filter((each) => each.accepted).map((each) => each.id),
      compiled: compiled.filter((each) => !each.accepted).map((each) => each.id),
      written: false,
    };
    if (cacheFolder && report.compiled.length > 0) {
      try {
        takeData();
        // Chunks compiled while the reader's flag was set and before a worker put the hash back: their
        // data is made with the flag set again (the process is ending, nothing else runs under it).
        if (compiled.some((each) => each.flags !== undefined && each.data === undefined) && Number(process.versions.v8.split('.')[0]) === 11) {
          process.getBuiltinModule('node:v8').setFlagsFromString(YOUNG_GENERATION_FLAG);
          takeData();
        }
        const made = compiled.filter((each) => each.data !== undefined);
        if (made.length > 0) {
          const entries = new Map<string, Map<number, Buffer>>();
          const add = (id: string, flags: number, data: Buffer | undefined): void => {
            if (!data) return;
            if (!entries.has(id)) entries.set(id, new Map());
            entries.get(id)!.set(flags, data);
          };
          // What the file had (each entry checked again), then what this run made.
          for (const [id, variants] of cache?.entries ?? []) for (const [flags, entry] of variants) add(id, flags, cache!.read(entry));
          for (const each of made) add(each.id, each.flags!, each.data);
          const flat = [...entries].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([id, variants]) => [...variants].map(([flags, data]) => [id, flags, data] as [string, number, Buffer]));
          writeCache(cacheFolder, name, tag, flat);
          report.written = true;
        }
      } catch (error) {
        // Not written: the next start compiles these chunks again.
        report.problem = error instanceof Error ? error.message : String(error);
      }
    }
    cache?.close();
    if (reportFile) {
      try {
        writeSync(openSync(reportFile, 'w'), JSON.stringify(report));
      } catch {
        // only for the tests
      }
    }
  });
  await evaluate(manifest.entry);
  return true;
}
