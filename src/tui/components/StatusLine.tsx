import { Text } from 'ink';
import { statusRow } from '../status.js';

export interface StatusLineProps {
  left: string;
  right?: string;
  cols: number;
  /** Inverse video sets the bar apart; without colour it stays plain text (the layout says what it is). */
  color: boolean;
}

/** One line at the bottom: what is going on at the left, where you are at the right. */
export function StatusLine({ left, right = '', cols, color }: StatusLineProps) {
  return <Text wrap="truncate-end">{statusRow(left, right, cols, color)}</Text>;
}
