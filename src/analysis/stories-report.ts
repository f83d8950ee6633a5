import type { Story, StoryInput, StoryReport } from './types.js';
import { summarize } from './summary.js';
import { quoteProvenance, type StoryMember } from './stories-quotes.js';
import { numberConflicts } from './stories-numbers.js';
import { unnamedSources, voiceShare } from './stories-voices.js';

/**
 * What the articles of one story say differently: quote provenance, number conflicts, voice share
 * and unnamed sourcing, from each article's summary. Summaries are computed here, for the story's
 * articles only, so a library of thousands pays only for the stories asked about.
 */
export function storyReport(story: Story, inputs: StoryInput[]): StoryReport {
  const byId = new Map(inputs.map((i) => [i.id, i]));
  // The story lists its articles earliest first; provenance relies on that order.
  const members: StoryMember[] = story.articles
    .map((a) => byId.get(a.id))
    .filter((i): i is StoryInput => i !== undefined)
    .map((input) => ({ input, summary: summarize(input) }));
  return {
    story,
    quotes: quoteProvenance(members),
    conflicts: numberConflicts(members),
    voices: voiceShare(members),
    unnamed: unnamedSources(members),
  };
}
