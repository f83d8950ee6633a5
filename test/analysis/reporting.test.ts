import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNames, midSentenceCaps } from '../../src/analysis/mentions.js';
import { findReportingEvents, findVerbs } from '../../src/analysis/reporting.js';
import { ACT, ENACT, PHRASES, SAY } from '../../src/analysis/reporting-verbs.js';

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

  it('finds the verbs the one alternation of every verb and phrase would, in any text', () => {
    // The pattern findVerbs stands for: the longest alternative first, the first space of a phrase as \s+.
    const alternation = new RegExp(`\\b(?:${[...PHRASES.map(([p]) => p.replace(' ', '\\s+')), ...SAY, ...ACT, ...ENACT].sort((a, b) => b.length - a.length).join('|')})\\b`, 'gi');
    const reference = (text: string) => [...text.matchAll(alternation)].map((m) => ({ index: m.index, text: m[0] }));
    const pieces = ['said', 'Said', 'SAYS', 'ruled', 'out', 'Ruled', 'OUT', 'made', 'it', 'clear', 'CLEAR', 'called', 'for', 'on', 'hit', 'back', 'bac\u212a', 'put', 'states', 'told', 'x', '_', '9', 'é', 'ſaid'];
    const gaps = [' ', '  ', '\u00a0', '\n', '', ',', '-', '“', 'é', '_', '1'];
    const text = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...gaps)), { maxLength: 12 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
    fc.assert(
      fc.property(text, (sentence) => {
        expect(findVerbs(sentence)).toEqual(reference(sentence));
      }),
      { numRuns: 2000 },
    );
    expect(findVerbs('He ruled  out talks and made it clear, then said so.').map((m) => m.text)).toEqual(['ruled  out', 'made it clear', 'said']);
  });
});
