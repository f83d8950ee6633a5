import type { Comparison } from '../analysis/types.js';

/** The comparison as JSON for scripts (its text is laid out by render/stories.ts, story by story). */

/** The comparison as the JSON the issue specifies (plus the disagreements, by statement index). */
export function comparisonToJson(c: Comparison): object {
  return {
    topic: c.topic,
    terms: c.terms,
    articles: c.articles.map((a) => ({ id: a.id, title: a.title, date: a.date })),
    statements: c.statements.map((s) => ({
      article: s.article,
      speaker: s.speaker,
      kind: s.kind,
      stance: s.stance,
      text: s.text,
      dates: s.dates,
      evidence: s.evidence,
      speakerRole: s.speakerRole ?? null,
      unnamed: s.unnamed === true,
    })),
    speakers: c.speakers.map((r) => ({
      name: r.name, aliases: r.aliases, articles: r.articles, statements: r.statements, role: r.role ?? null, unnamed: r.unnamed === true,
    })),
    disagreements: c.disagreements,
  };
}
