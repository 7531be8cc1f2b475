import {
  Component,
  lazy,
  Suspense,
  useEffect,
  useRef,
  useSyncExternalStore,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { getDefaultZIndex } from '@mantine/core';
import classes from './toasts.module.css';

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
 * server cannot be reached. Then toasts are shown by a plain stack of elements styled with
 * Mantine's variables (nothing more to load, and nothing added to the first bundle but this),
 * and nothing else on the page is lost.
 */
const loadNotifications = () => import('@mantine/notifications');

/**
 * Toasts sit above the page and its header, and under dialogs: a dialog asks for the person's
 * answer, and a toast over it covered its title on a phone and its close button on a desktop.
 * What a dialog's own action leads to is said inside the dialog; a toast that comes meanwhile is
 * seen, undimmed, once the dialog closes (a screen reader may not announce it while the dialog,
 * being modal, holds its attention).
 */
export const TOAST_Z_INDEX = getDefaultZIndex('modal') - 1;

/** How long a toast shown without the notifications' code stays, unless pointed at or focused. */
const FALLBACK_TOAST_MS = 6_000;

interface ShownToast extends Toast {
  key: number;
  /** Counts the times it was shown: a toast shown again with its id starts its time again. */
  shown: number;
}

let store: { wanted: boolean; failed: boolean; fallback: readonly ShownToast[] } = {
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
const update = (patch: Partial<typeof store>) => {
  store = { ...store, ...patch };
  listeners.forEach((l) => l());
};

function showWithoutLibrary(toast: Toast): void {
  // A toast with the id of one on screen replaces it in place: the same element, so one the
  // person points at stays under the pointer and stays open.
  const same = toast.id === undefined ? undefined : store.fallback.find((t) => t.id === toast.id);
  const shown: ShownToast = { ...toast, key: same?.key ?? nextKey++, shown: (same?.shown ?? 0) + 1 };
  const fallback = same
    ? store.fallback.map((t) => (t.key === same.key ? shown : t))
    : [...store.fallback, shown];
  update({ failed: true, fallback });
}

function dismiss(key: number): void {
  update({ fallback: store.fallback.filter((t) => t.key !== key) });
}

/** Shows a toast; the toasts' code loads with the first one. */
export function showToast(toast: Toast): void {
  if (!store.wanted) update({ wanted: true });
  if (store.failed) {
    showWithoutLibrary(toast);
    return;
  }
  loadNotifications().then(
    // Mantine's close button is an icon alone: named as the plain stack's is.
    ({ notifications }) => notifications.show({ ...toast, closeButtonProps: { 'aria-label': 'Close' } }),
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
    if (!store.failed) update({ failed: true });
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function FallbackToast({ toast }: { toast: ShownToast }) {
  // Closes on its own, but not while the person points at it or has the focus in it.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const held = useRef(false);
  const stop = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  const start = () => {
    stop();
    timer.current = setTimeout(() => dismiss(toast.key), FALLBACK_TOAST_MS);
  };
  const hold = () => {
    held.current = true;
    stop();
  };
  const release = () => {
    held.current = false;
    start();
  };
  useEffect(() => {
    if (!held.current) {
      stop();
      timer.current = setTimeout(() => dismiss(toast.key), FALLBACK_TOAST_MS);
    }
    return stop;
  }, [toast.key, toast.shown]);
  const accent = toast.color ? `var(--mantine-color-${toast.color}-filled)` : undefined;
  return (
    <div
      className={classes.toast}
      style={accent ? ({ '--toast-accent': accent } as CSSProperties) : undefined}
      onMouseEnter={hold}
      onMouseLeave={release}
      onFocus={hold}
      onBlur={release}
    >
      {toast.title && <p className={classes.title}>{toast.title}</p>}
      <p className={classes.message}>{toast.message}</p>
      <button type="button" className={classes.close} aria-label="Close" onClick={() => dismiss(toast.key)}>
        ×
      </button>
    </div>
  );
}

/**
 * Where toasts appear; loads nothing until the first toast. The plain stack's live region is
 * there from the start, so the first toast put in it is announced.
 */
export function ToastContainer() {
  const current = useSyncExternalStore(subscribe, () => store);
  return (
    <>
      {current.wanted && (
        <OnLoadFailure>
          <Suspense fallback={null}>
            {/* Raised clear of an editor's save bar by a class (see the stylesheet), not by a
                prop, which goes to every corner's stack and stretched the empty ones over the
                page, where they took its clicks. */}
            <Notifications
              position="bottom-right"
              zIndex={TOAST_Z_INDEX}
              classNames={{ root: classes.notifications }}
            />
          </Suspense>
        </OnLoadFailure>
      )}
      <div className={classes.stack} style={{ zIndex: TOAST_Z_INDEX }} role="status" aria-live="polite">
        {current.fallback.map((toast) => (
          <FallbackToast key={toast.key} toast={toast} />
        ))}
      </div>
    </>
  );
}
