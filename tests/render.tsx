/**
 * Renders the app the way it runs: the real providers, route table (loaders included) and
 * supabase-js client, a memory router at the given address, and a fresh QueryClient without retries.
 */
import type { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { AppRouter } from '@/app/app-router';
import { AppProviders } from '@/app/providers';
import { createAppRoutes } from '@/app/route-table';
import { createQueryClient } from '@/lib/query-client';
import { supabase } from '@/lib/supabase';
import { demoPassword, people, personas, type PersonaName, type PersonName } from './msw/people';

export function createTestQueryClient(): QueryClient {
  return createQueryClient({
    queries: { retry: false, retryOnMount: false, staleTime: Infinity, gcTime: Infinity },
    mutations: { retry: false },
  });
}

interface RenderOptions {
  route?: string;
  queryClient?: QueryClient;
}

/** Renders the whole app inside its providers, at `route`. */
export function renderApp({ route = '/', queryClient = createTestQueryClient() }: RenderOptions = {}) {
  const user = userEvent.setup();
  const router = createMemoryRouter(createAppRoutes(queryClient), { initialEntries: [route] });
  const result = render(
    <AppProviders queryClient={queryClient}>
      <AppRouter router={router} />
    </AppProviders>,
  );
  return { user, queryClient, router, ...result };
}

/** Signs in through supabase-js (and so through the mocked /auth/v1/token) before rendering. */
export async function signInAs(who: PersonaName | PersonName): Promise<void> {
  const { email } = who in personas ? personas[who as PersonaName] : people[who as PersonName];
  const { error } = await supabase.auth.signInWithPassword({ email, password: demoPassword });
  if (error) throw error;
}

/** Renders the app at `route` as `persona` and waits until the signed-in frame (its main nav) is shown. */
export async function renderSignedIn(who: PersonaName | PersonName, route = '/') {
  await signInAs(who);
  const rendered = renderApp({ route });
  await screen.findByRole('navigation', { name: 'Main' });
  return rendered;
}
