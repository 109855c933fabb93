/** What to tell the admin when the database refuses a change to the program. */
import { errorMessage } from '@/lib/errors';

/**
 * Codes whose message the database (or this feature) writes for people: the program's rules
 * (P0001), at least one payer (23514), enrolled once ever (23505), a bad payer list (22023) and
 * an unknown staff member (PT404, PostgREST's 404) or enrollment (P0002, raised here).
 */
const userFacingCodes = new Set(['P0001', '23514', '23505', '22023', 'PT404', 'P0002']);

export const genericChangeError = 'The change could not be saved. Check your connection and try again.';
export const notAllowedError = 'You are not allowed to make this change. Only org admins of this clinic can.';

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** The server's sentence when it wrote one for people; a plain explanation otherwise. */
export function mutationErrorMessage(error: unknown): string {
  const code = codeOf(error);
  if (typeof code === 'string' && userFacingCodes.has(code)) return errorMessage(error);
  if (code === '42501') return notAllowedError;
  return genericChangeError;
}

/** A change that matched no row: the enrollment is gone, or row-level security hides it. */
export class EnrollmentNotFoundError extends Error {
  readonly code = 'P0002';
  constructor() {
    super('This enrollment no longer exists or you cannot change it. The grid has been refreshed.');
    this.name = 'EnrollmentNotFoundError';
  }
}
