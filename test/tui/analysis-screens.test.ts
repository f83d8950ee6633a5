import { describe, expect, it } from 'vitest';
import type { Comparison, Summary } from '../../src/analysis/types.js';
import type { Article } from '../../src/library/types.js';
import { paragraphOffset } from '../../src/analysis/text.js';
import { stripStyle } from '../../src/render/text.js';
import type { AnalysisOutcome, SentenceRange } from '../../src/tui/analysis-jobs.js';
import type { Model as State } from '../../src/tui/model.js';
import { reduce } from '../../src/tui/reduce.js';
import { makeArticle } from '../render/fixtures.js';
import { evidence } from './analysis-fixtures.js';
import { compare, press, reader, screen, startState, summary } from './helpers.js';

/**
 * The summary and comparison screens through the reducer, without a terminal and without the NLP:
 * the analysis results are made up to point at sentences of made-up articles, and handed to the
 * reducer the way the app hands it a finished job.
 */

const PARAGRAPHS = [
  'The dam at Orlin held through the night. Crews stacked sandbags along the east bank.',
  'Mayor Ines Valdor said the town would reopen the bridge on Friday. “We are not out of danger yet,” she added.',
  'More rain is forecast for the weekend.',
];

function article(id: string, title: string, date: string, paragraphs: string[]): Article {
  return makeArticle({ id, title, date, body: paragraphs.join('\n\n'), paragraphs });
}

const orlin = article('orlin-dam', 'Orlin dam holds as the river peaks', '2031-03-07', PARAGRAPHS);
const talks = article('river-talks', 'River talks stall over the truce', '2031-03-01', [
  'Envoy Pavel Dorn said the truce could hold if both sides kept their guns silent.',
  'The truce expires on March 15.',
]);
const articles = [orlin, talks];
const load = { articles, problems: [] };

