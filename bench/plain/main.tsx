import { createRoot } from 'react-dom/client';
import ReactDiffViewer from 'react-diff-viewer-continued';

/**
 * The benchmark's baseline: the same two texts the Review screen shows, rendered by
 * react-diff-viewer-continued with its default settings (split view, character diff, changed
 * lines with 3 lines of context, no virtualisation), as a team would first drop it in.
 * `?agent=<id>` names the agent whose production and staging prompts to compare.
 */

interface Texts {
  before: string;
  after: string;
}

async function main() {
  const root = document.getElementById('root');
  const agent = new URLSearchParams(window.location.search).get('agent');
  if (!root || agent === null) throw new Error('Open this page with ?agent=<id>');
  const response = await fetch(`/__bench/texts/${agent}`);
  const texts = (await response.json()) as Texts;
  createRoot(root).render(<ReactDiffViewer oldValue={texts.before} newValue={texts.after} />);
}

void main();
