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
    const quoted = findReportingEvents('Mira Tolsen was QUOTED  as\tsaying the truce held.', findNames('Mira Tolsen was QUOTED  as\tsaying the truce held.', new Set()));
    expect(quoted.find((e) => e.verb === 'quoted as saying')?.subject).toMatchObject({ kind: 'name', mention: { name: 'Mira Tolsen' } });
  });

  it('reads "states" only as a lower-case verb before its content, and a statement from a body as the body', () => {
    expect(first('The ministry states that the truce holds.')?.subject).toMatchObject({ kind: 'body', text: 'The ministry' });
    expect(first('The Corran Relief Council states: the truce held.')?.subject).toMatchObject({ kind: 'name', mention: { name: 'Corran Relief Council' } });
    expect(first('The United States sent monitors to the port.')).toBeNull();
    expect(first('A brief statement issued by the Corran Relief Council said the truce held.')?.subject).toMatchObject({ kind: 'name', mention: { name: 'Corran Relief Council' } });
  });

  it('leaves the agentless passive and a report inside a subordinate clause without a speaker', () => {
    expect(first('The truce was announced on the radio on Sunday.')).toBeNull();
    expect(first('An unnamed official, speaking on condition of anonymity, said the truce held.')?.subject).toMatchObject({ kind: 'unnamed' });
  });
});
