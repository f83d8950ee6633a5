import type { ThemeOverrides } from '../render/style.js';
import { BINDINGS, type Binding } from './keymap.js';

/** The reader's settings from its config file (config.ts reads it; this file keeps yaml off the start path). */
export interface ReaderConfig {
  bindings: readonly Binding[];
  theme: 'dark' | 'light' | 'mono';
  colors: ThemeOverrides;
  topic: string | null;
  topics: string[];
  mouse: boolean;
}

export const DEFAULT_CONFIG: ReaderConfig = { bindings: BINDINGS, theme: 'dark', colors: {}, topic: null, topics: [], mouse: false };
