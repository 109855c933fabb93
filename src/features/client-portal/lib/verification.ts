/** The verification link: reading its token, and what each refusal of it means (pure: the page only reads it). */
import { isPortalApiError } from './portal-api-error';

/** The token from `#token=…` (what the email sends) or `?token=…`; null when there is none. */
export function tokenFromLocation(hash: string, search: string): string | null {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  const token = fromHash ?? new URLSearchParams(search).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

export type VerificationProblem =
  /** What happened to the link; `final` when there is nothing left to do (the request already reached the practice). */
  { kind: 'link'; title: string; message: string; final: boolean } | { kind: 'retry'; message: string };

const titles: Record<string, string> = {
  verification_link_unknown: 'This link isn’t valid',
  validation_failed: 'This link isn’t valid',
  verification_link_used: 'This request was already confirmed',
  verification_link_expired: 'This link has expired',
  slot_not_open: 'This time is no longer available',
  therapist_unavailable: 'This therapist no longer takes requests online',
  unknown_clinic: 'This clinic no longer takes requests online',
};

/** A refusal about the link itself (final: say what happened), or a failure worth trying again. */
export function verificationProblem(error: unknown): VerificationProblem {
  const title = isPortalApiError(error) ? titles[error.code] : undefined;
  if (isPortalApiError(error) && title) {
    const message =
      error.code === 'validation_failed'
        ? 'Open the link from the email exactly as it is, or request a time again.'
        : error.message;
    return { kind: 'link', title, message, final: error.code === 'verification_link_used' };
  }
  if (isPortalApiError(error) && error.code === 'rate_limited') {
    return {
      kind: 'retry',
      message: `Too many attempts from your network. Wait ${error.retryAfterSeconds ?? 60} seconds, then try again.`,
    };
  }
  return {
    kind: 'retry',
    message: 'Your request could not be confirmed just now; nothing changed. Please try again.',
  };
}
