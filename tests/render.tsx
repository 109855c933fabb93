/**
 * Renders the app the way it runs: the real providers, route table (loaders included) and
 * supabase-js client, a memory router at the given address, and a fresh QueryClient without retries.
 */
import type { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '@/app/providers';
import { createAppRoutes } from '@/app/route-table';
import { createQueryClient } from '@/lib/query-client';
import { supabase } from '@/lib/supabase';
import { demoPassword, personas, type PersonaName } from './msw/data';

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
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { user, queryClient, router, ...result };
}

/** Signs in through supabase-js (and so through the mocked /auth/v1/token) before rendering. */
export async function signInAs(persona: PersonaName): Promise<void> {
  const { error } = await supabase.auth.signInWithPassword({
    email: personas[persona].email,
    password: demoPassword,
  });
  if (error) throw error;
}

/** Renders the app at `route` as `persona` and waits until the signed-in frame (its main nav) is shown. */
export async function renderSignedIn(persona: PersonaName, route = '/') {
  await signInAs(persona);
  const rendered = renderApp({ route });
  await screen.findByRole('navigation', { name: 'Main' });
  return rendered;
}
