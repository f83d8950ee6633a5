import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadArticles } from '../../src/library/load.js';
import { toAnalysisInput } from '../../src/analysis/input.js';
import type { AnalysisInput } from '../../src/analysis/types.js';

/**
 * Articles for the analysis tests: the bundled ones through the real loader, and our own
 * fact fixtures, which are small text files with "title:" and "date:" header lines and
 * blank-line separated paragraphs.
 */

const ARTICLES_DIR = fileURLToPath(new URL('../../articles', import.meta.url));
const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/analysis/', import.meta.url));

export function loadBundledInputs(): Map<string, AnalysisInput> {
  const { articles } = loadArticles([ARTICLES_DIR]);
  return new Map(articles.map((a) => [a.id, toAnalysisInput(a)]));
}

export function readFactsFixture(name: string): AnalysisInput {
  const text = readFileSync(`${FIXTURES_DIR}${name}.txt`, 'utf8').replace(/\r\n/g, '\n');
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const header = blocks.shift() ?? '';
  const title = /^title:\s*(.+)$/m.exec(header)?.[1].trim() ?? name;
  const date = /^date:\s*(\d{4}-\d{2}-\d{2})$/m.exec(header)?.[1] ?? null;
  return { id: name, title, date, paragraphs: blocks.map((b) => b.replace(/\s+/g, ' ')) };
}
