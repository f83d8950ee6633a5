// Stands in for node-emoji in the bundle: we render with marked-terminal's `emoji: false`, so
// ":name:" shortcodes stay as written and the emoji table is never needed.
export function get() {
  return undefined;
}
export function emojify(text) {
  return text;
}
