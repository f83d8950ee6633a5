import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command, keyTableMarkdown } from '../src/tui/keymap.js';
import { repoRoot, runCli } from './helpers/run-cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('README.md', () => {
  it('opens with the two commands a new user needs', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toContain('npm ci && npm start');
    expect(firstBlock).toContain('npm ci && npm test');
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '));
  });

  it('documents every key exactly as the key map the reader uses', () => {
    expect(readme).toContain(keyTableMarkdown());
  });

  it("names every command the config file's keys can be given to, from the key map", () => {
    const config = readme.slice(readme.indexOf('### Config file'));
    for (const command of Object.values(Command)) expect(config, command).toContain(`\`${command}\``);
  });

  it('documents every command and option that --help lists', () => {
    const help = runCli(['--help']).stdout;
    const options = [...help.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((match) => match[1]);
    const commands = [...help.matchAll(/^\s{2}([a-z]+)\b.*$/gm)].map((match) => match[1]).filter((name) => name !== 'help');
    expect(options.length).toBeGreaterThan(3);
    for (const option of options) expect(readme).toContain(`\`${option}`);
    for (const command of commands) expect(readme).toContain(`newsdesk ${command}`);
  });
});
