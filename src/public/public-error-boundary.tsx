/**
 * What the public pages show when one could not be drawn: when its code could not be downloaded
 * (offline, or the server unreachable) a notice that tries again by itself, as the staff app's
 * route error page does; anything else, a page that says so and offers a reload.
 */
import { Component, useEffect, useState, type ReactNode } from 'react';
import { buttonClassName } from '@/components/ui/button';
import { isNetworkFailure } from '@/lib/errors';

interface Props {
  /** The address: a new one (Back, a link) clears the error. */
  resetKey: string;
  children: ReactNode;
}

export class PublicErrorBoundary extends Component<Props, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidUpdate(previous: Props) {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== null)
      this.setState({ error: null });
  }

  render() {
    const { error } = this.state;
    return error === null ? (
      this.props.children
    ) : (
      <ErrorPage error={error} offline={isNetworkFailure(error)} />
    );
  }
}

const reload = () => window.location.reload();

function ErrorPage({ error, offline }: { error: unknown; offline: boolean }) {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    document.title = offline ? 'Cannot reach the server' : 'Something went wrong';
    if (!offline) return console.error(error);
    // while the server is unreachable, try again by itself: when back online, and every 5 s
    const gone = () => setOnline(false);
    window.addEventListener('online', reload);
    window.addEventListener('offline', gone);
    const timer = window.setInterval(() => navigator.onLine && reload(), 5_000);
    return () => {
      window.removeEventListener('online', reload);
      window.removeEventListener('offline', gone);
      window.clearInterval(timer);
    };
  }, [error, offline]);
  const title = !offline
    ? 'This page could not be shown'
    : online
      ? 'The server cannot be reached'
      : 'You are offline';
  return (
    <main id="main" className="centered-page">
      <section aria-labelledby="error-title" className="page">
        <div role="alert" className="callout callout-error">
          <h1 id="error-title" className="callout-title">
            {title}
          </h1>
          <p>
            {!offline
              ? 'Something went wrong on our side. Reloading the page usually helps.'
              : online
                ? 'The server may be down for a moment, or your network may be blocking it. This page tries again by itself.'
                : 'Your device is not connected to the internet. This page tries again once you are back online.'}
          </p>
          <button type="button" className={buttonClassName({ variant: 'secondary' })} onClick={reload}>
            {offline ? 'Retry' : 'Reload the page'}
          </button>
        </div>
      </section>
    </main>
  );
}
