import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { queryClient } from '@/lib/query-client';
import { AppProviders } from './providers';
import { createAppRoutes } from './route-table';

export function App() {
  const [router] = useState(() => createBrowserRouter(createAppRoutes(queryClient)));
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
