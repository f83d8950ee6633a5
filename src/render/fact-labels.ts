import type { Casualty, Quantity, Qualifier, Quote } from '../analysis/types.js';

/**
 * How a fact reads as one line of text, shared by the printed summary and the reader's summary screen,
 * so that a count or a quote reads the same in both.
 */

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  over: 'over',
  about: 'about',
  'at least': 'at least',
  'up to': 'up to',
  under: 'under',
  nearly: 'nearly',
};

/** 1500000 -> "1.5 million": large figures read as the article wrote them. */
function figure(count: number): string {
  if (count >= 1_000_000_000) return `${+(count / 1_000_000_000).toFixed(2)} billion`;
  if (count >= 1_000_000) return `${+(count / 1_000_000).toFixed(2)} million`;
  return count.toLocaleString('en-US');
}

function qualified(count: number, qualifier: Qualifier, vague?: boolean): string {
  const fig = vague ? `${figure(count)}+ (vague)` : figure(count);
  const words = vague ? '' : QUALIFIER_WORDS[qualifier];
  return words ? `${words} ${fig}` : fig;
}

export function casualtyLabel(c: Casualty): string {
  const parts = [`${c.kind} ${qualified(c.count, c.qualifier, c.vague)}${c.group ? ` ${c.group}` : ''}`];
  if (c.including.length) parts.push(`(including ${c.including.map((i) => `${i.count} ${i.group}`).join(', ')})`);
  parts.push(`— “${c.text}”`);
  return parts.join(' ');
}

export function quantityLabel(q: Quantity): string {
  let head: string;
  if (q.category === 'money' && q.unit && !/^[a-z]/i.test(q.unit)) {
    const words = QUALIFIER_WORDS[q.qualifier];
    head = `${words ? words + ' ' : ''}${q.unit}${figure(q.count)}`;
  } else if (q.category === 'duration' && /\d-/.test(q.text)) {
    // "30-day freeze": keep the hyphenated form the article used.
    head = `${qualified(q.count, q.qualifier, q.vague)}-${q.what}`;
  } else {
    head = `${qualified(q.count, q.qualifier, q.vague)} ${q.what}`;
  }
  return `${head} (${q.category}) — “${q.text}”`;
}

/** Direct quotes in quote marks; reported speech marked as such, since those are not the speaker's words. */
export function quoteLabel(q: Quote): string {
  const who = q.speaker ?? 'Unattributed';
  return q.kind === 'direct' ? `${who}: “${q.text}”` : `${who} (reported): ${q.text}`;
}
