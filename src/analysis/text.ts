import type { AnalysisInput } from './types.js';

/** The paragraph separator in the analysis text: every Evidence offset counts it. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/** The article text every analysis offset refers to. */
export function analysisText(input: Pick<AnalysisInput, 'paragraphs'>): string {
  return input.paragraphs.join(PARAGRAPH_SEPARATOR);
}
