import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The folder of articles that ships with the package. The built CLI lives in dist/ and the sources in
 * src/library/, so the folder is one or two levels up from whichever is running.
 */
export function bundledArticlesDir(): string {
  for (const relativePath of ['../articles', '../../articles']) {
    const candidate = fileURLToPath(new URL(relativePath, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  return fileURLToPath(new URL('../articles', import.meta.url));
}
