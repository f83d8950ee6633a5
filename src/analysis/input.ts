import type { Article } from '../library/types.js';
import type { AnalysisInput } from './types.js';

/** What the analysis reads from an article: its plain paragraphs (credits and "Read also" lines are already apart). */
export function toAnalysisInput(article: Article): AnalysisInput {
  return { id: article.id, title: article.title, date: article.date, paragraphs: article.paragraphs };
}
