import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AnalysisInput } from '../../src/analysis/types.js';

/** Lines that trail an article body as metadata, not prose ("Image: ...", "Read also:"). */
const METADATA = /^(?:Image|Photo|Read also|Read more|Source)\s*:/i;

/**
 * A minimal article reader for analysis tests: front matter (title, date) and the body's
 * paragraphs, stopping at the trailing "Image:" / "Read also:" metadata.
 */
export function articleInput(path: string): AnalysisInput {
  const raw = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  const head = fm ? fm[1] : '';
  const body = fm ? raw.slice(fm[0].length) : raw;
  const field = (name: string): string | null => {
    const m = new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(head);
    return m ? m[1].trim().replace(/^["']|["']$/g, '') : null;
  };
  const paragraphs: string[] = [];
  for (const block of body.split(/\n\s*\n/)) {
    const p = block.trim();
    if (!p) continue;
    if (METADATA.test(p)) break;
    paragraphs.push(p);
  }
  return { id: basename(path).replace(/\.(md|txt)$/, ''), title: field('title') ?? '', date: field('date'), paragraphs };
}

export function loadDir(dir: string, ext = '.md'): AnalysisInput[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => articleInput(join(dir, f)));
}

export const ARTICLES_DIR = new URL('../../articles/', import.meta.url).pathname;
export const FIXTURES_DIR = new URL('../fixtures/analysis/', import.meta.url).pathname;
