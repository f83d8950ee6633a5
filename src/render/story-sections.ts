import type { Evidence, StoryReport } from '../analysis/types.js';
import { makeStyles } from './style.js';
import { wrapLine } from './text.js';
import { GUTTER, type Sheet } from './sheet.js';

/**
 * The comparison screen's story sections: for each story told by several articles, the quotations
 * several outlets carried (and those whose wording drifted), the figures that differ and each
 * outlet's voice share. Every carrier and every figure is an item whose Enter shows its sentence.
 * Pure: reports and a width in, lines and items out, appended to the comparison's sheet.
 */

export interface StoryLayout {
  width: number;
  color: boolean;
  articleIndex: (id: string) => number;
}

export function appendStorySections(sheet: Sheet, reports: readonly StoryReport[], layout: StoryLayout): Sheet {
  const styles = makeStyles(layout.color);
  const lines = [...sheet.lines];
  const anchors = [...sheet.anchors];
  const push = (text: string, indent: string, style: (text: string) => string = (t) => t): void => {
    for (const row of wrapLine(`${indent}${style(text)}`, layout.width)) lines.push(row);
  };
  const item = (key: string, article: string, evidence: Evidence, text: string, indent: string): void => {
    const line = lines.length;
    push(text, indent);
    const index = layout.articleIndex(article);
    anchors.push({ key, line, end: lines.length, target: index >= 0 ? { article: index, evidence } : null });
  };
  const outlet = (report: StoryReport, id: string): string => {
    const a = report.story.articles.find((x) => x.id === id);
    return `${a?.source ?? id}, ${a?.date ?? 'undated'}`;
  };
  for (const report of reports) {
    const { story } = report;
    lines.push('');
    // The heading is an item too, so c on a story in the grouped list can put the cursor here.
    const heading = lines.length;
    push(`Story: ${story.title} · ${story.articles.length} articles, ${story.outlets} outlets`, GUTTER, styles.heading);
    anchors.push({ key: `story:${story.id}`, line: heading, end: lines.length, target: null });
    for (const [q, quote] of report.quotes.entries()) {
      push(`${quote.drift ? 'Quote drift' : 'Quoted by several'}: ${quote.speaker ?? 'speaker not named'} · first ${outlet(report, quote.earliest)}`, GUTTER + '  ', styles.strong);
      for (const [c, carrier] of quote.carriers.entries()) {
        item(`story:${story.id}:quote:${q}:${c}`, carrier.article, carrier.evidence, `${outlet(report, carrier.article)}: “${carrier.text}”`, GUTTER + '    ');
      }
    }
    for (const [k, conflict] of report.conflicts.entries()) {
      push(`Figures differ: ${conflict.fact} · ${conflict.verdict === 'update' ? 'a later update' : 'contradiction'}`, GUTTER + '  ', styles.strong);
      for (const [f, figure] of conflict.figures.entries()) {
        item(`story:${story.id}:figure:${k}:${f}`, figure.article, figure.evidence, `${figure.count} — ${outlet(report, figure.article)}: ${figure.sentence}`, GUTTER + '    ');
      }
    }
    if (report.voices.length > 0) push('Voice share by outlet', GUTTER + '  ', styles.strong);
    for (const voice of report.voices) {
      push(`${voice.outlet}: quotes ${voice.direct.join(', ') || 'no one'}; reports ${voice.indirect.join(', ') || 'no one'}; leaves out ${voice.absent.join(', ') || 'no one'}`, GUTTER + '    ', styles.dim);
    }
    for (const [u, unnamed] of report.unnamed.entries()) {
      item(`story:${story.id}:unnamed:${u}`, unnamed.article, unnamed.evidence, `unnamed source — ${outlet(report, unnamed.article)}: ${unnamed.text}`, GUTTER + '  ');
    }
  }
  return { lines, anchors };
}
