/**
 * The therapist directory shared by the payer API and the client portal: query filters,
 * opaque cursors, and the public shape of a therapist (public profile fields only).
 */
import { z } from 'zod';
import type { therapistPageSchema, therapistSchema } from './contract/payer-api.ts';
import { apiError } from './http.ts';
import { isStorableInstant } from './referral-request.ts';
import { isWellFormedText } from './unicode.ts';

export interface DirectoryFilters {
  specialties: string[] | null;
  languages: string[] | null;
  ages: string[] | null;
  formats: string[] | null;
  state: string | null;
  city: string | null;
  /** The client portal's own filters (a payer's directory has none of them). */
  location?: string | null;
  payer?: string | null;
  therapist?: string | null;
}

export interface Cursor {
  lastName: string;
  firstName: string;
  id: string;
}

export interface DirectoryRow {
  therapist_id: string;
  clinic_name: string;
  clinic_slug: string;
  first_name: string;
  last_name: string;
  photo_url: string | null;
  professional_title: string | null;
  license_type: string | null;
  license_state: string | null;
  about_me: string | null;
  specialties: string[];
  treatment_approaches: string[];
  ages_served: string[];
  session_formats: string[];
  languages: string[];
  education: string | null;
  years_in_practice: number | null;
  website: string | null;
  pronouns: string | null;
  first_session_note: string | null;
  location_name: string | null;
  location_city: string | null;
  location_state: string | null;
  /** each with its office's IANA zone and name */
  next_slots: { start: string; end: string; time_zone: string; office_name: string }[];
  /** The payers the therapist takes: for the clinic's own portal only (null in a payer's directory). */
  accepted_payers?: { id: string; name: string }[] | null;
}

