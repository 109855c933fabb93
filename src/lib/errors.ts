/** What a person is told when the server could not be reached (offline, or the API is down). */
export const networkFailureMessage =
  'The server could not be reached. Check your internet connection; the page will try again.';

const networkFailureText =
  /failed to fetch|fetch failed|networkerror|network request failed|load failed|failed to fetch dynamically imported module|importing a module script failed|error loading dynamically imported module/i;

/**
 * Whether `error` says the request never got an answer: the browser is offline, the server is
 * unreachable, or a page's code could not be downloaded. supabase-js reports these as a PostgREST
 * error whose message is "TypeError: Failed to fetch", or an AuthRetryableFetchError.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  if (typeof error !== 'object' || error === null) return false;
  if ('name' in error && error.name === 'AuthRetryableFetchError') return true;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  return networkFailureText.test(message);
}

/** A readable message from anything thrown: Error, PostgrestError-like objects, strings; never a raw network error. */
export function errorMessage(error: unknown): string {
  if (isNetworkFailure(error)) return networkFailureMessage;
  if (error instanceof Error && error.message) return error.message;
  if (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string' &&
    error.message
  ) {
    return error.message;
  }
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong.';
}
