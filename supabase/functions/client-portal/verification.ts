/** The client portal's email verification: the token's shape, and what each failed outcome tells the person. */
import { z } from 'zod';
import { apiError } from '../_shared/http.ts';

/** 32 random bytes, base64url (43 characters), as the database makes them. */
export const verificationTokenSchema = z.strictObject({
  token: z
    .string({ error: 'token is required: open the link from the email.' })
    .regex(
      /^[A-Za-z0-9_-]{43}$/,
      'This is not a confirmation link token: open the whole link from the email.',
    ),
});

export type VerificationOutcomeCode =
  'verified' | 'unknown' | 'used' | 'expired' | 'therapist_unavailable' | 'slot_not_open';

/** A row of public.verify_portal_request. */
export interface VerificationOutcome {
  outcome: VerificationOutcomeCode;
  request_id: string | null;
  status: string | null;
  expires_at: string | null;
  slot_start: string | null;
  time_zone: string | null;
}

const failures: Record<Exclude<VerificationOutcomeCode, 'verified'>, [number, string, string]> = {
  unknown: [
    404,
    'verification_link_unknown',
    'This confirmation link is not valid. Open the link from the email exactly as it is, or request a time again.',
  ],
  used: [
    409,
    'verification_link_used',
    'This link was already used: your request was confirmed and sent to the practice, which will answer by email.',
  ],
  expired: [
    410,
    'verification_link_expired',
    'This link has expired: a request not confirmed within 30 minutes is released. Please request a time again.',
  ],
  therapist_unavailable: [
    409,
    'therapist_unavailable',
    'The therapist no longer takes requests online, so your request was not sent. Please choose another therapist.',
  ],
  slot_not_open: [
    409,
    'slot_not_open',
    'This time is no longer available, so your request was not sent. Please choose another time.',
  ],
};

export function verificationFailure(outcome: Exclude<VerificationOutcomeCode, 'verified'>): Response {
  const [status, code, message] = failures[outcome] ?? failures.unknown;
  return apiError(status, code, message);
}

/** Takes `captcha_token` out of a request body, leaving the request itself. */
export function splitCaptchaToken(body: unknown): { captchaToken: string | null; body: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('captcha_token' in body))
    return { captchaToken: null, body };
  const { captcha_token: token, ...rest } = body as Record<string, unknown>;
  return {
    captchaToken: typeof token === 'string' && token.length > 0 && token.length <= 4096 ? token : null,
    body: rest,
  };
}
