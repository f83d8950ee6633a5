import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { closeSync, readSync } from 'node:fs';
import { DEFAULT_TOPIC } from './analysis/default-topic.js';
import { registerFeedCommands } from './feeds/commands.js';
import { cachedOutputNeedsCleaning, comparisonOutputFromCache, openCachedRun, storeComparisonOutput, writeCachedOutput, type CachedRunFile } from './print/output-cache.js';
import { closestIds, editDistance, findArticle, idsStartingWith } from './library/find.js';
import { DirectoryError, loadArticles } from './library/load.js';
import { sanitizeLine } from './library/sanitize.js';
import { libraryStamp, type LibraryStamp } from './library/stamp.js';
import type { Article, LoadResult } from './library/types.js';
import { formatListText, listToJson } from './print/list.js';
import { articleToJson } from './print/read.js';
import { terminalSafe } from './print/terminal-safe.js';
import { libraryDirs, problemText, reportFailure, reportProblems, runReaderCommand, UsageError, USAGE_ERROR } from './reader-command.js';
import { shouldUseAscii, shouldUseColor } from './render/color.js';

declare const __NEWSDESK_VERSION__: string | undefined;
const VERSION = typeof __NEWSDESK_VERSION__ === 'string' ? __NEWSDESK_VERSION__ : '0.0.0-dev';

const MIN_WIDTH = 20;
const MAX_WIDTH = 1000;
const DEFAULT_PRINT_WIDTH = 80;

