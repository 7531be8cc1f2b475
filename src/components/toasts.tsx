import { lazy, Suspense, useSyncExternalStore } from 'react';

export type Toast = {
  /** Toasts with the same id replace each other. */
  id?: string;
  title?: string;
  message: string;
  color?: string;
};

/**
 * Toasts, with Mantine's notifications underneath. No screen imports `@mantine/notifications`
 * itself: its container (transitions, portals, scroll locking) would otherwise come with every
 * first load, while it is needed only once something is to be said.
 */
const loadNotifications = () => import('@mantine/notifications');

let wanted = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Shows a toast; the toasts' code loads with the first one. */
export function showToast(toast: Toast): void {
  if (!wanted) {
    wanted = true;
    listeners.forEach((l) => l());
  }
  void loadNotifications().then(({ notifications }) => notifications.show({ ...toast }));
}

const Notifications = lazy(async () => ({ default: (await loadNotifications()).Notifications }));

/** Where toasts appear; renders nothing (and loads nothing) until the first toast. */
export function ToastContainer() {
  const shown = useSyncExternalStore(subscribe, () => wanted);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="top-right" />
    </Suspense>
  );
}
