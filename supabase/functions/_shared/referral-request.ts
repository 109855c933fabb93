/**
 * The one contract for a referral request: the payer API, the client-portal function and the
 * client-portal form all validate with it, and it matches referral_requests' CHECK constraints.
 */
import { z } from 'zod';
import { isWellFormedText } from './unicode.ts';

// control characters (NUL above all) are never part of a name or a note, and Postgres refuses NUL
// deno-lint-ignore no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const name = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(100, `${label} can have at most 100 characters.`)
    .refine(
      (s) => !controlCharacters.test(s) && isWellFormedText(s),
      `${label} contains characters that are not allowed.`,
    );

const slotStartMessage =
  'slot_start must be an ISO 8601 date-time with a time zone, e.g. 2027-05-04T13:00:00Z.';

/**
 * An ISO date-time Postgres stores as given: a UTC offset of at most 15:59 (Postgres refuses
 * more, e.g. +23:59) and a year from 2000 to 2199 (no slot lies outside; year 0000 does not exist).
 */
export function isStorableInstant(text: string): boolean {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (offset && Number(offset[2]) > 15) return false;
  const time = Date.parse(text);
  return time >= Date.UTC(2000, 0, 1) && time < Date.UTC(2200, 0, 1);
}

/** Today's date (UTC) as YYYY-MM-DD, for "date of birth is in the past". */
const todayIso = () => new Date().toISOString().slice(0, 10);

export const referralRequestFields = {
  therapist_id: z.uuid({ error: 'therapist_id must be a therapist id (a UUID).' }),
  slot_start: z.iso
    .datetime({ offset: true, error: slotStartMessage })
    .refine(isStorableInstant, slotStartMessage),
  first_name: name('First name'),
  last_name: name('Last name'),
  email: z
    .email({ error: 'Email must be a valid email address.' })
    .max(254, 'Email can have at most 254 characters.'),
  phone: z
    .string({ error: 'Phone is required.' })
    .trim()
    .regex(/^\+?[0-9 ().-]{7,20}$/, 'Phone must be 7–20 digits, spaces or + ( ) . -'),
  date_of_birth: z.iso
    .date({ error: 'Date of birth must be a date (YYYY-MM-DD).' })
    .refine((d) => d > '1900-01-01', 'Date of birth must be after 1900.')
    .refine((d) => d < todayIso(), 'Date of birth must be in the past.'),
  member_id: z
    .string()
    .trim()
    .min(1, 'Member ID is required.')
    .max(40, 'Member ID can have at most 40 characters.')
    .refine(
      (s) => !controlCharacters.test(s) && isWellFormedText(s),
      'Member ID contains characters that are not allowed.',
    ),
  note: z
    .string()
    .trim()
    .max(1000, 'Note can have at most 1000 characters.')
    .refine(
      (s) => !controlCharacters.test(s) && isWellFormedText(s),
      'Note contains characters that are not allowed.',
    )
    .optional(),
};

/** What a payer sends: the member ID is required. Unknown fields are refused by name. */
export const payerReferralRequestSchema = z.strictObject(referralRequestFields);

/**
 * Where a payer's FHIR deep link says the client came from (SMART Scheduling Links' `source` and
 * `booking-referral`): untrusted text from a link, so short and plain, and only ever shown. The
 * request page keeps them from its address only when they pass; the database's CHECKs match.
 */
export const referralSourceSchema = z
  .string()
  .regex(/^[A-Za-z0-9._~:-]{1,64}$/, 'referral_source must be 1–64 letters, digits or . _ ~ : -');
export const bookingReferralSchema = z
  .string()
  .regex(/^[A-Za-z0-9._~:-]{1,128}$/, 'booking_referral must be 1–128 letters, digits or . _ ~ : -');

/**
 * What the client portal sends: the member ID is optional (clients may not have one at hand) and
 * comes with the insurance it belongs to (a payer the therapist takes, checked in the database);
 * the format where the therapist offers both; whether a parent or guardian is requesting (anyone
 * under 18 needs one, checked in the database against the therapist's ages served).
 */
export const portalReferralRequestSchema = z
  .strictObject({
    ...referralRequestFields,
    member_id: referralRequestFields.member_id.optional(),
    insurance_payer_id: z.uuid({ error: 'Choose your insurance from the list.' }).optional(),
    session_format: z
      .enum(['in_person', 'telehealth'], { error: 'Choose in person or telehealth.' })
      .optional(),
    requested_by_guardian: z.boolean({ error: 'requested_by_guardian must be true or false.' }).optional(),
    referral_source: referralSourceSchema.optional(),
    booking_referral: bookingReferralSchema.optional(),
  })
  .refine((r) => !r.member_id || r.insurance_payer_id, {
    message: 'Choose the insurance this member ID belongs to.',
    path: ['insurance_payer_id'],
  })
  .refine((r) => !r.insurance_payer_id || r.member_id, {
    message: 'Member ID is required with an insurance: it is on your insurance card.',
    path: ['member_id'],
  });

export type PayerReferralRequest = z.infer<typeof payerReferralRequestSchema>;
export type PortalReferralRequest = z.infer<typeof portalReferralRequestSchema>;

/** The Idempotency-Key header: 8–255 visible characters. */
export const idempotencyKeySchema = z
  .string({ error: 'The Idempotency-Key header is required.' })
  .regex(/^[\x21-\x7e]{8,255}$/, 'The Idempotency-Key header must be 8–255 visible ASCII characters.');

/** The first problem of a failed parse, as { field, message }. */
export function firstIssue(error: z.ZodError): { field: string | null; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: null, message: 'The request is not valid.' };
  if (issue.code === 'unrecognized_keys') {
    return { field: issue.keys[0] ?? null, message: `Unknown field: ${issue.keys.join(', ')}.` };
  }
  const field = issue.path.length ? issue.path.join('.') : null;
  const message =
    issue.code === 'invalid_type' && issue.input === undefined && field
      ? `${field} is required.`
      : issue.message;
  return { field, message };
}
