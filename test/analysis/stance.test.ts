import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUES, SPLIT_FRAME, stanceOf, stancesDisagree, statementStance } from '../../src/analysis/stance.js';
import type { Stance } from '../../src/analysis/types.js';

describe('stanceOf', () => {
  it.each([
    ['Ukraine agreed to a full ceasefire.', 'accepts'],
    ['Varnia rejected the truce outright.', 'rejects'],
    ['There will be no truce while troops remain.', 'rejects'],
    ['They condemned the violation of the ceasefire.', 'violation'],
    ['The ceasefire had been broken forty times.', 'violation'],
    ['The mediators proposed a humanitarian pause.', 'proposes'],
    ['Hopes for an Easter ceasefire are slipping away.', 'doubts'],
    ['We hope the truce will hold.', 'hopes'],
    ['The truce ends Friday.', 'deadline'],
    ['His deadline to impose a ceasefire passed.', 'deadline'],
    ['The Black Sea truce remains on hold.', 'on-hold'],
    ['The armistice expired at midnight.', 'expired'],
    ['He is working to stop this war.', 'supports'],
    ['The ceasefire line runs along the river.', 'neutral'],
  ])('%s -> %s', (text, stance) => {
    expect(stanceOf(text)).toBe(stance);
  });

  it('pairs opposing stances only', () => {
    expect(stancesDisagree('accepts', 'rejects')).toBe(true);
    expect(stancesDisagree('doubts', 'hopes')).toBe(true);
    expect(stancesDisagree('accepts', 'proposes')).toBe(false);
    expect(stancesDisagree('neutral', 'rejects')).toBe(false);
  });
});

describe('stance pre-checks', () => {
  // The old way, kept as the reference: every cue tried in turn, the frame always replaced.
  const referenceStanceOf = (text: string): Stance => {
    for (const [stance, re] of CUES) if (re.test(text)) return stance;
    return 'neutral';
  };
  const referenceStatementStance = (text: string): Stance => referenceStanceOf(text.replace(SPLIT_FRAME, ' '));
  // Text made of the cues' own letters runs (whole words and pieces such as "violat", "br", "oke"), with spaces, marks and case changes.
  const fragments = [...new Set(CUES.flatMap(([, re]) => re.source.match(/[a-z']{2,}/gi) ?? []))];
  const piece = fc.oneof(
    fc.constantFrom(...fragments),
    fc.constantFrom(...fragments).map((w) => w.toUpperCase()),
    fc.constantFrom(' ', ' ', ' ', '  ', '\n', '.', ',', '-', '"', '”', '“', "n't", 'said', 'the', 'x', 'é', '\u00a0', 'ſ', 'K'),
  );
  const text = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));
  const spaced = fc.array(fc.constantFrom(...fragments), { maxLength: 8 }).map((p) => p.join(' '));

  it('stanceOf agrees with trying every cue in turn', () => {
    fc.assert(
      fc.property(fc.oneof(text, spaced, fc.string({ maxLength: 30 })), (t) => {
        expect(stanceOf(t)).toBe(referenceStanceOf(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('statementStance agrees with always taking the frame out', () => {
    const frame = fc.constantFrom(',” she said, “', '," he told reporters, "', '” said Ana Reyes, “', ', ” he said,"');
    const quoted = fc.tuple(text, frame, text).map(([a, f, b]) => a + f + b);
    fc.assert(
      fc.property(fc.oneof(quoted, text, spaced), (t) => {
        expect(statementStance(t)).toBe(referenceStatementStance(t));
      }),
      { numRuns: 10_000 },
    );
  });
});
