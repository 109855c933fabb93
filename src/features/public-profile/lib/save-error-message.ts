/** What to tell the person when the database refuses a save or a submission. */
import { errorMessage } from '@/lib/errors';

/**
 * The server's message, which the database writes for people (therapist-only fields, enrollment,
 * missing fields), except the one it cannot phrase itself: a submitted profile may not lose a
 * required field (a CHECK constraint).
 */
export function saveErrorMessage(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const message = errorMessage(error);
  if (code === '23514' && message.includes('public_profiles_complete_when_submitted')) {
    return 'A submitted profile keeps every required field filled in: fill in the required fields and save again.';
  }
  return message;
}
