// Stories: `stories --json` and `compare --story <id> --json` against the gold's "stories" list.
//
// Figures per set (sets whose gold has a "stories" list):
//   story purity        each found story's share of its commonest gold story, over all articles
//                       (an article no gold story lists is a story of its own)
//   story completeness  each gold story's largest share found in one story, over all articles
//   shared quotes       gold shared quotes found: one quote entry of the story carried by every
//                       listed article, each carrier's words containing the gold's (normalised)
//   count conflicts     gold count conflicts found: a conflict of that kind giving each listed
//                       article's figure
//   false conflicts     conflicts reported in a gold story about a fact the gold lists no conflict for
import { fold } from './statements.mjs';

/**
 * Purity and completeness of `found` (lists of article ids) against `goldOf` (article id -> gold
 * story id); both are 1 exactly when the found stories are the gold ones.
 */
export function clusteringScores(found, goldOf) {
  const label = (id) => goldOf.get(id) ?? `alone:${id}`;
  const ids = found.flat();
  if (ids.length === 0) return { purity: 1, completeness: 1 };
  const storyOf = new Map();
  let purity = 0;
  found.forEach((group, k) => {
    const counts = new Map();
    for (const id of group) {
      counts.set(label(id), (counts.get(label(id)) ?? 0) + 1);
      storyOf.set(id, k);
    }
    purity += Math.max(...counts.values());
  });
  const classes = new Map();
  for (const id of ids) classes.set(label(id), [...(classes.get(label(id)) ?? []), id]);
  let completeness = 0;
  for (const members of classes.values()) {
    const counts = new Map();
    for (const id of members) counts.set(storyOf.get(id), (counts.get(storyOf.get(id)) ?? 0) + 1);
    completeness += Math.max(...counts.values());
  }
  return { purity: purity / ids.length, completeness: completeness / ids.length };
}

export async function evaluate(ctx) {
  const rows = [];
  const misses = [];
  for (const set of ctx.sets) {
    const goldStories = set.gold?.stories;
    if (!Array.isArray(goldStories)) continue;
    const stories = await ctx.cli(['stories', '--json', '--dir', set.dir]);
    const goldOf = new Map(goldStories.flatMap((s) => s.articles.map((id) => [id, s.id])));
    const { purity, completeness } = clusteringScores(stories.map((s) => s.articles.map((a) => a.id)), goldOf);
    rows.push({ set: set.name, measure: 'story purity', value: purity }, { set: set.name, measure: 'story completeness', value: completeness });

    const reports = new Map();
    const reportFor = async (articleId) => {
      const story = stories.find((s) => s.articles.some((a) => a.id === articleId));
      if (!story || story.articles.length < 2) return null;
      if (!reports.has(story.id)) reports.set(story.id, (await ctx.cli(['compare', '--json', '--dir', set.dir, '--story', story.id])).story);
      return reports.get(story.id);
    };
    let quotes = 0;
    let quotesFound = 0;
    let conflicts = 0;
    let conflictsFound = 0;
    let falseConflicts = 0;
    for (const gold of goldStories) {
      for (const s of gold.articles) if (stories.find((x) => x.articles.some((a) => a.id === s))?.articles.length === 1) misses.push(`${set.name}: ${s} stands alone; gold story ${gold.id}`);
      for (const q of gold.shared_quotes ?? []) {
        quotes++;
        const report = await reportFor(q.articles[0]);
        const words = fold(q.contains);
        const hit = report?.quotes.some((entry) =>
          q.articles.every((id) => entry.carriers.some((c) => c.article === id && fold(c.text).includes(words))),
        );
        if (hit) quotesFound++;
        else misses.push(`${set.name}: shared quote "${q.contains}" in ${q.articles.join(', ')} not found as one quote`);
      }
      for (const c of gold.count_conflicts ?? []) {
        conflicts++;
        const report = await reportFor(Object.keys(c.values)[0]);
        const hit = report?.conflicts.some(
          (found) => found.fact === c.kind && Object.entries(c.values).every(([id, n]) => found.figures.some((f) => f.article === id && f.count === n)),
        );
        if (hit) conflictsFound++;
        else misses.push(`${set.name}: ${c.kind} conflict ${JSON.stringify(c.values)} in ${gold.id} not found`);
      }
      const report = await reportFor(gold.articles[0]);
      for (const found of report?.conflicts ?? []) {
        if ((gold.count_conflicts ?? []).some((c) => c.kind === found.fact)) continue;
        falseConflicts++;
        misses.push(`${set.name}: false conflict in ${gold.id}: ${found.fact} ${found.figures.map((f) => `${f.article}=${f.count}`).join(', ')}`);
      }
    }
    rows.push(
      { set: set.name, measure: 'shared quotes', value: quotes ? quotesFound / quotes : 1 },
      { set: set.name, measure: 'count conflicts', value: conflicts ? conflictsFound / conflicts : 1 },
      { set: set.name, measure: 'false conflicts', value: falseConflicts, better: 'lower' },
    );
  }
  return { rows, misses };
}