const list = z
  .string()
  .max(500, 'can have at most 500 characters')
  .transform((s) =>
    s
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .refine(
    (items) => items.length <= 20 && items.every((v) => /^[a-z_]{2,40}$/.test(v)),
    'must be a comma-separated list of keys',
  );

/** The directory's query string (the OpenAPI document's parameters are generated from it). */
export const directoryQuerySchema = z.strictObject({
  specialty: list.optional().describe('Specialty keys, comma-separated; matches any.'),
  language: list.optional().describe('Language keys, comma-separated; matches any.'),
  age_group: list.optional().describe('Age group keys, comma-separated; matches any.'),
  session_format: list.optional().describe('in_person, telehealth; comma-separated; matches any.'),
  state: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter state code')
    .optional(),
  city: z.string().trim().min(1, 'must not be empty').max(100, 'can have at most 100 characters').optional(),
  cursor: z
    .string()
    .max(500, 'is not a cursor this API gave out')
    .optional()
    .describe('next_cursor of the previous page.'),
  limit: z.coerce
    .number({ error: 'must be a whole number from 1 to 50' })
    .int('must be a whole number from 1 to 50')
    .min(1, 'must be a whole number from 1 to 50')
    .max(50, 'must be a whole number from 1 to 50')
    .optional()
    .describe('Therapists per page (default 20).'),
});

// deno-lint-ignore no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u001F\u007F]/;

/**
 * A 400 naming the first query parameter whose name or value no database text can hold: a control
 * character (Postgres refuses NUL) or half a UTF-16 character. URLSearchParams already turns
 * bytes that are not UTF-8 into U+FFFD, so this guards what a decoded value may still carry.
 */
function unreadableParam(params: URLSearchParams): Response | null {
  const readable = (text: string) => isWellFormedText(text) && !controlCharacters.test(text);
  for (const [name, value] of params) {
    if (!readable(name))
      return apiError(
        400,
        'invalid_query',
        `A query parameter name contains characters that are not allowed: ${JSON.stringify(name)}.`,
        JSON.stringify(name),
      );
    if (!readable(value))
      return apiError(
        400,
        'invalid_query',
        `Query parameter ${name} contains characters that are not allowed.`,
        name,
      );
  }
  return null;
}

/**
 * The client portal's filters beside the directory's: an office and an insurance (a payer), each
 * by its id. Not part of the payer API: a payer filters by state and city, and sees no other payer.
 */
export const portalDirectoryQuerySchema = z.strictObject({
  location: z.uuid({ error: 'must be an office id' }).optional(),
  insurance: z.uuid({ error: 'must be a payer id' }).optional(),
});

/** Takes the portal's own parameters out of `params` (validated), leaving the directory's. */
export function takePortalFilters(
  params: URLSearchParams,
): { location: string | null; payer: string | null; rest: URLSearchParams } | { error: Response } {
  const rest = new URLSearchParams(params);
  const own: Record<string, string> = {};
  for (const name of ['location', 'insurance']) {
    const value = rest.get(name);
    if (value !== null) own[name] = value;
    rest.delete(name);
  }
  const parsed = portalDirectoryQuerySchema.safeParse(own);
  if (!parsed.success) {
    const field = parsed.error.issues[0]!.path.join('.');
    return {
      error: apiError(
        400,
        'invalid_query',
        `Query parameter ${field} ${parsed.error.issues[0]!.message}.`,
        field,
      ),
    };
  }
  return { location: parsed.data.location ?? null, payer: parsed.data.insurance ?? null, rest };
}

export type DirectoryQuery = { filters: DirectoryFilters; cursor: Cursor | null; limit: number };

/** Parses the directory's query string; returns a 400 naming the parameter when it can't. */
export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery | { error: Response } {
  const unreadable = unreadableParam(params);
  if (unreadable) return { error: unreadable };
  const parsed = directoryQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? issue.keys[0]! : issue.path.join('.');
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unknown query parameter: ${field}.`
        : `Query parameter ${field} ${issue.message}.`;
    return { error: apiError(400, 'invalid_query', message, field) };
  }
  const q = parsed.data;
  let cursor: Cursor | null = null;
  if (q.cursor) {
    cursor = decodeCursor(q.cursor);
    if (!cursor)
      return {
        error: apiError(
          400,
          'invalid_query',
          'Query parameter cursor is not a cursor this API gave out.',
          'cursor',
        ),
      };
  }
  return {
    filters: {
      specialties: q.specialty?.length ? q.specialty : null,
      languages: q.language?.length ? q.language : null,
      ages: q.age_group?.length ? q.age_group : null,
      formats: q.session_format?.length ? q.session_format : null,
      state: q.state ?? null,
      city: q.city ?? null,
    },
    cursor,
    limit: q.limit ?? 20,
  };
}

const b64url = (s: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export function encodeCursor(row: Pick<DirectoryRow, 'last_name' | 'first_name' | 'therapist_id'>): string {
  return b64url(JSON.stringify([row.last_name, row.first_name, row.therapist_id]));
}

/** Text Postgres can hold (and so a name the directory can have stored): well-formed, no NUL. */
const isStorableText = (value: unknown): value is string =>
  typeof value === 'string' && isWellFormedText(value) && !value.includes('\u0000');

/**
 * The cursor's position, or null when it is not one this API could have given out (anything
 * else would reach the database as a value it refuses, e.g. "\ud800" inside the JSON).
 */
export function decodeCursor(cursor: string): Cursor | null {
  try {
    const bytes = Uint8Array.from(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const decoded: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (!Array.isArray(decoded) || decoded.length !== 3) return null;
    const [lastName, firstName, id] = decoded;
    if (!isStorableText(lastName) || !isStorableText(firstName) || !z.uuid().safeParse(id).success)
      return null;
    return { lastName, firstName, id };
  } catch {
    return null;
  }
}

/** A therapist as payers and clients see them: public profile fields only. */
export function publicTherapist(row: DirectoryRow): z.infer<typeof therapistSchema> {
  return {
    id: row.therapist_id,
    clinic: { name: row.clinic_name, slug: row.clinic_slug },
    first_name: row.first_name,
    last_name: row.last_name,
    photo_url: row.photo_url,
    professional_title: row.professional_title,
    license: { type: row.license_type, state: row.license_state },
    about_me: row.about_me,
    specialties: row.specialties,
    treatment_approaches: row.treatment_approaches,
    ages_served: row.ages_served,
    session_formats: row.session_formats,
    languages: row.languages,
    education: row.education,
    years_in_practice: row.years_in_practice,
    website: row.website,
    pronouns: row.pronouns,
    first_session_note: row.first_session_note,
    location: row.location_city
      ? { name: row.location_name, city: row.location_city, state: row.location_state }
      : null,
    next_slots: row.next_slots,
  };
}

/** A therapist as the clinic's own request page shows them: the public profile and the payers they take. */
export function portalTherapist(row: DirectoryRow) {
  return { ...publicTherapist(row), accepted_payers: row.accepted_payers ?? [] };
}

/** A page of the directory: asks for one row more than the page to know if there is a next one. */
export function directoryPage(rows: DirectoryRow[], limit: number): z.infer<typeof therapistPageSchema> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(publicTherapist),
    next_cursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

const instant = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' })
  .refine(
    isStorableInstant,
    'must be an ISO 8601 date-time in the years 2000 to 2199 with a UTC offset of at most 15:59',
  );
/** ?from&to of a slot lookup (the OpenAPI document's parameters are generated from it). */
export const slotRangeSchema = z.strictObject({
  from: instant.describe('Start of the range.'),
  to: instant.describe('End of the range: after from, at most 62 days later.'),
});

/** Parses ?from&to for slot lookups: both required, to after from, at most 62 days apart. */
export function parseSlotRange(params: URLSearchParams): { from: string; to: string } | { error: Response } {
  const unreadable = unreadableParam(params);
  if (unreadable) return { error: unreadable };
  const parsed = slotRangeSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? issue.keys[0]! : issue.path.join('.');
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unknown query parameter: ${field}.`
        : issue.code === 'invalid_type'
          ? `Query parameter ${field} is required.`
          : `Query parameter ${field} ${issue.message}.`;
    return { error: apiError(400, 'invalid_query', message, field) };
  }
  const from = Date.parse(parsed.data.from);
  const to = Date.parse(parsed.data.to);
  if (to <= from)
    return { error: apiError(400, 'invalid_query', 'Query parameter to must be after from.', 'to') };
  if (to - from > 62 * 86_400_000)
    return { error: apiError(400, 'invalid_query', 'from and to can be at most 62 days apart.', 'to') };
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
