import { Notification, Stack } from '@mantine/core';
import { Component, lazy, Suspense, useEffect, useSyncExternalStore, type ReactNode } from 'react';

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
 *
 * That code may not load: the first toast is often "could not reach the server", said when the
 * server cannot be reached. Then toasts are shown by a plain stack of Mantine's `Notification`
 * (already in the first bundle), and nothing else on the page is lost.
 */
const loadNotifications = () => import('@mantine/notifications');

/** How long a toast shown without the notifications' code stays (theirs close on their own too). */
const FALLBACK_TOAST_MS = 6_000;

interface ShownToast extends Toast {
  key: number;
}

let state: { wanted: boolean; failed: boolean; fallback: readonly ShownToast[] } = {
  wanted: false,
  failed: false,
  fallback: [],
};
let nextKey = 0;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const update = (patch: Partial<typeof state>) => {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
};

function showWithoutLibrary(toast: Toast): void {
  const shown: ShownToast = { ...toast, key: nextKey++ };
  const others = state.fallback.filter((t) => toast.id === undefined || t.id !== toast.id);
  update({ failed: true, fallback: [...others, shown] });
}

function dismiss(key: number): void {
  update({ fallback: state.fallback.filter((t) => t.key !== key) });
}

/** Shows a toast; the toasts' code loads with the first one. */
export function showToast(toast: Toast): void {
  if (!state.wanted) update({ wanted: true });
  if (state.failed) {
    showWithoutLibrary(toast);
    return;
  }
  loadNotifications().then(
    ({ notifications }) => notifications.show({ ...toast }),
    () => showWithoutLibrary(toast),
  );
}

const Notifications = lazy(async () => ({ default: (await loadNotifications()).Notifications }));

/** The notifications' container failed to load: toasts go to the plain stack instead. */
class OnLoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch() {
    if (!state.failed) update({ failed: true });
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function FallbackToast({ toast }: { toast: ShownToast }) {
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.key), FALLBACK_TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast.key]);
  return (
    <Notification
      title={toast.title}
      color={toast.color}
      withBorder
      onClose={() => dismiss(toast.key)}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {toast.message}
    </Notification>
  );
}

/** Where toasts appear; renders nothing (and loads nothing) until the first toast. */
export function ToastContainer() {
  const current = useSyncExternalStore(subscribe, () => state);
  if (!current.wanted) return null;
  return (
    <>
      <OnLoadFailure>
        <Suspense fallback={null}>
          <Notifications position="top-right" />
        </Suspense>
      </OnLoadFailure>
      {current.fallback.length > 0 && (
        <Stack
          gap="xs"
          role="status"
          aria-live="polite"
          pos="fixed"
          top={16}
          right={16}
          w="min(440px, calc(100vw - 32px))"
          style={{ zIndex: 1000 }}
        >
          {current.fallback.map((toast) => (
            <FallbackToast key={toast.key} toast={toast} />
          ))}
        </Stack>
      )}
    </>
  );
}
