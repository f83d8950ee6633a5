import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseMarkdownArticle, parseSimpleFrontMatter } from '../../src/library/parse.js';

/** Pieces front matter values are built from: the forms the fast reader takes, and near misses. */
const valuePiece = fc.constantFrom(
  'Kyiv', 'talks', 'a', 'Z9', ' ', '  ', '"', "'", "''", '#', ' #', ':', ': ', ',', ', ', '[', ']', '{', '}', '-', '- ', '.',
  '0', '2024', '2024-05-01', '1e3', '0x1F', '.5', 'null', 'Null', 'NULL', 'nULL', '~', 'true', 'True', 'false', 'yes', 'on',
  '\\', '\\n', '\\x41', '\\u00e9', '\t', 'é', 'Élysée', '停火', '🕊', '\u00a0', '\u2028', '\u200b', '\ufeff', '\u0085', '&', '&a',
  '*a', '!', '!!str ', '|', '>', '%', '@', '`', '?', '? ', 'https://x.org/a?b=c', '<<', '\n', '\n  ', '\n- ',
);
const word = fc.constantFrom(
  'Kyiv', 'talks', 'a', 'Z9', 'x-y', 'é', 'Élysée', '停火', 'O\'Reilly', 'a,b', 'a:b', 'null', 'True', 'yes', '2024', '1e3', '0x1F', '.5', '-a', 'a#',
);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((list) => list.join(' '));
const value = fc.oneof(
  { arbitrary: words, weight: 2 },
  { arbitrary: words.map((text) => `"${text}"`), weight: 1 },
  { arbitrary: words.map((text) => `'${text}'`), weight: 1 },
  { arbitrary: fc.array(words, { maxLength: 3 }).map((list) => `[${list.join(', ')}]`), weight: 1 },
  { arbitrary: fc.array(valuePiece, { maxLength: 8 }).map((pieces) => pieces.join('')), weight: 3 },
);
const key = fc.constantFrom('title', 'date', 'source', 'tags', 'title', 'date', 'source', 'url', 'tags', 'other', 'x-y', 'true', 'null', '1', '"title"', ' title', 'title ', '__proto__', '');
const line = fc.tuple(key, fc.constantFrom(': ', ': ', ': ', ':', ':  ', ' : ', ': "', ': [', ': \''), value).map(([k, sep, v]) => `${k}${sep}${v}`);
const frontMatter = fc.array(line, { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n'));

function yamlResult(source: string): { data?: unknown; error?: true } {
  try {
    return { data: parseYaml(source, { maxAliasCount: 50 }) };
  } catch {
    return { error: true };
  }
}

describe('the fast front matter reader', () => {
  it('reads exactly what the yaml package reads, whenever it reads anything (property)', () => {
    let taken = 0;
    fc.assert(
      fc.property(frontMatter, (source) => {
        const fast = parseSimpleFrontMatter(source);
        if (fast === undefined) return;
        taken++;
        expect(yamlResult(source)).toStrictEqual({ data: fast });
      }),
      { numRuns: 20_000 },
    );
    // The property only means something if the fast reader takes a fair share of the inputs.
    expect(taken).toBeGreaterThan(100);
  });

  it('takes the front matter written by hand and by the corpus generator', () => {
    const source = 'title: "Dunmore braces for ceasefire talks 0"\ndate: 2024-05-01\nsource: Bench Wire\ntags: [bench, grain-deal]\nurl: https://example.org/a?b=1';
    expect(parseSimpleFrontMatter(source)).toStrictEqual(parseYaml(source));
  });

  it('leaves anything unusual to yaml, so articles read the same either way', () => {
    const text = '---\ntitle: "Caf\\u00e9 talks" # note\ntags:\n  - a\n  - b\n---\n\nBody text.\n';
    expect(parseSimpleFrontMatter('title: "Caf\\u00e9 talks" # note\ntags:\n  - a\n  - b')).toBeUndefined();
    const { article } = parseMarkdownArticle(text, 'x');
    expect(article.title).toBe('Café talks');
    expect(article.tags).toEqual(['a', 'b']);
  });
});
