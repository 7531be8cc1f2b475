import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '@/api/api-error';
import { PageError } from './page-error';

export interface ContentErrorBoundaryProps {
  /** A change (such as the path) clears the error and renders the children again. */
  resetKey: string;
  /** What could not be shown, e.g. "This tab could not be shown". */
  title: string;
  /** Runs before "Try again" renders the children again (e.g. resets failed queries). */
  onReset?: () => unknown;
  children: ReactNode;
}

interface State {
  failed: boolean;
  error: unknown;
  resetKey: string;
}

/**
 * Keeps a failure inside one part of a screen (a tab's content), leaving what surrounds it (the
 * header, the tabs) usable.
 */
export class ContentErrorBoundary extends Component<ContentErrorBoundaryProps, State> {
  override state: State = { failed: false, error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(props: ContentErrorBoundaryProps, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey
      ? { failed: false, error: null, resetKey: props.resetKey }
      : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A part of the screen failed to render', error, info.componentStack);
  }

  private retry = async () => {
    await this.props.onReset?.();
    this.setState({ failed: false, error: null });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <PageError title={this.props.title} message={errorMessage(this.state.error)} onRetry={this.retry} />
    );
  }
}
