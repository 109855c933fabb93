import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { NotFoundPage } from '@/components/no-access-page';
import { LoadingState } from '@/components/ui/status';
import { usePageTitle } from '@/components/ui/use-page-title';
import { isNetworkFailure } from '@/lib/errors';

/** While the server is unreachable, how often the page tries again by itself. */
export const offlineRetryMs = 5_000;

/**
 * Every route's error page (its `errorElement`): says in words what went wrong, never the raw error.
 * When the server could not be reached it offers Retry and tries again by itself, as soon as the
 * browser is back online and every few seconds; the page reappears once its data loads.
 */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const content =
    isRouteErrorResponse(error) && error.status === 404 ? (
      <NotFoundPage />
    ) : isNetworkFailure(error) ? (
      <OfflineNotice error={error} />
    ) : (
      <BrokenPage error={error} />
    );
  // a top-level route has no app frame around it: it brings its own main landmark
  return standalone ? (
    <main id="main" className="centered-page">
      {content}
    </main>
  ) : (
    content
  );
}

function OfflineNotice({ error }: { error: unknown }) {
  usePageTitle('Cannot reach the server');
  const revalidator = useRevalidator();
  const [online, setOnline] = useState(() => navigator.onLine);
  const codeFailed = /module/i.test(error instanceof Error ? error.message : '');
  const retry = codeFailed ? () => window.location.reload() : () => void revalidator.revalidate();

  useEffect(() => {
    const back = () => {
      setOnline(true);
      retry();
    };
    const gone = () => setOnline(false);
    window.addEventListener('online', back);
    window.addEventListener('offline', gone);
    const timer = window.setInterval(() => {
      if (navigator.onLine) retry();
    }, offlineRetryMs);
    return () => {
      window.removeEventListener('online', back);
      window.removeEventListener('offline', gone);
      window.clearInterval(timer);
    };
  });

  return (
    <section aria-labelledby="offline-title" className="page">
      <div role="alert" className="callout callout-error">
        <h1 id="offline-title" className="callout-title">
          {online ? 'The server cannot be reached' : 'You are offline'}
        </h1>
        <p>
          {online
            ? 'The app could not reach its server. It may be down for a moment, or your network may be blocking it.'
            : 'Your device is not connected to the internet.'}{' '}
          Nothing you saved is lost. This page tries again by itself{' '}
          {online ? 'every few seconds' : 'once you are back online'}.
        </p>
        <Button variant="secondary" onClick={retry} disabled={revalidator.state === 'loading'}>
          {revalidator.state === 'loading' ? 'Retrying…' : 'Retry'}
        </Button>
      </div>
    </section>
  );
}

function BrokenPage({ error }: { error: unknown }) {
  usePageTitle('Something went wrong');
  useEffect(() => console.error(error), [error]);
  return (
    <section aria-labelledby="broken-title" className="page">
      <div role="alert" className="callout callout-error">
        <h1 id="broken-title" className="callout-title">
          This page could not be shown
        </h1>
        <p>Something went wrong on our side. Reloading the page usually helps; what you saved is kept.</p>
        <Button variant="secondary" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </div>
    </section>
  );
}

/** What shows while the app opens its first page (its code and data). */
export function StartingApp() {
  return (
    <main id="main" className="centered-page">
      <LoadingState label="Loading…" />
    </main>
  );
}
