// Scores of a clustering against gold stories, shared by the evaluation and the method bench.

/**
 * Purity (each found story's share of its commonest gold story) and completeness (each gold story's
 * share found in one story), over every article; articles no gold story lists are stories of one.
 * Both are 1 exactly when the found stories are the gold ones.
 */
export function clusteringScores(found, goldOf) {
  const label = (id) => goldOf.get(id) ?? `alone:${id}`;
  const ids = found.flat();
  const n = ids.length;
  if (n === 0) return { purity: 1, completeness: 1 };
  let purity = 0;
  const storyOf = new Map();
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
  return { purity: purity / n, completeness: completeness / n };
}
