import { configFilePath, readConfigFile } from '../platform/config-file.js';
import { DEFAULT_CONFIG, type ReaderConfig } from './config-defaults.js';

export interface LoadedConfig {
  config: ReaderConfig;
  /** What is wrong with the file (named with its path, line and key); the defaults are used then. */
  problem: string | null;
}

/**
 * The config file's settings, read before the first frame so that frame is drawn with the keys and
 * theme Ink then uses (nothing jumps). The yaml parser loads only when there is a file.
 */
export async function loadReaderConfig(path: string = configFilePath()): Promise<LoadedConfig> {
  const { text, problem } = readConfigFile(path);
  if (text === null) return { config: DEFAULT_CONFIG, problem };
  const { parseConfig } = await import('./config.js');
  return parseConfig(text, path);
}
