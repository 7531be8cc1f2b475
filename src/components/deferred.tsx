import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useState,
  type ComponentType,
  type FocusEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { focusIsLost } from '@/lib/focus';

/** What the stand-in hands over to the real component when its code arrives. */
export interface DeferredHandoff {
  /** The user clicked the stand-in: open at once. */
  openOnMount: boolean;
  /** The stand-in had the keyboard focus: take it over. */
  focusOnMount: boolean;
  /**
   * The stand-in was pressed and its click has not come yet. When the code arrives within the
   * press, the release (and its click) can land on the real control, which would toggle shut
   * the menu the press has just opened.
   */
  pressInProgress: boolean;
}

/** Spread on the stand-in element the user reaches for. */
export interface DeferredIntent {
  onPointerEnter: () => void;
  onPointerDown: (event: PointerEvent) => void;
  onFocus: () => void;
  onBlur: (event: FocusEvent) => void;
  onClick: () => void;
}

type Loader<P> = () => Promise<ComponentType<P & DeferredHandoff>>;

const loaded = new WeakMap<Loader<never>, ComponentType<never>>();

export interface DeferredProps<P> {
  /** Imports the real component; called once, on the first sign of intent. */
  load: Loader<P>;
  props: P;
  /** Looks like the real thing; spread `intent` on its button. */
  placeholder: (intent: DeferredIntent) => ReactNode;
}

/**
 * A control whose code (a menu with its positioning engine, say) loads when the user reaches for
 * it (pointer over, keyboard focus, click) rather than with the page. Until then a stand-in that
 * looks the same is on screen; a click or the focus it received is handed over, so the user never
 * has to ask twice.
 */
export function Deferred<P extends object>({ load, props, placeholder }: DeferredProps<P>) {
  const [Real, setReal] = useState<ComponentType<P & DeferredHandoff> | null>(
    () => (loaded.get(load as Loader<never>) as ComponentType<P & DeferredHandoff> | undefined) ?? null,
  );
  const [handoff, setHandoff] = useState<DeferredHandoff>({
    openOnMount: false,
    focusOnMount: false,
    pressInProgress: false,
  });
  const [wanted, setWanted] = useState(false);

  useEffect(() => {
    if (!wanted || Real) return;
    let live = true;
    load().then(
      (component) => {
        loaded.set(load as Loader<never>, component as ComponentType<never>);
        if (live) setReal(() => component);
      },
      // A failed chunk load: the next intent tries again.
      () => live && setWanted(false),
    );
    return () => {
      live = false;
    };
  }, [wanted, Real, load]);

  if (Real) return <Real {...props} {...handoff} />;
  return placeholder({
    onPointerEnter: () => setWanted(true),
    // A press counts as the click from its start: when the code arrives between the press and
    // the release, the stand-in is gone before its click would fire, and that click is lost.
    onPointerDown: (event) => {
      if (event.button !== 0) return;
      setHandoff((h) => ({ ...h, openOnMount: true, pressInProgress: true }));
      setWanted(true);
    },
    onFocus: () => {
      setHandoff((h) => ({ ...h, focusOnMount: true }));
      setWanted(true);
    },
    onBlur: () => setHandoff((h) => ({ ...h, focusOnMount: false })),
    onClick: () => {
      setHandoff((h) => ({ ...h, openOnMount: true, pressInProgress: false }));
      setWanted(true);
    },
  });
}

/**
 * In the real component, as the stand-in hands over (the handoff never changes afterwards): takes
 * the keyboard focus over when the stand-in had it, and, when the stand-in was pressed and the
 * code arrived before the press was over, keeps the rest of that press from shutting the menu it
 * opened. That rest is the press's mouse-down, when the code came between the pointer-down and
 * it (the menu takes it for a click outside, the stand-in being gone), and the click that ends
 * the press, when it lands on the real control (a toggle). Whatever the person does next (another
 * press, a key) is theirs.
 */
export function useHandoff(
  target: RefObject<HTMLElement | null>,
  { openOnMount, focusOnMount, pressInProgress }: DeferredHandoff,
): { afterClose: () => void } {
  useEffect(() => {
    // An opening menu moves the focus itself.
    if (focusOnMount && !openOnMount) target.current?.focus();
  }, [target, focusOnMount, openOnMount]);

  // A layout effect: when the pointer-down itself renders the real control, the mouse-down
  // follows within the same input, before a passive effect would run.
  useLayoutEffect(() => {
    if (!pressInProgress) return;
    const swallowed = new Set<string>();
    const onPressTail = (event: Event) => {
      if (event.type === 'click') {
        stop();
        if (event.target instanceof Node && target.current?.contains(event.target)) event.stopPropagation();
      } else if (!swallowed.has(event.type)) {
        swallowed.add(event.type);
        event.stopPropagation();
      }
    };
    const tail = ['mousedown', 'touchstart', 'click'] as const;
    const stop = () => {
      for (const type of tail) document.removeEventListener(type, onPressTail, true);
      document.removeEventListener('pointerdown', stop, true);
      document.removeEventListener('keydown', stop, true);
    };
    for (const type of tail) document.addEventListener(type, onPressTail, true);
    document.addEventListener('pointerdown', stop, true);
    document.addEventListener('keydown', stop, true);
    return stop;
  }, [target, pressInProgress]);

  // For the menu's onExitTransitionEnd. A menu that mounts open has no record of what had the
  // focus before (the stand-in, gone), so it gives it back to nothing: the focus falls to the
  // page when its dropdown goes. Once the dropdown is gone, a focus found lost goes to the real
  // control instead.
  const afterClose = useCallback(() => {
    requestAnimationFrame(() => {
      if (focusIsLost()) target.current?.focus();
    });
  }, [target]);
  return { afterClose };
}
