/** The service-role client edge functions use after authenticating the caller themselves. */
import { createClient } from 'npm:@supabase/supabase-js@2.109.0';
import { requireEnv } from './env.ts';

export const serviceClient = () =>
  createClient(requireEnv('SUPABASE_URL'), requireEnv('SUPABASE_SERVICE_ROLE_KEY'), {
    auth: { persistSession: false, autoRefreshToken: false },
  });

/**
 * Unwraps a supabase-js result, rethrowing its error (code, hint, message, and the HTTP status,
 * 0 when the data API could not be reached) for dbErrorResponse.
 */
export function unwrap<T>(result: {
  data: T | null;
  error: { code?: string; hint?: string | null; message: string } | null;
  status?: number;
}): T {
  if (result.error)
    throw {
      code: result.error.code,
      hint: result.error.hint ?? null,
      message: result.error.message,
      status: result.status,
    };
  return result.data as T;
}
