import { describe, expect, it } from 'vitest';
import { mentionsTopic, topicTerms } from '../../src/analysis/topics.js';

describe('ceasefire topic', () => {
  it.each([
    'The ceasefire held overnight.',
    'A cease-fire was announced.',
    'Both sides signed a truce.',
    'The armistice of 1953 still stands.',
    'They called for a cessation of hostilities.',
    'A humanitarian pause began at dawn.',
    'A 30-day freeze on attacks ends Friday.',
    'Peace talks resume on Monday.',
    'He wants a permanent peace.',
    'They pushed to broker a peace deal.',
    'It is why he is working to stop this war.',
    'Nobody knows how to end the war.',
    'He promised ending the war quickly.',
  ])('matches "%s"', (s) => {
    expect(mentionsTopic(s, 'ceasefire')).toBe(true);
  });

  it.each([
    'Residents sought peace of mind.',
    'Fire crews worked through the night.',
    'The army opened fire on the convoy.',
    'The war continued for a third year.',
  ])('does not match "%s"', (s) => {
    expect(mentionsTopic(s, 'ceasefire')).toBe(false);
  });

  it('documents its terms', () => {
    expect(topicTerms('ceasefire')).toEqual(expect.arrayContaining(['ceasefire', 'truce', 'armistice', 'peace deal']));
  });
});

describe('any other topic', () => {
  it('matches the word and its inflections only', () => {
    expect(mentionsTopic('New sanctions were announced.', 'sanction')).toBe(true);
    expect(mentionsTopic('Banks were sanctioned.', 'sanction')).toBe(true);
    expect(mentionsTopic('Sanctioning them is hard.', 'sanction')).toBe(true);
    expect(mentionsTopic('The sanctuary was hit.', 'sanction')).toBe(false);
    expect(mentionsTopic('Two embassies closed.', 'embassy')).toBe(true);
    expect(topicTerms('sanction')).toContain('sanctions');
  });
});

describe('a plural topic word', () => {
  it('matches its singular and inflections too', () => {
    expect(mentionsTopic('The country was sanctioned.', 'sanctions')).toBe(true);
    expect(mentionsTopic('One sanction remains.', 'sanctions')).toBe(true);
    expect(mentionsTopic('Two embassies closed.', 'embassies')).toBe(true);
    expect(mentionsTopic('The embassy closed.', 'embassies')).toBe(true);
    expect(mentionsTopic('Talks stalled.', 'talks')).toBe(true);
  });
});
