import { describe, expect, it } from 'vitest';
import { stanceOf, stancesDisagree } from '../../src/analysis/stance.js';

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
