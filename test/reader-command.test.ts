import { describe, expect, it } from 'vitest';
import { plainReaderStart } from '../src/reader-command.js';

describe('plainReaderStart: the command lines main.ts starts the reader on without commander', () => {
  it('takes no arguments, --dir (both spellings, repeated) and --no-color', () => {
    expect(plainReaderStart([])).toEqual({ color: true });
    expect(plainReaderStart(['--dir', 'news'])).toEqual({ color: true, dir: ['news'] });
    expect(plainReaderStart(['--dir=a b', '--no-color', '--dir', './c'])).toEqual({ color: false, dir: ['a b', './c'] });
  });

  it('leaves every other command line to commander, which parses or explains it', () => {
    for (const args of [
      ['list'],
      ['--json'],
      ['--width', '60'],
      ['--dir'],
      ['--dir', ''],
      ['--dir='],
      ['--dir', '--json'],
      ['--dir', 'news', 'list'],
      ['--dir', 'news', '--json'],
      ['-h'],
      ['--help'],
      ['-V'],
      ['--color'],
      ['--', '--dir'],
    ]) {
      expect(plainReaderStart(args), args.join(' ')).toBeUndefined();
    }
  });
});
