/**
 * Renders the app (or part of it) the way it runs: the real providers, routes and supabase-js
 * client, a MemoryRouter at the given address, and a fresh QueryClient without retries.
 */
import type { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '@/app/providers';
import { AppRoutes } from '@/app/routes';
import { createQueryClient } from '@/lib/query-client';
import { supabase } from '@/lib/supabase';
import { demoPassword, people, personas, type PersonaName, type PersonName } from './msw/people';

export function createTestQueryClient(): QueryClient {
  return createQueryClient({
    queries: { retry: false, staleTime: Infinity, gcTime: Infinity },
    mutations: { retry: false },
  });
}

interface RenderOptions {
  route?: string;
  queryClient?: QueryClient;
}

/** Renders `ui` inside the app's providers and a router; `ui` defaults to the whole app's routes. */
export function renderApp(
  { route = '/', queryClient = createTestQueryClient() }: RenderOptions = {},
  ui: ReactElement = <AppRoutes />,
) {
  const user = userEvent.setup();
  const result = render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { user, queryClient, ...result };
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
