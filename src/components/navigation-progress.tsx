import classes from './navigation-progress.module.css';

export interface NavigationProgressProps {
  /** True while the next screen loads. */
  active: boolean;
}

/**
 * A thin bar along the top of the window while a navigation is in flight. It fades in only after
 * a short delay (in CSS), so quick navigations do not flicker.
 */
export function NavigationProgress({ active }: NavigationProgressProps) {
  return (
    <div className={classes.track} data-active={active || undefined} aria-hidden>
      <div className={classes.bar} />
    </div>
  );
}
