import { InvalidArgumentError, type Command } from 'commander';
import type { FeedCommandContext } from './types.js';

/**
 * The feed commands' names, arguments and help. This file is on every start path (commander needs
 * to know the commands), so it holds no feed code: each action imports ./run.js when it runs.
 */

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new InvalidArgumentError('expected a number of seconds from 0 to 600.');
  }
  return seconds;
}

export function registerFeedCommands(program: Command, context: FeedCommandContext): void {
  const load = () => import('./run.js');
  const feeds = program
    .command('feeds')
    .description('the subscriptions: name, address, items, unread, last fetched, last error')
    .action(async (_options, command: Command) => (await load()).runFeedsList(context.globals(command)));
  feeds
    .command('add')
    .description('subscribe to a feed (or a page that names its feed) and fetch it once')
    .argument('<url>', 'the feed address, or a web page with <link rel="alternate">')
    .option('--name <name>', 'the name the feed is shown by')
    .option('--timeout <seconds>', 'give up on a request after this long (default 30)', parseSeconds)
    .action(async (url: string, options: { name?: string; timeout?: number }, command: Command) =>
      (await load()).runFeedsAdd(url, options, context.globals(command), context),
    );
  feeds
    .command('remove')
    .description('unsubscribe (the feed and its stored items)')
    .argument('<url|name>', "the feed's address or name")
    .action(async (which: string, _options, command: Command) => (await load()).runFeedsRemove(which, context.globals(command), context));
  feeds
    .command('import')
    .description('subscribe to every feed in an OPML file')
    .argument('<file.opml>', 'the OPML file')
    .action(async (file: string, _options, command: Command) => (await load()).runFeedsImport(file, context.globals(command), context));
  feeds
    .command('export')
    .description('print the subscriptions as OPML 2.0')
    .action(async () => (await load()).runFeedsExport());
  program
    .command('refresh')
    .description('fetch every feed (6 at a time) and store new items')
    .option('--timeout <seconds>', 'give up on a request after this long (default 30)', parseSeconds)
    .action(async (options: { timeout?: number }, command: Command) => (await load()).runRefresh(options, context.globals(command), context));
}
