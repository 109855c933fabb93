/**
 * Renders the public pages the way they run: their own app (src/public: its router, the therapist
 * list's cache, the query client of the later steps), at an address in a history kept in memory,
 * with nothing stale and no retries.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDirectoryCache } from '@/features/client-portal/api/directory-cache';
import { createMemoryHistory } from '@/lib/public-router/history';
import { PublicApp } from '@/public/public-app';
import { createTestQueryClient } from './render';

export function renderPublicApp({ route }: { route: string }) {
  const user = userEvent.setup();
  const history = createMemoryHistory(route);
  const queryClient = createTestQueryClient();
  const result = render(
    <PublicApp
      history={history}
      queryClient={queryClient}
      directoryCache={createDirectoryCache({ staleMs: Infinity, retries: 0 })}
    />,
  );
  return { user, history, queryClient, ...result };
}
