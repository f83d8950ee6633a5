import type { Comparison, Story, StoryReport } from '../analysis/types.js';
import { createStyler, type Styler } from './style.js';
import { evidencePointer } from './summary.js';
import { comparisonSections } from './compare.js';
import { wrapStyled } from '../render/wrap.js';

/**
 * Stories as text to read (each story: its articles with outlet, date and title, its main people
 * and places, its span of dates) and as JSON; and one story's report (quote provenance, number
 * conflicts, voice share, unnamed sources) for `compare --story`.
 */

export interface StoriesTextOptions {
  width: number;
  color: boolean;
}

function wrapIndented(text: string, indent: string, width: number): string[] {
  const room = Math.max(20, width - indent.length);
  return wrapStyled(text, room).map((l) => indent + l);
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function spanText(story: Story): string {
  if (!story.span) return 'undated';
  return story.span.from === story.span.to ? story.span.from : `${story.span.from} to ${story.span.to}`;
}

/** One story's heading and articles; shared by `stories` and the story sections of `compare`. */
export function storyHeadingLines(story: Story, width: number, st: Styler): string[] {
  const lines = wrapIndented(
    `${st.bold(story.title)} ${st.dim(`[${story.id}] ${plural(story.articles.length, 'article')}, ${plural(story.outlets, 'outlet')}, ${spanText(story)}`)}`,
    '',
    width,
  );
  for (const a of story.articles) {
    lines.push(...wrapIndented(`${st.accent(a.source ?? '(no outlet)')}, ${a.date ?? 'undated'}: ${a.title || a.id} ${st.dim(`(${a.id})`)}`, '  ', width));
  }
  if (story.people.length > 0) lines.push(...wrapIndented(`${st.dim('people:')} ${story.people.join(', ')}`, '  ', width));
  if (story.places.length > 0) lines.push(...wrapIndented(`${st.dim('places:')} ${story.places.join(', ')}`, '  ', width));
  return lines;
}

export function formatStoriesText(stories: Story[], options: StoriesTextOptions): string {
  const st = createStyler(options.color);
  const width = Math.max(40, options.width);
  const articles = stories.reduce((n, s) => n + s.articles.length, 0);
  const shared = stories.filter((s) => s.articles.length > 1).length;
  const lines = [`${plural(stories.length, 'story', 'stories')} in ${plural(articles, 'article')} (${shared} told by more than one article)`];
  if (stories.length === 0) lines.push('', 'No articles are loaded.');
  for (const story of stories) lines.push('', ...storyHeadingLines(story, width, st));
  return `${lines.join('\n')}\n`;
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

function outletOf(report: StoryReport, article: string): string {
  const a = report.story.articles.find((x) => x.id === article);
  return `${a?.source ?? article}, ${a?.date ?? 'undated'}`;
}

/** The story's report as text lines: what its articles say differently. */
export function storyReportLines(report: StoryReport, width: number, st: Styler): string[] {
  const lines: string[] = [];
  const shared = report.quotes.filter((q) => !q.drift);
  const drift = report.quotes.filter((q) => q.drift);
  lines.push('', st.bold(`Quotes carried by several outlets (${shared.length})`));
  for (const q of shared) {
    lines.push(...wrapIndented(`${st.accent(q.speaker ?? '(speaker not named)')}: “${q.text}”`, '  ', width));
    lines.push(...wrapIndented(st.dim(`first: ${outletOf(report, q.earliest)}; carried by ${q.carriers.map((c) => `${outletOf(report, c.article)} ${evidencePointer(c.evidence)}`).join('; ')}`), '    ', width));
  }
  lines.push('', st.bold(`Quote drift: one quotation, different words (${drift.length})`));
  for (const q of drift) {
    lines.push(...wrapIndented(st.accent(q.speaker ?? '(speaker not named)'), '  ', width));
    for (const c of q.carriers) lines.push(...wrapIndented(`${st.dim(`${outletOf(report, c.article)} ${evidencePointer(c.evidence)}:`)} “${c.text}”`, '    ', width));
  }
  lines.push('', st.bold(`Figures that differ (${report.conflicts.length})`));
  for (const c of report.conflicts) {
    lines.push(...wrapIndented(`${st.warn(c.fact)}: ${c.figures.map((f) => `${f.count} — ${outletOf(report, f.article)}`).join('; ')} ${st.dim(`(${c.verdict === 'update' ? 'a later update' : 'contradiction'})`)}`, '  ', width));
    for (const f of c.figures) lines.push(...wrapIndented(`${st.dim(`${f.count}, ${outletOf(report, f.article)} ${evidencePointer(f.evidence)}:`)} ${f.sentence}`, '    ', width));
  }
  lines.push('', st.bold('Voice share by outlet'));
  for (const v of report.voices) {
    lines.push(...wrapIndented(st.accent(v.outlet), '  ', width));
    lines.push(...wrapIndented(`quoted: ${v.direct.join(', ') || '—'}`, '    ', width));
    lines.push(...wrapIndented(`reported: ${v.indirect.join(', ') || '—'}`, '    ', width));
    lines.push(...wrapIndented(`left out: ${v.absent.join(', ') || '—'}`, '    ', width));
  }
  lines.push('', st.bold(`Resting on unnamed sources (${report.unnamed.length})`));
  for (const u of report.unnamed) lines.push(...wrapIndented(`${st.dim(`${outletOf(report, u.article)} ${evidencePointer(u.evidence)}:`)} ${u.text}`, '  ', width));
  return lines;
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
 * The comparison grouped by story: each story that has statements, its articles, then its
 * speakers, narration and disagreements. With a report (`compare --story`), the story's quote
 * provenance, figures, voice share and unnamed sources follow.
 */
export function formatComparisonByStory(c: Comparison, stories: Story[], options: StoriesTextOptions, report?: StoryReport): string {
  const st = createStyler(options.color);
  const width = Math.max(40, options.width);
  const withTopic = new Set(c.statements.map((s) => s.article));
  const told = stories.filter((story) => story.articles.some((a) => withTopic.has(a.id)));
  const lines: string[] = [
    st.bold(`Topic: ${c.topic}`),
    ...wrapIndented(st.dim(`Terms: ${c.terms.join(', ')}`), '', width),
    `${plural(c.statements.length, 'statement')} in ${withTopic.size} of ${plural(c.articles.length, 'article')}, ${plural(told.length, 'story', 'stories')}`,
  ];
  if (c.statements.length === 0) lines.push('', `No article mentions ${c.topic}.`);
  for (const story of told) {
    lines.push('', st.bold(`━━ Story ${story.id}`), ...storyHeadingLines(story, width, st));
    // One by one: a story's comparison can be more lines than a call takes arguments (stack overflow).
    for (const l of comparisonSections(comparisonOfStory(c, story), width - 2, st)) lines.push(l ? `  ${l}` : l);
    if (!report && story.articles.length > 1) lines.push('', ...wrapIndented(st.dim(`quotes, figures and voices: newsdesk compare ${c.topic} --story ${story.id}`), '  ', width));
  }
  if (report) {
    if (!told.includes(report.story)) lines.push('', st.bold(`━━ Story ${report.story.id}`), ...storyHeadingLines(report.story, width, st));
    lines.push(...storyReportLines(report, width, st));
  }
  return `${lines.join('\n')}\n`;
}
