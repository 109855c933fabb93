/**
 * POSTs to the status page's API on the public `client-portal` edge function, through the
 * Supabase gateway with the anon key (no sign-in); the link's token travels in the body.
 */
import { loadEnv } from '@/config/env';
import { StatusApiError } from '../lib/status-api-error';

export async function statusPost<T>(
  path: 'status' | 'status/withdraw' | 'status/pick',
  body: unknown,
): Promise<T> {
  const { supabaseUrl, supabaseAnonKey } = loadEnv();
  let response: Response;
  try {
    response = await fetch(`${supabaseUrl.replace(/\/+$/, '')}/functions/v1/client-portal/${path}`, {
      method: 'POST',
      headers: {
        apikey: supabaseAnonKey,
        Authorization: `Bearer ${supabaseAnonKey}`,
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new StatusApiError(
      0,
      'network_error',
      'We couldn’t reach the clinic’s request service. Check your connection and try again.',
    );
  }
  const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok) return payload as T;
  const error = payload?.error as { code?: string; message?: string } | undefined;
  const clinic = payload?.clinic as { name: string; slug: string } | undefined;
  throw new StatusApiError(
    response.status,
    error?.code ?? (response.status === 429 ? 'rate_limited' : 'http_error'),
    error?.message ??
      (response.status === 429
        ? 'Too many tries just now. Please wait a minute and try again.'
        : 'The request service could not answer just now. Please try again.'),
    clinic ?? null,
  );
}
