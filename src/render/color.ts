/**
 * Whether output should carry colour and style. chalk ignores NO_COLOR, so we decide here, once:
 * --no-color wins, then NO_COLOR (any non-empty value), then FORCE_COLOR, then whether the stream is a terminal.
 */
export function shouldUseColor(options: {
  noColorFlag: boolean;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}): boolean {
  const { noColorFlag, env, isTTY } = options;
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}

/**
 * Whether the marks we add (task boxes, bullets, table lines) should be plain ASCII: when the locale
 * in force (LC_ALL, then LC_CTYPE, then LANG) is set and names no UTF-8 character set, as with `LANG=C`.
 */
export function shouldUseAscii(env: Record<string, string | undefined>): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  if (!locale) return false;
  return !/utf-?8/i.test(locale);
}
