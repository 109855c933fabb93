/**
 * The public pages' entry (client-portal.html): a clinic's request page and the client's status
 * page, for people on their phones who never sign in. It holds React, a small router and the
 * therapist list; the later steps load when opened. The staff app (main.tsx) is not part of it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EnvError, loadEnv } from '@/config/env';
import { createBrowserHistory } from '@/lib/public-router/history';
import { PublicApp } from './public-app';
import '@/app/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('client-portal.html has no #root element.');
const root = createRoot(container);

try {
  loadEnv();
  root.render(
    <StrictMode>
      <PublicApp history={createBrowserHistory()} />
    </StrictMode>,
  );
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  // only a build without its settings shows this: it is not part of the page's first view
  void import('@/components/config-error-screen').then(({ ConfigErrorScreen }) =>
    root.render(<ConfigErrorScreen error={error} />),
  );
}
