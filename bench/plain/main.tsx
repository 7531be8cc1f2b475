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

async function show(root: HTMLElement, agent: string) {
  const response = await fetch(`/__bench/texts/${agent}`);
  const texts = (await response.json()) as Texts;
  createRoot(root).render(<ReactDiffViewer oldValue={texts.before} newValue={texts.after} />);
}

/**
 * `&on=click`: the page starts with a "Show the diff" button, and fetches and renders on its
 * click: the in-app counterpart of opening the Review tab in a running console.
 */
function main() {
  const root = document.getElementById('root');
  const params = new URLSearchParams(window.location.search);
  const agent = params.get('agent');
  if (!root || agent === null) throw new Error('Open this page with ?agent=<id>');
  if (params.get('on') !== 'click') return void show(root, agent);
  const button = document.createElement('button');
  button.textContent = 'Show the diff';
  button.addEventListener('click', () => void show(root, agent), { once: true });
  root.append(button);
}

main();
