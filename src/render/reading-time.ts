/**
 * Reading time, apart from the article renderer: the list shows it at start, and importing the renderer
 * would put marked and marked-terminal on the start path.
 */

/** Words a person reads in a minute, for "5 min read". */
export const WORDS_PER_MINUTE = 200;

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** "1 word", "1,234 words". */
export function wordCount(words: number): string {
  return `${words.toLocaleString('en-US')} ${words === 1 ? 'word' : 'words'}`;
}
