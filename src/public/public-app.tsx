/**
 * The public pages' app: their router, the therapist list's cache, a slot for the query client
 * the later pages load, an error page, and what shows while a page's code loads. Nothing of the
 * staff app (its router, shell, sign-in, Supabase client) is part of it.
 */
import type { QueryClient } from '@tanstack/react-query';
import { Suspense, useState, useSyncExternalStore } from 'react';
import { LoadingState } from '@/components/ui/status';
import {
  createDirectoryCache,
  DirectoryCacheContext,
  type DirectoryCache,
} from '@/features/client-portal/api/directory-cache';
import { PortalShell } from '@/features/client-portal/components/portal-shell';
import type { RouterHistory } from '@/lib/public-router/history';
import { Router } from '@/lib/public-router/router';
import { PublicErrorBoundary } from './public-error-boundary';
import { publicRoutes } from './public-routes';
import { QueryClientSlotContext, queryClientSlot } from './query-client-slot';

interface PublicAppProps {
  history: RouterHistory;
  /** Tests hand in theirs (no retries, nothing stale); the app makes its own. */
  queryClient?: QueryClient;
  directoryCache?: DirectoryCache;
}

export function PublicApp({ history, queryClient, directoryCache }: PublicAppProps) {
  const [directories] = useState(() => directoryCache ?? createDirectoryCache());
  const [slot] = useState(() => queryClientSlot(queryClient));
  const addressKey = useSyncExternalStore(history.listen, () => history.location.key);
  return (
    <PublicErrorBoundary resetKey={addressKey}>
      <DirectoryCacheContext value={directories}>
        <QueryClientSlotContext value={slot}>
          <Suspense fallback={<Loading />}>
            <Router history={history} routes={publicRoutes} notFound={NotFound} />
          </Suspense>
        </QueryClientSlotContext>
      </DirectoryCacheContext>
    </PublicErrorBoundary>
  );
}

/** What shows while the first page's code loads. */
function Loading() {
  return (
    <main id="main" className="centered-page">
      <LoadingState label="Loading…" />
    </main>
  );
}

function NotFound() {
  return (
    <PortalShell>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
    </PortalShell>
  );
}
