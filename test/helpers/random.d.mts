/** Types of random.mjs: one seeded generator (mulberry32) for tests, fuzzing and the bench. */
export function seededRandom(seed: number): () => number;
