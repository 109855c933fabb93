import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '@/lib/errors';
import { buttonClassName } from '@/components/ui/button';

interface Props {
  children: ReactNode;
  /** When this changes (e.g. the address), a shown error is cleared and the children render again. */
  resetKey?: unknown;
}

interface State {
  error: unknown;
  failedWith: unknown;
}

/** Shows a message instead of a blank page when a page fails to render (or its code fails to load). */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, failedWith: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.error === null) return { failedWith: props.resetKey };
    if (props.resetKey !== state.failedWith) return { error: null, failedWith: props.resetKey };
    return null;
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div role="alert" className="callout callout-error">
        <p className="callout-title">This page could not be shown.</p>
        <p>{errorMessage(this.state.error)}</p>
        <button
          type="button"
          className={buttonClassName({ variant: 'secondary' })}
          onClick={() => window.location.reload()}
        >
          Reload the page
        </button>
      </div>
    );
  }
}
