/**
 * The parts of "POST a referral request" the payer API and the client portal share: the
 * Idempotency-Key header, the JSON body, validation against the caller's schema, the hash that
 * tells a replay from a reused key, and the 201 answer (marked when it was a replay).
 */
import type { z } from 'zod';
import { apiError, canonicalJson, json, readJson, sha256Hex } from './http.ts';
import { firstIssue, idempotencyKeySchema } from './referral-request.ts';

/** The Idempotency-Key and the JSON body, or the 4xx answer when either is missing or unreadable. */
export async function readIdempotentPost(
  request: Request,
): Promise<{ key: string; body: unknown } | { error: Response }> {
  const key = idempotencyKeySchema.safeParse(request.headers.get('idempotency-key') ?? undefined);
  if (!key.success)
    return { error: apiError(400, 'idempotency_key_required', firstIssue(key.error).message) };
  const read = await readJson(request);
  if ('error' in read) return read;
  return { key: key.data, body: read.body };
}

/** The body validated (422 naming the field otherwise) and its hash over canonical JSON. */
export async function validRequest<S extends z.ZodType>(
  schema: S,
  body: unknown,
): Promise<{ data: z.infer<S>; hash: string } | { error: Response }> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    return { error: apiError(422, 'validation_failed', message, field) };
  }
  return { data: parsed.data, hash: await sha256Hex(canonicalJson(parsed.data)) };
}

export interface CreatedRequestRow {
  request_id: string;
  status: string;
  expires_at: string;
  created_at: string;
}

export const requestBody = (r: CreatedRequestRow) => ({
  id: r.request_id,
  status: r.status,
  expires_at: new Date(r.expires_at).toISOString(),
  created_at: new Date(r.created_at).toISOString(),
});

export const createdAnswer = (created: CreatedRequestRow & { replayed: boolean }) =>
  json(201, requestBody(created), created.replayed ? { 'idempotent-replayed': 'true' } : {});

/** Open slots as the APIs list them: instants in UTC ISO form. */
/** An open slot as the database gives it: instants, and the IANA zone and name of its office. */
export interface SlotRow {
  slot_start: string;
  slot_end: string;
  time_zone: string;
  office_name: string;
}

/** Each slot carries its office's IANA zone, so a payer or the request page shows it in the office's time. */
export const slotsAnswer = (slots: SlotRow[]) =>
  json(200, {
    data: slots.map((s) => ({
      start: new Date(s.slot_start).toISOString(),
      end: new Date(s.slot_end).toISOString(),
      time_zone: s.time_zone,
      office_name: s.office_name,
    })),
  });
