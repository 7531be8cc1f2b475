// Placeholder route module: replaced by the feature that owns this screen.
export function Component() {
  return <p>agent-history</p>;
}
