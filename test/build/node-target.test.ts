import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script without types
import { NODE_TARGET } from '../../scripts/node-target.mjs';

// The analysis has hundreds of regex literals with \p{…} inside functions called per sentence. If
// the build turned them into `new RegExp("…")`, each call would make a new one (see node-target.mjs).
describe('the build target', () => {
  it('keeps a regex literal with Unicode property escapes a literal', async () => {
    const source = 'export function capital(word) { return /^\\p{Lu}\\p{Ll}+$/u.test(word); }';
    const { code } = await transform(source, { ...NODE_TARGET, format: 'esm', minify: true });
    expect(code).toContain('/^\\p{Lu}\\p{Ll}+$/u');
    expect(code).not.toContain('new RegExp');
  });

  it('would not without it (the default for node20 rewrites the literal)', async () => {
    const source = 'export const capital = (word) => /^\\p{Lu}$/u.test(word);';
    const { code } = await transform(source, { target: NODE_TARGET.target, format: 'esm', minify: true });
    expect(code).toContain('new RegExp');
  });
});
