import type { Comparison, Story, StoryReport } from '../analysis/types.js';
import { appendComparisonGroups } from './comparison.js';
import { GUTTER, type Sheet } from './sheet.js';
import { appendStorySections } from './story-sections.js';
import { makeStyles, type Styles } from './style.js';
import { wrapLine } from './text.js';

/**
 * The stories view (each story: its articles with outlet, date and title, its main people and places,
 * its span of dates) and the comparison grouped by story: each story's statements laid out as the
 * comparison screen lays them out, and with a story report (`compare --story`) the screen's story
 * sections. Pure: stories and a width in, lines and items out.
 */

export interface StoriesLayout {
  width: number;
  color: boolean;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function spanText(story: Story): string {
  if (!story.span) return 'undated';
  return story.span.from === story.span.to ? story.span.from : `${story.span.from} to ${story.span.to}`;
}

/** One story's heading and articles, every line after `indent`. */
function pushStoryHeading(lines: string[], story: Story, indent: string, width: number, styles: Styles): void {
  const push = (text: string, more = ''): void => {
    for (const row of wrapLine(`${indent}${more}${text}`, width)) lines.push(row);
  };
  push(`${styles.strong(story.title)} ${styles.dim(`[${story.id}] ${plural(story.articles.length, 'article')}, ${plural(story.outlets, 'outlet')}, ${spanText(story)}`)}`);
  for (const a of story.articles) push(`${styles.accent(a.source ?? '(no outlet)')}, ${a.date ?? 'undated'}: ${a.title || a.id} ${styles.dim(`(${a.id})`)}`, '  ');
  if (story.people.length > 0) push(`${styles.dim('people:')} ${story.people.join(', ')}`, '  ');
  if (story.places.length > 0) push(`${styles.dim('places:')} ${story.places.join(', ')}`, '  ');
}

/** Every story, one after another. */
export function storiesSheet(stories: readonly Story[], layout: StoriesLayout): Sheet {
  const styles = makeStyles(layout.color);
  const articles = stories.reduce((n, s) => n + s.articles.length, 0);
  const shared = stories.filter((s) => s.articles.length > 1).length;
  const lines = [`${plural(stories.length, 'story', 'stories')} in ${plural(articles, 'article')} (${shared} told by more than one article)`];
  if (stories.length === 0) lines.push('', 'No articles are loaded.');
  for (const story of stories) {
    lines.push('');
    pushStoryHeading(lines, story, '', layout.width, styles);
  }
  return { lines, anchors: [] };
}

/** The comparison's statements of one story, as a comparison of its own (disagreements re-indexed). */
export function comparisonOfStory(c: Comparison, story: Story): Comparison {
  const ids = new Set(story.articles.map((a) => a.id));
  const kept: number[] = [];
  c.statements.forEach((s, i) => ids.has(s.article) && kept.push(i));
  const newIndex = new Map(kept.map((old, i) => [old, i]));
  const statements = kept.map((i) => c.statements[i]);
  const speakers = c.speakers
    .map((row) => ({ ...row, articles: row.articles.filter((a) => ids.has(a)), statements: statements.filter((s) => s.speaker === row.name).length }))
    .filter((row) => row.statements > 0);
  return {
    ...c,
    articles: c.articles.filter((a) => ids.has(a.id)),
    statements,
    speakers,
    disagreements: c.disagreements
      .filter((d) => newIndex.has(d.a) && newIndex.has(d.b))
      .map((d) => ({ ...d, a: newIndex.get(d.a)!, b: newIndex.get(d.b)! })),
  };
}

/**
 * The comparison grouped by story: each story that has statements, its articles, then its speakers,
 * narration and disagreements. With a report (`compare --story`), the story's quote provenance,
 * figures, voice share and unnamed sources follow.
 */
export function comparisonByStorySheet(c: Comparison, stories: readonly Story[], layout: StoriesLayout, report?: StoryReport): Sheet {
  const width = Math.max(GUTTER.length + 8, Math.floor(layout.width));
  const styles = makeStyles(layout.color);
  const position = new Map(c.articles.map((a, i) => [a.id, i]));
  const articleIndex = (id: string): number => position.get(id) ?? -1;
  const withTopic = new Set(c.statements.map((s) => s.article));
  const told = stories.filter((story) => story.articles.some((a) => withTopic.has(a.id)));
  let sheet: Sheet = { lines: [], anchors: [] };
  const push = (text: string, indent = GUTTER): void => {
    for (const row of wrapLine(`${indent}${text}`, width)) sheet.lines.push(row);
  };
  push(styles.strong(`Topic: ${c.topic}`));
  push(styles.dim(`Terms: ${c.terms.join(', ')}`));
  push(`${plural(c.statements.length, 'statement')} in ${withTopic.size} of ${plural(c.articles.length, 'article')}, ${plural(told.length, 'story', 'stories')}`);
  if (c.statements.length === 0) {
    sheet.lines.push('');
    push(`No article mentions ${c.topic}.`);
  }
  const heading = (story: Story): void => {
    sheet.lines.push('');
    push(styles.strong(`━━ Story ${story.id}`));
    pushStoryHeading(sheet.lines, story, GUTTER, width, styles);
  };
  for (const story of told) {
    heading(story);
    sheet = appendComparisonGroups(sheet, comparisonOfStory(c, story), { width, color: layout.color, order: 'speaker', articleIndex });
    if (!report && story.articles.length > 1) {
      sheet.lines.push('');
      push(styles.dim(`quotes, figures and voices: newsdesk compare ${c.topic} --story ${story.id}`));
    }
  }
  if (report) {
    if (!told.includes(report.story)) heading(report.story);
    sheet = appendStorySections(sheet, [report], { width, color: layout.color, articleIndex });
  }
  return sheet;
}
