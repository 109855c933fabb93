/** A readable message from anything thrown: Error, PostgrestError-like objects, strings. */
export function errorMessage(error: unknown): string {
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
