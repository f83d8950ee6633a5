import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/run-cli.js';

const evidenceShape = { sentence: expect.any(Number), start: expect.any(Number), end: expect.any(Number) };

describe('newsdesk summary', () => {
  it('--json prints the key facts with their evidence', () => {
    const { status, stdout } = runCli(['summary', 'sumy-strike-witkoff', '--json']);
    expect(status).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ id: 'sumy-strike-witkoff', date: '2025-04-14' });
    expect(typeof summary.title).toBe('string');
    expect(typeof summary.lead).toBe('string');
    for (const key of ['casualties', 'quantities', 'people', 'places', 'organizations', 'dates', 'quotes']) {
      expect(Array.isArray(summary[key])).toBe(true);
    }
    expect(summary.casualties).toContainEqual(
      expect.objectContaining({ kind: 'killed', count: 34, evidence: expect.objectContaining(evidenceShape) }),
    );
    expect(summary.people).toContainEqual(
      expect.objectContaining({ name: 'Steve Witkoff', mentions: expect.any(Number), evidence: expect.anything() }),
    );
    expect(summary.organizations.every((org: { name: unknown; mentions: unknown }) => typeof org.name === 'string' && typeof org.mentions === 'number')).toBe(true);
    for (const quote of summary.quotes) expect(quote).toEqual(expect.objectContaining({ text: expect.any(String), evidence: expect.objectContaining(evidenceShape) }));
  });

  it('prints a readable sheet without escape sequences in a pipe', () => {
    const { status, stdout } = runCli(['summary', 'kellogg-mass-attack', '--width', '72']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Keith Kellogg/);
    expect(stdout).not.toMatch(/\x1b/);
  });

  it('an unknown id exits 2 with a hint', () => {
    const { status, stderr } = runCli(['summary', 'sumy']);
    // "sumy" is a prefix of exactly one id, so it opens that article.
    expect(status).toBe(0);
    const unknown = runCli(['summary', 'nothing-like-it']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no article with id "nothing-like-it"\. Did you mean:/);
    expect(stderr).toBe('');
  });
});

describe('newsdesk compare', () => {
  it('--json prints {topic, terms, articles, statements, speakers}', () => {
    const { status, stdout } = runCli(['compare', '--json']);
    expect(status).toBe(0);
    const comparison = JSON.parse(stdout);
    expect(comparison.topic).toBe('ceasefire');
    expect(comparison.terms).toEqual(expect.arrayContaining(['ceasefire', 'truce']));
    expect(comparison.articles.map((article: { id: string }) => article.id).sort()).toEqual([
      'kellogg-mass-attack',
      'kyiv-strike-ceasefire',
      'sumy-strike-witkoff',
    ]);
    for (const statement of comparison.statements) {
      expect(statement).toEqual(
        expect.objectContaining({
          article: expect.any(String),
          kind: expect.stringMatching(/^(direct|indirect|narration)$/),
          stance: expect.any(String),
          text: expect.any(String),
          dates: expect.any(Array),
          evidence: expect.objectContaining(evidenceShape),
        }),
      );
      expect(statement.speaker === null || typeof statement.speaker === 'string').toBe(true);
    }
    const zelensky = comparison.speakers.filter((speaker: { name: string }) => /zelensk/i.test(speaker.name));
    expect(zelensky).toHaveLength(1);
    expect(zelensky[0]).toEqual(expect.objectContaining({ aliases: expect.any(Array), articles: expect.any(Array), statements: expect.any(Number) }));
  });

  it('takes any topic word, and --dir', () => {
    const sanctions = JSON.parse(runCli(['compare', 'sanctions', '--json']).stdout);
    expect(sanctions.topic).toBe('sanctions');
    expect(sanctions.statements.length).toBeGreaterThan(0);
    const mixed = runCli(['compare', '--json', '--dir', join(repoRoot, 'test', 'fixtures', 'library', 'good')]);
    expect(mixed.status).toBe(0);
    expect(JSON.parse(mixed.stdout).statements).toEqual([]);
  });

  it('prints the comparison grouped by speaker as plain text in a pipe', () => {
    const { status, stdout } = runCli(['compare']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Kellogg/);
    expect(stdout).toMatch(/Zelensk/);
    expect(stdout).not.toMatch(/\x1b/);
  });
});
