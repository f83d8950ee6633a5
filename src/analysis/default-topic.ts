/** The topic compared when none is named: the CLI's `compare`, the reader's `c`, the analysis's default. */
export const DEFAULT_TOPIC = 'ceasefire';
