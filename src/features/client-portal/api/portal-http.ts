/**
 * Calls the public `client-portal` edge function through the Supabase gateway (no sign-in, no key),
 * and turns its error shape into a PortalApiError.
 */
import { loadEnv } from '@/config/env';
import { PortalApiError, retryAfterSeconds } from '../lib/portal-api-error';

interface PortalFetchInit {
  method?: 'GET' | 'POST';
  query?: URLSearchParams;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** `path` is below the function, e.g. `clinics/harborview`; each segment is encoded by the caller. */
export async function portalFetch<T>(
  path: string,
  { method = 'GET', query, body, headers = {}, signal }: PortalFetchInit = {},
): Promise<T> {
  const { supabaseUrl } = loadEnv();
  const search = query && [...query.keys()].length > 0 ? `?${query.toString()}` : '';
  const url = `${supabaseUrl.replace(/\/+$/, '')}/functions/v1/client-portal/${path}${search}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal,
      headers: {
        // No key: the function is public (verify_jwt off; the gateway asks functions' callers for
        // none), and a cross-origin GET with only safelisted headers needs no CORS preflight, one
        // round trip less before the therapist list shows on a phone.
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new PortalApiError(0, 'network_error', 'We couldn’t reach the clinic’s request service.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  throw errorFrom(response, payload);
}

function errorFrom(response: Response, payload: unknown): PortalApiError {
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
  const error = typeof payload === 'object' && payload !== null && 'error' in payload ? payload.error : null;
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const field = 'field' in error && typeof error.field === 'string' ? error.field : null;
    return new PortalApiError(response.status, String(error.code), String(error.message), field, retryAfter);
  }
  // the gateway's own refusals ({ message }) and anything else
  const message =
    typeof payload === 'object' &&
    payload !== null &&
    'message' in payload &&
    typeof payload.message === 'string'
      ? payload.message
      : `The request service answered ${response.status} ${response.statusText}`.trim();
  return new PortalApiError(
    response.status,
    response.status === 429 ? 'rate_limited' : 'http_error',
    message,
    null,
    retryAfter,
  );
}
