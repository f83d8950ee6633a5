import { Command } from '../keymap.js';

/**
 * The prompt at the bottom (or top) of a screen while a filter or a search is typed. Its update says
 * what became of the text; the reducer applies it to the list (a filter, as you type) or the article
 * (a search, on Enter).
 */
export interface PromptSlice {
  purpose: 'filter' | 'search' | 'topic';
  text: string;
}

export type PromptOutcome =
  | { kind: 'changed'; prompt: PromptSlice }
  | { kind: 'accept'; text: string }
  | { kind: 'cancel' }
  /** A key the prompt leaves to the screen under it (the arrows move the selection while filtering). */
  | { kind: 'pass'; command: Command };

export function typeInPrompt(prompt: PromptSlice, text: string): PromptSlice {
  return { ...prompt, text: prompt.text + text };
}

export function updatePrompt(prompt: PromptSlice, command: Command): PromptOutcome {
  switch (command) {
    case Command.Accept:
      return { kind: 'accept', text: prompt.text };
    case Command.Cancel:
      return { kind: 'cancel' };
    case Command.DeleteChar:
      return { kind: 'changed', prompt: { ...prompt, text: [...prompt.text].slice(0, -1).join('') } };
    default:
      return { kind: 'pass', command };
  }
}
