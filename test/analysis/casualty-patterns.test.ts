import { describe, expect, it } from 'vitest';
import { findCasualties } from '../../src/analysis/casualties.js';
import { splitSentences } from '../../src/analysis/sentences.js';
import type { AnalysisInput } from '../../src/analysis/types.js';

/** Invented sentences for the casualty rules: exact counts or none. */

function counts(...paragraphs: string[]): string[] {
  const input: AnalysisInput = { id: 't', title: 't', date: '2026-05-12', paragraphs };
  return findCasualties(input, splitSentences(input)).map((c) => `${c.kind} ${c.count}`);
}

describe('casualties are exact or absent', () => {
  it('sums the groups of one clause', () => {
    expect(counts('Three soldiers and two civilians were killed near the depot.')).toEqual(['killed 5']);
    expect(counts('Four police officers and a driver were killed in the ambush.')).toEqual(['killed 5']);
    expect(counts('The blast killed one Varnish sailor and one Ostric fisherman.')).toEqual(['killed 2']);
  });

  it('does not add a list that breaks a count down, or a group with a verb of its own', () => {
    expect(counts('Three people, two firefighters and a night watchman, were treated for smoke inhalation.')).toEqual(['injured 3']);
    expect(counts('The storm killed 9 people and some 3,000 residents were evacuated.')).toEqual(['killed 9']);
  });

  it('reads number words, dozens and adjectives of state', () => {
    expect(counts('The fighting killed forty-one people.')).toEqual(['killed 41']);
    expect(counts('Two dozen wounded remained in hospital.')).toEqual(['injured 24']);
    expect(counts('He said 31 wounded people had been taken to hospital.')).toEqual(['injured 31']);
  });

  it('reads a death toll however long its subject', () => {
    expect(counts('The death toll from Monday’s shelling of the old covered market in Tessaly rose to 17 on Tuesday.')).toEqual(['killed 17']);
  });

  it('gives no count for an order of magnitude, and none for people displaced', () => {
    expect(counts('Scores have died since the spring.', 'Hundreds have died in the valley.', 'The war has killed tens of thousands.')).toEqual([]);
    expect(counts('The floods displaced 12,000 villagers and 400 families were evacuated.')).toEqual([]);
  });
});
