/**
 * The one Supabase client of the app, typed with the generated database types.
 * Sessions persist in localStorage and supabase-js refreshes the access token before it expires;
 * the UI follows both through `onAuthStateChange` (see lib/auth).
 */
import { createClient } from '@supabase/supabase-js';
import { loadEnv } from '@/config/env';
import { detectAuthRedirect } from '@/lib/auth/auth-redirect';
import type { Database } from '@/types/database.types';

const env = loadEnv();

export const supabase = createClient<Database>(env.supabaseUrl, env.supabaseAnonKey, {
  auth: {
    persistSession: true,
    autoRefreshToken: true,
    // Invitation and recovery links land with the session in the URL hash; supabase-js reads it,
    // and detectAuthRedirect notes what kind of link it was before the hash is cleared.
    detectSessionInUrl: detectAuthRedirect,
  },
});

// One retry policy, the query client's (lib/query-client.ts): PostgREST's client would otherwise
// retry a failed read three more times (1 s, 2 s, 4 s) inside every attempt of the query client,
// and a network failure took 25 s to be shown. supabase-js has no option for it; its REST client's
// `retry` is read by each new request.
(supabase['rest'] as unknown as { retry: boolean }).retry = false;
