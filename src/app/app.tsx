import { useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { paths } from '@/lib/access/paths';
import { dropFirstView } from '@/lib/first-view';
import { queryClient } from '@/lib/query-client';
import { AppRouter } from './app-router';
import { AppProviders } from './providers';
import { createAppRoutes } from './route-table';

export function App() {
  const [router] = useState(() => {
    const created = createBrowserRouter(createAppRoutes(queryClient));
    // the sign-in page's first view belongs to the sign-in page only (a signed-in person is sent on)
    created.subscribe(({ location }) => {
      if (location.pathname !== paths.signIn) dropFirstView();
    });
    return created;
  });
  return (
    <AppProviders queryClient={queryClient}>
      <AppRouter router={router} />
    </AppProviders>
  );
}
