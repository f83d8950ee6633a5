import type { Comparison, Story, StoryReport } from '../analysis/types.js';
import { comparisonByStorySheet, storiesSheet } from '../render/stories.js';
import { sheetText } from './sheet.js';

/**
 * Stories as text (render/stories.ts lays them out) and as JSON; and the comparison grouped by story,
 * with one story's report (quote provenance, number conflicts, voice share, unnamed sources) for
 * `compare --story`.
 */

export interface StoriesTextOptions {
  width: number;
  color: boolean;
}

export function formatStoriesText(stories: Story[], options: StoriesTextOptions): string {
  const width = Math.max(40, options.width);
  return sheetText(storiesSheet(stories, { width, color: options.color }), { width, color: options.color });
}

export function storiesToJson(stories: Story[]): object {
  return stories.map((s) => ({
    id: s.id,
    title: s.title,
    articles: s.articles.map((a) => ({ id: a.id, title: a.title, source: a.source, date: a.date })),
    outlets: s.outlets,
    people: s.people,
    places: s.places,
    span: s.span,
  }));
}

export function storyReportToJson(report: StoryReport): object {
  return {
    ...(storiesToJson([report.story]) as object[])[0],
    quotes: report.quotes,
    conflicts: report.conflicts,
    voices: report.voices,
    unnamed: report.unnamed,
  };
}

/** The comparison grouped by story, each statement ending with where it came from. */
export function formatComparisonByStory(c: Comparison, stories: Story[], options: StoriesTextOptions, report?: StoryReport): string {
  const width = Math.max(40, options.width);
  return sheetText(comparisonByStorySheet(c, stories, { width, color: options.color }, report), { width, color: options.color });
}
