import { plainReaderStart, reportFailure, runReaderCommand } from './reader-command.js';

/**
 * The program's entry (dist/cli.js). The reader in a terminal with at most `--dir` and `--no-color`,
 * the way newsdesk is mostly started, goes straight to the reader: commander, the commands and the
 * library loader (with its YAML parser) are about a third of the code a start would otherwise compile
 * and run before the list's first frame. Every other command line is cli.ts's, which parses it with
 * commander (and runs the reader the same way).
 */

const reader = process.stdin.isTTY && process.stdout.isTTY ? plainReaderStart(process.argv.slice(2)) : undefined;
if (reader) {
  try {
    await runReaderCommand(reader);
  } catch (error) {
    process.exitCode = reportFailure(error);
  }
} else {
  await import('./cli.js');
}
