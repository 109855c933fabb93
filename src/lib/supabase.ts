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
