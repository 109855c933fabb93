import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadingState } from '@/components/ui/status';
import { paths } from '@/lib/access/paths';
import { useAuth } from '@/lib/auth/auth-context';

/** Lets signed-in people through; sends everyone else to sign in, remembering where they were going. */
export function RequireSession() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <main id="main" className="centered-page">
        <LoadingState label="Checking your session…" />
      </main>
    );
  }
  if (state.status === 'signed-out') {
    const from = `${location.pathname}${location.search}`;
    return (
      <Navigate to={paths.signIn} replace state={state.reason === 'signed-out' ? undefined : { from }} />
    );
  }
  return <Outlet />;
}

/** Someone who came through an invitation link chooses a password before anything else. */
export function RequirePasswordChosen({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  if (state.status === 'signed-in' && state.passwordSetup !== null)
    return <Navigate to={paths.setPassword} replace />;
  return children;
}
