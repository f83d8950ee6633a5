import { spawn as nodeSpawn } from 'node:child_process';
import { isOpenable } from './openable.js';

/** The platform's "open this with the default app" program; the URL is passed as its one argument. */
export function openerFor(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'open';
  if (platform === 'win32') return 'explorer.exe';
  return 'xdg-open';
}

/**
 * Opens an http(s) URL in the browser. Never through a shell (no quoting to get wrong), detached so the
 * browser outlives us, with no terminal access. Resolves to a message for the status line.
 */
export function openUrl(
  url: string,
  options: { platform?: NodeJS.Platform; spawn?: typeof nodeSpawn } = {},
): Promise<string> {
  if (!isOpenable(url)) return Promise.resolve('Only http and https links are opened');
  const command = openerFor(options.platform ?? process.platform);
  const spawn = options.spawn ?? nodeSpawn;
  return new Promise((resolve) => {
    try {
      const child = spawn(command, [url], { shell: false, detached: true, stdio: 'ignore' });
      child.once('error', (error: NodeJS.ErrnoException) => {
        resolve(error.code === 'ENOENT' ? `Could not open the link: ${command} not found` : `Could not open the link: ${error.message}`);
      });
      child.once('spawn', () => {
        child.unref();
        resolve(`Opened ${url}`);
      });
    } catch (error) {
      resolve(`Could not open the link: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
