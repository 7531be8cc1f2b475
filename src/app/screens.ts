import type { ComponentType } from 'react';
import type { LoaderFunction } from 'react-router';

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

/** A module loaded once (see `once`), that says whether it is in. */
export type Screen<T> = (() => Promise<T>) & { isLoaded: () => boolean };

/** A loader that remembers its module; a failed load is tried again on the next call. */
export function once<T>(load: () => Promise<T>): Screen<T> {
  let loaded: { module: T } | null = null;
  let pending: Promise<T> | null = null;
  const get = () => {
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
  return Object.assign(get, { isLoaded: () => loaded !== null });
}

interface ScreenModule {
  Component: ComponentType;
  ErrorBoundary: ComponentType;
}

/**
 * A screen's route: its loader, from loaders.ts, which is part of the first bundle; its component
 * and error boundary, lazy, from its module. The first time a screen opens, its code is asked
 * for a task after the loader has run. The browser takes six requests at a time from one origin,
 * in the order they were made, and on these machines each costs Chromium 7 to 10 ms. So the
 * screen's API calls go first, and are not queued behind the screen's code.
 */
export function screen(load: Screen<ScreenModule>, loader: LoaderFunction) {
  const afterLoader = async () => {
    if (!load.isLoaded()) await new Promise((resolve) => setTimeout(resolve, 0));
    return load();
  };
  return {
    loader,
    lazy: {
      Component: async () => (await afterLoader()).Component,
      ErrorBoundary: async () => (await afterLoader()).ErrorBoundary,
    },
  };
}
