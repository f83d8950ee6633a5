// Stands in for cli-highlight in the bundle: marked-terminal catches the throw and styles code blocks
// with our own code style instead of colouring their syntax.
export function highlight() {
  throw new Error('syntax highlighting is not bundled');
}
export default { highlight };