interface GlobalOptions {
  dir?: string[];
  story?: string;
  color: boolean;
  width?: number;
  json?: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function unknownCommand(program: Command, typed: string): UsageError {
  const names = program.commands.map((command) => command.name());
  const closest = names.map((name) => ({ name, distance: editDistance(typed, name) })).sort((a, b) => a.distance - b.distance)[0];
  const hint = closest && closest.distance <= 2 ? ` Did you mean ${closest.name}?` : '';
  return new UsageError(`unknown command '${sanitizeLine(typed)}'.${hint} Commands: ${names.join(', ')} (newsdesk --help).`);
}

function parseWidth(value: string): number {
  const width = Number(value);
  if (!Number.isInteger(width) || width < MIN_WIDTH || width > MAX_WIDTH) {
    throw new InvalidArgumentError(`expected a whole number of columns from ${MIN_WIDTH} to ${MAX_WIDTH}.`);
  }
  return width;
}

/**
 * Every byte for stdout goes through here: only our own styling (SGR, when `styled`) reaches the
 * terminal, whatever the text's origin.
 */
function write(text: string | Uint8Array, styled = false): void {
  process.stdout.write(terminalSafe(text, { sgr: styled }));
}

function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function writeJson(value: unknown): void {
  write(jsonText(value));
}

/** Loads the library; problems are the caller's to report. */
function loadQuietly(options: GlobalOptions): LoadResult {
  try {
    return loadArticles(libraryDirs(options));
  } catch (error) {
    if (error instanceof DirectoryError) throw new UsageError(`--dir ${sanitizeLine(error.message)}`);
    throw error;
  }
}

function load(options: GlobalOptions): LoadResult {
  const result = loadQuietly(options);
  reportProblems(result.problems);
  return result;
}

function printOptions(options: GlobalOptions): { color: boolean; width: number; ascii: boolean } {
  return {
    color: shouldUseColor({ noColorFlag: !options.color, env: process.env, isTTY: Boolean(process.stdout.isTTY) }),
    ascii: shouldUseAscii(process.env),
    width: options.width ?? (process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : DEFAULT_PRINT_WIDTH),
  };
}

/** An ambiguous prefix lists this many of the ids it matches. */
const MAX_MATCHES_LISTED = 10;

function requireArticle(articles: Article[], id: string): Article {
  const article = findArticle(articles, id);
  if (article) return article;
  const safeId = sanitizeLine(id);
  const matches = idsStartingWith(articles, id);
  if (matches.length > 1) {
    const shown = matches.slice(0, MAX_MATCHES_LISTED).join(', ');
    const more = matches.length > MAX_MATCHES_LISTED ? `, and ${matches.length - MAX_MATCHES_LISTED} more` : '';
    throw new UsageError(`id "${safeId}" is ambiguous: ${matches.length} ids start with it: ${shown}${more}. Type more of the id.`);
  }
  const hint = closestIds(articles, id);
  throw new UsageError(
    hint.length
      ? `no article with id "${safeId}". Did you mean: ${hint.join(', ')}? (newsdesk list shows every id)`
      : `no article with id "${safeId}": no articles are loaded.`,
  );
}

function runList(options: GlobalOptions): void {
  const { articles } = load(options);
  if (articles.length === 0) {
    // Nothing to list is not an error, but silence would look like one.
    const where = options.dir?.length ? options.dir.map((dir) => sanitizeLine(dir)).join(', ') : 'the bundled articles';
    process.stderr.write(`newsdesk: no articles in ${where}\n`);
  }
  if (options.json) return writeJson(listToJson(articles));
  const print = printOptions(options);
  // On a terminal (or with --width) each line fits; in a pipe lines stay whole for cut and grep.
  const fit = options.width !== undefined || Boolean(process.stdout.isTTY);
  write(formatListText(articles, { color: print.color, width: fit ? print.width : undefined }), print.color);
}

async function runRead(id: string, options: GlobalOptions): Promise<void> {
  const article = requireArticle(load(options).articles, id);
  if (options.json) return writeJson(articleToJson(article));
  const { renderArticle } = await import('./render/article.js');
  const print = printOptions(options);
  write(`${renderArticle(article, print).lines.join('\n')}\n`, print.color);
}

async function runSummary(id: string, options: GlobalOptions): Promise<void> {
  const article = requireArticle(load(options).articles, id);
  const [{ summarize, toAnalysisInput }, { formatSummaryText, summaryToJson }] = await Promise.all([
    import('./analysis/index.js'),
    import('./print/summary.js'),
  ]);
  const summary = summarize(toAnalysisInput(article));
  if (options.json) writeJson(summaryToJson(summary));
  else {
    const print = printOptions(options);
    write(formatSummaryText(summary, print), print.color);
  }
}

/** Bump when story clustering changes in a way the build fingerprint can't see. */
const STORIES_VERSION = 'stories-1';
/** The clustering's entry in the comparison cache: no topic can be this string. */
const STORIES_CACHE_TOPIC = '\0stories';

function cachingOn(): boolean {
  return process.env.NEWSDESK_NO_CACHE !== '1';
}

/**
 * The library's stories, cached like a comparison (keyed by the library's stamp, taken before it was
 * loaded, and the build); not cached without a stamp.
 */
async function loadStories(articles: Article[], stamp: LibraryStamp | undefined): Promise<import('./analysis/types.js').Story[]> {
  const cached = cachedStories(stamp);
  if (cached) return cached;
  const { clusterStoriesOf, toAnalysisInput } = await import('./analysis/index.js');
  const stories = clusterStoriesOf(articles.length, (i) => ({ ...toAnalysisInput(articles[i]), source: articles[i].source }));
  storeStories(stamp, stories);
  return stories;
}

/** The stories kept for this stamp, as JSON beside the comparisons' output and keyed the same way. */
function cachedStories(stamp: LibraryStamp | undefined): import('./analysis/types.js').Story[] | undefined {
  const cached = stamp && comparisonOutputFromCache(stamp.files, STORIES_CACHE_TOPIC, entryVariant(stamp, STORIES_VERSION));
  if (!cached) return undefined;
  try {
    const stories: unknown = JSON.parse(cached.toString('utf8'));
    if (Array.isArray(stories)) return stories as import('./analysis/types.js').Story[];
  } catch {
    // A damaged entry is computed again.
  }
  return undefined;
}

function storeStories(stamp: LibraryStamp | undefined, stories: import('./analysis/types.js').Story[]): void {
  if (stamp) storeComparisonOutput(stamp.files, STORIES_CACHE_TOPIC, entryVariant(stamp, STORIES_VERSION), JSON.stringify(stories));
}

/** The story `--story` names: a story id, or the id (or unique prefix) of any article in it. */
function requireStory(stories: import('./analysis/types.js').Story[], articles: Article[], wanted: string) {
  const exact = stories.find((s) => s.id === wanted);
  if (exact) return exact;
  const article = findArticle(articles, wanted);
  const story = article && stories.find((s) => s.articles.some((a) => a.id === article.id));
  if (story) return story;
  throw new UsageError(`--story: no story or article with id "${sanitizeLine(wanted)}" (newsdesk stories lists them).`);
}

/**
 * The library's stamp (libraryStamp) when caching is on and every folder can be stamped: printed
 * output is cached by it, so a cached run checks the files' stamps and reads nothing else.
 */
function stampFor(options: GlobalOptions): LibraryStamp | undefined {
  return cachingOn() ? libraryStamp(libraryDirs(options)) : undefined;
}

/** A cache entry's variant under a stamp: besides the files, the output depends on the folders asked for and what their walk reported. */
function entryVariant(stamp: LibraryStamp, variant: string): string {
  return `${variant}\0${stamp.scope}`;
}

/**
 * Writes a cached run: its notes on stderr (cleaned: they come back from disk), its output on stdout.
 * Output with nothing to clean (the usual case) goes out as it is on disk, a piece at a time; else it
 * is read whole and cleaned as any output is.
 */
async function writeCachedRun(run: CachedRunFile, styled: boolean): Promise<void> {
  try {
    if (run.notes) process.stderr.write(terminalSafe(run.notes, { sgr: false }));
    if (!cachedOutputNeedsCleaning(run)) return await writeCachedOutput(run, process.stdout);
    const output = Buffer.allocUnsafe(run.length);
    let read = 0;
    while (read < run.length) {
      const got = readSync(run.fd, output, read, run.length - read, run.offset + read);
      if (got <= 0) break;
      read += got;
    }
    write(output.subarray(0, read), styled);
  } finally {
    closeSync(run.fd);
  }
}

/** The library loaded for a command whose output is cached: its problems reported and returned as text. */
function loadForCaching(options: GlobalOptions): LoadResult & { notes: string } {
  const result = loadQuietly(options);
  const notes = problemText(result.problems);
  if (notes) process.stderr.write(notes);
  return { ...result, notes };
}

async function runStories(options: GlobalOptions): Promise<void> {
  const stamp = stampFor(options);
  const print = printOptions(options);
  const variant = options.json ? 'json' : `text|${print.width}|${print.color}`;
  const cached = stamp && openCachedRun(stamp.files, STORIES_CACHE_TOPIC, entryVariant(stamp, variant));
  if (cached) return writeCachedRun(cached, !options.json && print.color);
  const { articles, notes } = loadForCaching(options);
  const [stories, { formatStoriesText, storiesToJson }] = await Promise.all([loadStories(articles, stamp), import('./print/stories.js')]);
  const output = options.json ? jsonText(storiesToJson(stories)) : formatStoriesText(stories, print);
  if (stamp) storeComparisonOutput(stamp.files, STORIES_CACHE_TOPIC, entryVariant(stamp, variant), output, undefined, notes);
  write(output, !options.json && print.color);
}

async function runCompare(topic: string | undefined, options: GlobalOptions): Promise<void> {
  const stamp = stampFor(options);
  // A library that can't be stamped (a missing folder, caching off) is loaded first, as before: its errors come first.
  const unstamped = stamp ? undefined : loadForCaching(options);
  // The topic is printed back ("Topic: …"): cleaned like any text that reaches the terminal.
  const wanted = sanitizeLine(topic ?? DEFAULT_TOPIC).toLowerCase();
  if (wanted === '') throw new UsageError(`compare: the topic is empty; give a word such as ${DEFAULT_TOPIC} (the default)`);
  const print = printOptions(options);
  // Each output format prints differently, so each is its own cache entry; a hit never loads the NLP.
  const variant = `${options.json ? 'json' : `text|${print.width}|${print.color}`}|by-story${options.story === undefined ? '' : `|story=${options.story}`}`;
  const cached = stamp && openCachedRun(stamp.files, wanted, entryVariant(stamp, variant));
  if (cached) return writeCachedRun(cached, !options.json && print.color);
  const { articles, notes } = unstamped ?? loadForCaching(options);
  const [analysis, { comparisonJsonPieces, comparisonToJson }, print_, { createProgressBar }] = await Promise.all([
    import('./analysis/index.js'),
    import('./print/compare.js'),
    import('./print/stories.js'),
    import('./print/progress.js'),
  ]);
  const { analyseInParallel, combineStatements, mergeSpeakers, storiesFromSignatures, storyOfArticle, storyReport, toAnalysisInput, topicTerms } = analysis;
  // The stories: cached, or needed first (--story picks the articles), or else read in the comparison's own pass.
  let stories = options.story === undefined ? cachedStories(stamp) : await loadStories(articles, stamp);
  const story = options.story === undefined ? undefined : requireStory(stories!, articles, options.story);
  const inStory = story ? new Set(story.articles.map((a) => a.id)) : undefined;
  const chosen = inStory ? articles.filter((a) => inStory.has(a.id)) : articles;
  const progress = process.stderr.isTTY ? createProgressBar('Comparing', process.stderr.columns || 80) : undefined;
  const inputAt = (index: number) => ({ ...toAnalysisInput(chosen[index]), source: chosen[index].source });
  const signatures = stories === undefined;
  const storiesOf = (heads: Parameters<typeof storiesFromSignatures>[1], found: readonly { signature?: import('./analysis/stories-signature.js').StorySignature }[]) => {
    if (stories) return stories;
    // Every article was read (no --story): the same stories clusterStoriesOf finds.
    const clustered = storiesFromSignatures(found.map((result) => result.signature!), heads);
    storeStories(stamp, clustered);
    return clustered;
  };
  const storiesToJson = (shown: typeof stories & object) => shown.map((s) => ({ id: s.id, title: s.title, articles: s.articles.map((a) => a.id), outlets: s.outlets }));
  if (options.json && !story) {
    // The JSON of 10,000 articles' statements (~90 MB) is written by the threads that find them; here
    // it is only put in order, with each speaker's merged name put in, and never held as one string.
    const { heads, results } = await analyseInParallel(chosen.length, inputAt, wanted, { onProgress: progress?.update, signatures, json: true });
    stories = storiesOf(heads, results);
    const storyOf = storyOfArticle(stories);
    const written = results.map((result) => result.statements.map((st) => st.speaker));
    const { speakers, disagreements } = mergeSpeakers(results, (id) => storyOf.get(id) ?? id);
    progress?.done();
    const pieces = comparisonJsonPieces(
      { topic: wanted, terms: topicTerms(wanted), articles: heads.map((h) => ({ id: h.id, title: h.title, date: h.date })), speakers, disagreements },
      results.map((result, k) => ({ json: result.json, written: written[k], merged: result.statements })),
      { stories: storiesToJson(stories) },
    );
    if (stamp) storeComparisonOutput(stamp.files, wanted, entryVariant(stamp, variant), pieces, undefined, notes);
    for (const piece of pieces) write(piece);
    return;
  }
  const { heads, results } = await analyseInParallel(chosen.length, inputAt, wanted, { onProgress: progress?.update, signatures });
  stories = storiesOf(heads, results);
  const storyOf = storyOfArticle(stories);
  const comparison = combineStatements(heads, wanted, results, { storyOf: (id) => storyOf.get(id) ?? id });
  progress?.done();
  const report = story ? storyReport(story, chosen.map((a) => ({ ...toAnalysisInput(a), source: a.source }))) : undefined;
  const shown = story ? [story] : stories;
  const output = options.json
    ? jsonText({
        ...comparisonToJson(comparison),
        stories: storiesToJson(shown),
        ...(report ? { story: print_.storyReportToJson(report) } : {}),
      })
    : print_.formatComparisonByStory(comparison, shown, print, report);
  // Encoded once, for the cache and for stdout;
  // TextEncoder, not Buffer.from: the same bytes, a third of the time on a string with curly quotes.
  const encoded = new TextEncoder().encode(output);
  const bytes = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  if (stamp) storeComparisonOutput(stamp.files, wanted, entryVariant(stamp, variant), bytes, undefined, notes);
  write(bytes, !options.json && print.color);
}

async function runDefault(options: GlobalOptions): Promise<void> {
  // The reader is not for scripts: --json asks for the list's machine-readable twin, wherever it goes.
  if (options.json || !process.stdin.isTTY || !process.stdout.isTTY) return runList(options);
  await runReaderCommand(options);
}

function buildProgram(): Command {
  const program = new Command('newsdesk');
  program
    .description('A terminal news reader: read articles, see their key facts, compare who said what.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--dir <path>', 'read articles from this folder (recursively) instead of the bundled ones; repeatable', collect)
    .option('--json', 'print machine-readable JSON')
    .option('--no-color', 'no colour or styling (also: NO_COLOR=1)')
    .option('--width <columns>', `wrap printed text at this width (${MIN_WIDTH}-${MAX_WIDTH})`, parseWidth)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, writeErr) => writeErr(`newsdesk: ${text.replace(/^error: /, '')}`) })
    // A word that is no command reaches the default action: answer it with the closest command.
    .allowExcessArguments(true)
    .action(async () => {
      if (program.args.length > 0) throw unknownCommand(program, program.args[0]);
      return runDefault(program.opts<GlobalOptions>());
    });

  const withGlobals = (command: Command) => command.optsWithGlobals<GlobalOptions>();
  program
    .command('list')
    .description('print the articles: date, words, id and title')
    .action(async (_options, command: Command) => runList(withGlobals(command)));
  program
    .command('read')
    .description('print an article, formatted and wrapped')
    .argument('<id>', 'the article id (its file name without extension)')
    .action(async (id: string, _options, command: Command) => runRead(id, withGlobals(command)));
  program
    .command('summary')
    .description("print an article's key facts, each with the sentence it came from")
    .argument('<id>', 'the article id')
    .action(async (id: string, _options, command: Command) => runSummary(id, withGlobals(command)));
  program
    .command('compare')
    .description('print who said what about a topic across all articles')
    .argument('[topic]', 'the topic word', DEFAULT_TOPIC)
    .option('--story <id>', 'only the articles of this story (a story id, or the id of any article in it)')
    .action(async (topic: string, _options, command: Command) => runCompare(topic, withGlobals(command)));
  program
    .command('stories')
    .description('print the stories: the articles that report one event, with their outlets, dates and main names')
    .action(async (_options, command: Command) => runStories(withGlobals(command)));
  registerFeedCommands(program, {
    globals: withGlobals,
    usageError: (message) => new UsageError(message),
    setExitCode: (code) => {
      commandExitCode = code;
    },
  });
  for (const command of program.commands.flatMap((command) => [command, ...command.commands])) {
    command.exitOverride().configureOutput(program.configureOutput()).showSuggestionAfterError(true).allowExcessArguments(false);
  }
  return program;
}

// A reader closing the pipe early (`newsdesk list | head -1`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  // A full disk (`list > /dev/full`), a closed descriptor: one line naming the failure, not a stack trace.
  const reason = error.code === 'ENOSPC' ? 'no space left on device' : sanitizeLine(error.message);
  process.stderr.write(`newsdesk: could not write the output: ${reason}${error.code ? ` (${error.code})` : ''}\n`);
  process.exit(1);
});

/** What a command that finished without throwing exits with (refresh: 1 when a feed failed). */
let commandExitCode = 0;

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return commandExitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return 0;
      return USAGE_ERROR;
    }
    return reportFailure(error);
  }
}

process.exitCode = await main(process.argv);
