import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { clearDraftsOf } from '@/lib/local-drafts';
import { supabase } from '@/lib/supabase';
import { AuthContext, type AuthContextValue } from './auth-context';
import { clearAuthLinkError, clearPasswordSetup, pendingPasswordSetup } from './auth-redirect';
import { initialAuthState, isUserChange, nextAuthState, type AuthState } from './auth-state';

/**
 * Follows supabase-js's session: the initial one, sign-in, token refresh (autoRefreshToken),
 * user updates and sign-out, in this tab or another. When the person changes, the query cache
 * is emptied so nobody sees the previous person's data.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>(initialAuthState);
  const userIdRef = useRef<string | null>(null);
  const signOutRequestedRef = useRef(false);

  useEffect(() => {
    const { data } = supabase.auth.onAuthStateChange((event, session) => {
      // Only synchronous work here: supabase-js holds its lock while it notifies.
      if (isUserChange(userIdRef.current, session)) {
        if (userIdRef.current !== null) queryClient.clear();
        userIdRef.current = session?.user.id ?? null;
      }
      if (session === null) clearPasswordSetup();
      else clearAuthLinkError();
      const input = {
        event,
        session,
        passwordSetup: pendingPasswordSetup(),
        signOutRequested: signOutRequestedRef.current,
      };
      if (event === 'SIGNED_OUT') signOutRequestedRef.current = false;
      setState((previous) => nextAuthState(previous, input));
    });
    return () => data.subscription.unsubscribe();
  }, [queryClient]);

  const signOut = useCallback(async () => {
    signOutRequestedRef.current = true;
    const userId = userIdRef.current;
    // 'local' ends this browser's session only; other devices stay signed in.
    const { error } = await supabase.auth.signOut({ scope: 'local' });
    if (error) {
      signOutRequestedRef.current = false;
      throw error;
    }
    // a sign-out is deliberate: unsaved work on this device goes with it (an expired session keeps it)
    if (userId !== null) clearDraftsOf(userId);
  }, []);

  const completePasswordSetup = useCallback(() => {
    clearPasswordSetup();
    setState((previous) =>
      previous.status === 'signed-in' ? { ...previous, passwordSetup: null } : previous,
    );
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ state, signOut, completePasswordSetup }),
    [state, signOut, completePasswordSetup],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
