import { describe, expect, it } from 'vitest';
import { findNames, midSentenceCaps } from '../../src/analysis/mentions.js';
import { findReportingEvents } from '../../src/analysis/reporting.js';

function first(text: string) {
  const events = findReportingEvents(text, findNames(text, midSentenceCaps([text])));
  return events.find((e) => e.subject || e.continues) ?? null;
}

describe('reporting events', () => {
  it('finds the subject past appositions and relative clauses', () => {
    const e = first('Tolsen, who met Brask in the port, Velmar, on Monday, said the pause would hold.');
    expect(e?.subject).toMatchObject({ kind: 'name', mention: { name: 'Tolsen' } });
  });

  it('reads the inverted verb, "according to", "reported X as saying" and the colon', () => {
    expect(first('“We stay,” said Mira Tolsen, the harbour envoy.')?.subject).toMatchObject({ kind: 'name', mention: { name: 'Mira Tolsen' } });
    expect(first('The pause held overnight, according to the Corran Relief Council.')?.subject).toMatchObject({ kind: 'name' });
    expect(first('The radio reported the navy as saying the truce held.')?.subject).toMatchObject({ kind: 'body', text: 'the navy' });
    expect(first('Tolsen put it bluntly: the truce was over.')).toMatchObject({ colon: true, content: true });
  });

  it('leaves the agentless passive and a report inside a subordinate clause without a speaker', () => {
    expect(first('The truce was announced on the radio on Sunday.')).toBeNull();
    expect(first('An unnamed official, speaking on condition of anonymity, said the truce held.')?.subject).toMatchObject({ kind: 'unnamed' });
  });
});
