import { createContext, useContext } from 'react';
import type { Session } from '@supabase/supabase-js';
import type { AuthState } from './auth-state';

export interface AuthContextValue {
  state: AuthState;
  /** Ends this browser's session. Rejects when the server could not be reached. */
  signOut: () => Promise<void>;
  /** Call once the invited (or recovering) person has chosen a password. */
  completePasswordSetup: () => void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error('useAuth must be used inside <AuthProvider>.');
  return value;
}

/** The current session; only for components rendered behind the signed-in guard. */
export function useSession(): Session {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useSession needs a signed-in user.');
  return state.session;
}
