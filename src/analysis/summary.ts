import type { AnalysisInput, Evidence, Sentence, Summary } from './types.js';
import { splitSentences } from './sentences.js';
import { findEntities } from './entities.js';
import { attributeSentences, extractQuotes } from './attribution.js';
import { findCasualties } from './casualties.js';
import { findQuantities } from './quantities.js';
import { findDates } from './dates.js';
import { pickLead } from './lead.js';

/**
 * The key facts of one article, each with the sentence it came from. One pass per kind of
 * fact over the same sentence list, so every Evidence points into the same numbering.
 */

function sentenceEvidence(s: Sentence): Evidence {
  return { sentence: s.index, paragraph: s.paragraph, start: s.start, end: s.end };
}

export function summarize(input: AnalysisInput): Summary {
  const sentences = splitSentences(input);
  const { people, places, organizations } = findEntities(input, sentences);
  const attributions = attributeSentences(input, sentences, people);
  const quotes = extractQuotes(input, sentences, attributions);
  const lead = pickLead(sentences, input.title);
  return {
    id: input.id,
    title: input.title,
    date: input.date,
    lead: lead.map((s) => s.text).join(' '),
    leadEvidence: lead.map(sentenceEvidence),
    casualties: findCasualties(input, sentences),
    quantities: findQuantities(input, sentences),
    people,
    places,
    organizations,
    dates: findDates(input, sentences),
    quotes,
  };
}