/** Sentence ranges of a made-up article: split after a full stop (or closing quote) and a space. */
function sentencesOf(a: Article): SentenceRange[] {
  const out: SentenceRange[] = [];
  a.paragraphs.forEach((p, i) => {
    const base = paragraphOffset(a.paragraphs, i);
    for (const m of p.matchAll(/[^ ].*?[.!?][”"]?(?= |$)/g)) out.push({ start: base + m.index, end: base + m.index + m[0].length });
  });
  return out;
}

function rangeOf(a: Article, text: string, sentence: number) {
  const p = a.paragraphs.findIndex((para) => para.includes(text));
  const start = paragraphOffset(a.paragraphs, p) + a.paragraphs[p].indexOf(text);
  return evidence(sentence, p, start, start + text.length);
}

function orlinSummary(): Summary {
  const lead = PARAGRAPHS[0];
  return {
    id: orlin.id,
    title: orlin.title,
    date: orlin.date,
    lead,
    leadEvidence: [rangeOf(orlin, 'The dam at Orlin held through the night.', 0), rangeOf(orlin, 'Crews stacked sandbags along the east bank.', 1)],
    casualties: [],
    quantities: [],
    people: [{ name: 'Ines Valdor', role: 'Mayor', mentions: 1, aliases: [], evidence: [rangeOf(orlin, 'Ines Valdor', 2)] }],
    places: [],
    organizations: [],
    dates: [{ text: 'on Friday', date: '2031-03-07', event: null, evidence: rangeOf(orlin, 'on Friday', 2) }],
    quotes: [],
  };
}

function truceComparison(): Comparison {
  const first = rangeOf(talks, talks.paragraphs[0], 0);
  const second = rangeOf(talks, talks.paragraphs[1], 1);
  return {
    topic: 'ceasefire',
    terms: ['truce'],
    articles: articles.map(({ id, title, date }) => ({ id, title, date })),
    statements: [
      { article: talks.id, speaker: 'Pavel Dorn', kind: 'indirect', stance: 'hopes', text: talks.paragraphs[0], dates: [], evidence: first },
      { article: talks.id, speaker: null, kind: 'narration', stance: 'deadline', text: talks.paragraphs[1], dates: [{ text: 'March 15', date: '2031-03-15' }], evidence: second },
    ],
    speakers: [{ name: 'Pavel Dorn', aliases: ['Dorn'], articles: [talks.id], statements: 1 }],
    disagreements: [],
  };
}

function finish(state: State, outcome: Omit<AnalysisOutcome, 'job'>): State {
  expect(state.job).not.toBeNull();
  return reduce(state, { type: 'analysis-done', outcome: { job: state.job!, ...outcome } as AnalysisOutcome });
}

/** The highlighted text of the open article, as one line. */
function highlighted(state: State): string {
  const article = reader(state)!;
  return (article.highlight?.ranges ?? []).map((r) => stripStyle(article.doc.lines[r.line]).slice(r.start, r.end)).join(' ');
}

function summaryDone(state: State): State {
  return finish(state, { summary: orlinSummary(), sentences: { 0: sentencesOf(orlin) } });
}

function compareDone(state: State): State {
  return finish(state, { comparison: truceComparison(), sentences: { 1: sentencesOf(talks) } });
}

describe('the summary screen', () => {
  it('asks for the analysis of the selected article and says it is analysing until it comes', () => {
    const state = press(startState(load), 's');
    expect(screen(state)).toBe('summary');
    expect(state.job).toEqual({ kind: 'summary', article: 0 });
    expect(summary(state)?.sheet).toBeNull();
    expect(screen(press(state, 'j'))).toBe('summary');
  });

  it('moves over facts and shows a fact’s whole sentence in the article, highlighted', () => {
    let state = summaryDone(press(startState(load), 's'));
    expect(state.job).toBeNull();
    const sheet = summary(state)!.sheet!;
    const person = sheet.anchors.findIndex((a) => a.key.startsWith('People'));
    for (let i = 0; i < person; i++) state = press(state, 'j');
    expect(summary(state)!.viewport.cursor).toBe(person);
    state = press(state, 'enter');
    expect(screen(state)).toBe('article');
    expect(state.message).toMatch(/Esc: back to the summary/);
    expect(reader(state)!.index).toBe(0);
    // The fact is two words; the whole sentence that holds it is shown.
    expect(highlighted(state)).toBe('Mayor Ines Valdor said the town would reopen the bridge on Friday.');
    const line = reader(state)!.highlight!.ranges[0].line;
    expect(line).toBeGreaterThanOrEqual(reader(state)!.viewport.top);
  });

  it('comes back to the summary where it was, then to where it was opened from', () => {
    let state = press(startState(load), 'enter', 'j', 'j');
    const top = reader(state)!.viewport.top;
    state = summaryDone(press(state, 's'));
    state = press(state, 'j', 'enter');
    expect(screen(state)).toBe('article');
    state = press(state, 'escape');
    expect(screen(state)).toBe('summary');
    expect(summary(state)!.viewport.cursor).toBe(1);
    state = press(state, 'h');
    expect(screen(state)).toBe('article');
    expect(reader(state)!.viewport.top).toBe(top);
    expect(reader(state)!.highlight).toBeNull();
    state = press(state, 'escape');
    expect(screen(state)).toBe('list');
  });

  it('uses the cached summary the second time, without asking again', () => {
    let state = summaryDone(press(startState(load), 's'));
    state = press(state, 'escape', 's');
    expect(state.job).toBeNull();
    expect(summary(state)!.sheet).not.toBeNull();
  });

  it('says why when the analysis failed', () => {
    const state = finish(press(startState(load), 's'), { error: 'model missing' });
    expect(summary(state)!.error).toContain('model missing');
  });

  it('keeps the fact under the cursor and the highlight across a resize', () => {
    let state = summaryDone(press(startState(load), 's'));
    state = press(state, 'j', 'j');
    const key = summary(state)!.sheet!.anchors[2].key;
    state = reduce(state, { type: 'resize', size: { cols: 30, rows: 10 } });
    expect(summary(state)!.sheet!.anchors[summary(state)!.viewport.cursor].key).toBe(key);
    for (const line of summary(state)!.sheet!.lines) expect(stripStyle(line).length).toBeLessThanOrEqual(30);
    state = press(state, 'enter');
    const before = highlighted(state);
    state = reduce(state, { type: 'resize', size: { cols: 90, rows: 30 } });
    expect(highlighted(state)).toBe(before);
  });
});

describe('the comparison screen', () => {
  it('asks for the comparison over all articles, then lists statements with their speakers', () => {
    let state = press(startState(load), 'c');
    expect(screen(state)).toBe('compare');
    expect(state.job).toEqual({ kind: 'compare', topic: 'ceasefire' });
    state = compareDone(state);
    const text = compare(state)!.sheet!.lines.map(stripStyle).join('\n');
    expect(text).toContain('Pavel Dorn');
    expect(text).toContain('Narration');
  });

  it('switches to the timeline with t, keeping the statement under the cursor', () => {
    let state = compareDone(press(startState(load), 'c'));
    state = press(state, 'j');
    const key = compare(state)!.sheet!.anchors[compare(state)!.viewport.cursor].key;
    state = press(state, 't');
    expect(compare(state)!.order).toBe('timeline');
    expect(compare(state)!.sheet!.anchors[compare(state)!.viewport.cursor].key).toBe(key);
    state = press(state, 't');
    expect(compare(state)!.order).toBe('speaker');
  });

  it('opens a statement’s article at its sentence and comes back where it was', () => {
    let state = compareDone(press(startState(load), 'c'));
    state = press(state, 't', 'j');
    const cursor = compare(state)!.viewport.cursor;
    const statementKey = compare(state)!.sheet!.anchors[cursor].key;
    const statement = truceComparison().statements[Number(statementKey.split(':')[1])];
    state = press(state, 'enter');
    expect(screen(state)).toBe('article');
    expect(reader(state)!.index).toBe(1);
    expect(highlighted(state)).toBe(statement.text);
    state = press(state, 'escape');
    expect(screen(state)).toBe('compare');
    expect(compare(state)!.order).toBe('timeline');
    expect(compare(state)!.viewport.cursor).toBe(cursor);
    state = press(state, 'escape');
    expect(screen(state)).toBe('list');
  });

  it('opens from the summary and goes back to it', () => {
    let state = summaryDone(press(startState(load), 's'));
    state = press(state, 'c');
    expect(screen(state)).toBe('compare');
    state = press(state, 'escape');
    expect(screen(state)).toBe('summary');
  });

  it('draws help from anywhere and returns to the comparison', () => {
    let state = compareDone(press(startState(load), 'c'));
    state = press(state, '?');
    expect(screen(state)).toBe('help');
    state = press(state, 'escape');
    expect(screen(state)).toBe('compare');
  });
});

describe('search in the summary and comparison screens', () => {
  it('/ searches the comparison, n moves the cursor to the item with the match, and wrapping says so', () => {
    let state = compareDone(press(startState(load), 'c'));
    state = press(press(state, '/'), ...'truce', 'enter');
    const slice = compare(state)!;
    expect(slice.search.query).toBe('truce');
    expect(slice.search.matches.length).toBeGreaterThan(1);
    expect(slice.search.current).toBeGreaterThanOrEqual(0);
    const count = slice.search.matches.length;
    for (let i = 0; i < count - 1 - slice.search.current; i++) state = press(state, 'n');
    expect(compare(state)!.search.current).toBe(count - 1);
    const line = compare(state)!.search.matches[count - 1].line;
    const item = compare(state)!.sheet!.anchors[compare(state)!.viewport.cursor];
    expect(line >= item.line && line < item.end).toBe(true);
    state = press(state, 'n');
    expect(compare(state)!.search.current).toBe(0);
    expect(state.message).toBe('search wrapped');
  });

  it('/ then Enter on an empty search repeats the last search, in the summary too', () => {
    let state = compareDone(press(startState(load), 'c'));
    state = press(press(state, '/'), ...'truce', 'enter');
    state = press(state, 'escape', 'escape');
    expect(screen(state)).toBe('list');
    state = summaryDone(press(state, 's'));
    state = press(state, '/', 'enter');
    expect(summary(state)!.search.query).toBe('truce');
  });
});
