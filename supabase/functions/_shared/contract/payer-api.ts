/**
 * The payer API's response shapes as zod. The handlers type what they send with these, and the
 * OpenAPI document (openapi.ts) is generated from them and from the request and query schemas
 * the handlers validate with, so the document cannot drift from the code.
 */
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });
const texts = z.array(z.string());

export const errorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().describe('Stable machine-readable code, e.g. invalid_query.'),
    message: z.string().describe('What went wrong, in words.'),
    field: z.string().optional().describe('The field or query parameter at fault, when there is one.'),
  }),
});

export const slotSchema = z
  .strictObject({
    start: instant,
    end: instant,
    time_zone: z.string().describe('IANA time zone of the office, e.g. America/Denver'),
    office_name: z.string().describe('The office the appointment is at'),
  })
  .describe(
    'An open time. start and end are instants (UTC); time_zone is the IANA zone of the office the time is at, in which it should be shown to the member, with office_name.',
  );

export const slotListSchema = z.strictObject({ data: z.array(slotSchema) });

export const therapistSchema = z.strictObject({
  id: z.uuid(),
  clinic: z.strictObject({ name: z.string(), slug: z.string() }),
  first_name: z.string(),
  last_name: z.string(),
  photo_url: z.string().nullable(),
  professional_title: z.string().nullable(),
  license: z.strictObject({ type: z.string().nullable(), state: z.string().nullable() }),
  about_me: z.string().nullable(),
  specialties: texts,
  treatment_approaches: texts,
  ages_served: texts,
  session_formats: texts,
  languages: texts,
  education: z.string().nullable(),
  years_in_practice: z.int().nullable(),
  website: z.string().nullable(),
  pronouns: z.string().nullable(),
  first_session_note: z.string().nullable(),
  location: z
    .strictObject({ name: z.string().nullable(), city: z.string(), state: z.string().nullable() })
    .nullable(),
  next_slots: z.array(slotSchema).max(3),
});

export const therapistPageSchema = z.strictObject({
  data: z.array(therapistSchema),
  next_cursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page.'),
});

const requestState = z
  .enum(['pending', 'alternatives_offered', 'confirmed', 'declined', 'expired', 'withdrawn'])
  .describe(
    'pending: waiting for the clinic (until expires_at). alternatives_offered: the clinic offered the client other times, held for them until expires_at; the client picks one (then confirmed, with the picked slot_start and therapist_id) or lets the offer expire. confirmed: the appointment is scheduled. declined: the clinic could not accept it. expired: not answered in time. withdrawn: the client withdrew the request, or the therapist no longer takes referrals; either way the slot is free again.',
  );

export const requestStatusSchema = z.strictObject({
  id: z.uuid(),
  status: requestState,
  expires_at: instant,
  created_at: instant,
});

export const requestDetailSchema = z.strictObject({
  ...requestStatusSchema.shape,
  therapist_id: z.uuid(),
  slot_start: instant,
  decided_at: instant.nullable(),
});

export const bulkPublishManifestSchema = z.strictObject({
  transactionTime: instant.describe('When the files were current.'),
  request: z.url().describe('The URL this manifest answered.'),
  output: z.array(
    z.strictObject({
      type: z.enum(['Location', 'PractitionerRole', 'Schedule', 'Slot']),
      url: z.url().describe('An application/fhir+ndjson file: one FHIR R4 resource per line.'),
    }),
  ),
  error: z.array(z.never()).max(0),
});
