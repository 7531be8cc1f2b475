/**
 * Each screen's route module, loaded the first time it is needed. The router opens them; the
 * agent screens also fetch their sibling tabs' modules ahead of a click (routes/agent.tsx).
 *
 * Once a module is in, asking again answers at once: a dynamic import of a module already
 * loaded still resolves only after a trip through the browser's task queue, and while the
 * next screen renders that trip took 40 to 70 ms (measured on the Review tab).
 */
export const screens = {
  signIn: once(() => import('./routes/sign-in')),
  shell: once(() => import('./routes/shell')),
  agentList: once(() => import('./routes/agent-list')),
  agent: once(() => import('./routes/agent')),
  agentEdit: once(() => import('./routes/agent-edit')),
  agentReview: once(() => import('./routes/agent-review')),
  agentHistory: once(() => import('./routes/agent-history')),
  notFound: once(() => import('./routes/not-found')),
};

/** A loader that remembers its module; a failed load is tried again on the next call. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: { module: T } | null = null;
  let pending: Promise<T> | null = null;
  return () => {
    if (loaded) return Promise.resolve(loaded.module);
    pending ??= load().then(
      (module) => {
        loaded = { module };
        return module;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
}
