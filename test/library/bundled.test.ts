import { describe, expect, it } from 'vitest';
import { bundledArticlesDir } from '../../src/library/bundled.js';
import { loadArticles } from '../../src/library/load.js';

describe('the bundled articles', () => {
  const { articles, problems } = loadArticles([bundledArticlesDir()]);
  const byId = Object.fromEntries(articles.map((article) => [article.id, article]));

  it('load without problems, newest first', () => {
    expect(problems).toEqual([]);
    expect(articles.map((article) => article.id)).toEqual([
      'kellogg-mass-attack',
      'kyiv-strike-ceasefire',
      'sumy-strike-witkoff',
    ]);
  });

  it('have their titles, dates and paragraph counts', () => {
    expect(byId['kellogg-mass-attack'].title).toBe(
      "Russia's mass attack shows Kremlin not interested in ending war diplomatically, Trump's Ukraine envoy says",
    );
    expect(byId['kellogg-mass-attack'].date).toBe('2025-09-07');
    expect(byId['kyiv-strike-ceasefire'].date).toBe('2025-04-24');
    expect(byId['sumy-strike-witkoff'].date).toBe('2025-04-14');
    expect(byId['kellogg-mass-attack'].paragraphs).toHaveLength(13);
    expect(byId['kyiv-strike-ceasefire'].paragraphs).toHaveLength(13);
    expect(byId['sumy-strike-witkoff'].paragraphs).toHaveLength(12);
    expect(byId['kellogg-mass-attack'].paragraphs[0]).toMatch(/^Russia appears to be escalating/);
    expect(byId['kyiv-strike-ceasefire'].paragraphs[0]).toMatch(/^In the early hours of Thursday morning/);
    expect(byId['sumy-strike-witkoff'].paragraphs[0]).toMatch(/^A Russian missile strike on the Ukrainian city of Sumy/);
  });

  it('keep the credit and the related link of the Kyiv report out of its body', () => {
    const kyiv = byId['kyiv-strike-ceasefire'];
    expect(kyiv.credits).toEqual(['Image: State Emergency Service of Ukraine']);
    expect(kyiv.related).toEqual([{ text: 'Trump-Putin Talks: Ceasefire Stalemate and Unanswered Questions', url: null }]);
    expect(kyiv.paragraphs.at(-1)).toMatch(/^Ukraine is calling not for gestures/);
    expect(byId['kellogg-mass-attack'].credits).toEqual([]);
    expect(byId['sumy-strike-witkoff'].related).toEqual([]);
  });

  it('name no source outlet', () => {
    for (const article of articles) expect(article.source).toBeNull();
  });
});
