/**
 * Helpers of the status-link and offered-times tests: requests on open slots of a listed
 * therapist, status links made as the database makes them for an email, and the status page's
 * calls through the client-portal function, as the client's browser makes them.
 */
import { randomUUID } from 'node:crypto';
import { serviceClient, testEnv, withDb, type Personas } from '../personas.ts';

/** The open slots of `therapist` on the day `daysAhead` from now (UTC day), as public lists show them. */
export async function openSlotsOn(therapist: string, daysAhead: number) {
  const from = new Date(Date.now() + daysAhead * 86_400_000);
  from.setUTCHours(0, 0, 0, 0);
  const to = new Date(from.getTime() + 86_400_000);
  const { data, error } = await serviceClient().rpc('open_slots', {
    therapist,
    from_ts: from.toISOString(),
    to_ts: to.toISOString(),
  });
  if (error) throw new Error(`openSlotsOn: ${error.message}`);
  return (data ?? []).map((s) => ({
    start: new Date(s.slot_start).toISOString(),
    end: new Date(s.slot_end).toISOString(),
  }));
}

/**
 * A pending payer request of `personas.clinic` for the first open slot of `therapist` on day
 * `daysAhead`, written as the platform. Returns it with the other open slots of that day.
 */
export async function pendingRequestOnOpenSlot(
  personas: Personas,
  therapist: string,
  daysAhead: number,
  source: 'payer' | 'client_portal' = 'payer',
) {
  const [first, ...others] = await openSlotsOn(therapist, daysAhead);
  if (!first) throw new Error(`pendingRequestOnOpenSlot: no open slot ${daysAhead} days ahead`);
  const email = `client.${randomUUID().slice(0, 8)}@example.org`;
  const id = await withDb(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name,
         email, phone, date_of_birth, member_id, note, expires_at, verified_at, idempotency_key)
       values ($1, $2, $3, tstzrange($4, $5, '[)'), $6::public.referral_source, $7, 'Elena', 'Castillo', $8, '617-555-0188', '1991-04-12',
         'W2849301', 'CANARY-panic attacks', least(now() + interval '48 hours', $4::timestamptz),
         case when $6::text = 'client_portal' then now() end, $9) returning id`,
      [
        personas.clinic.id,
        therapist,
        personas.clinic.locationId,
        first.start,
        first.end,
        source,
        source === 'payer' ? personas.payers.aetna : null,
        email,
        randomUUID(),
      ],
    );
    return rows[0]!.id;
  });
  return { id, email, slot: first, otherSlots: others };
}

/** A status link for the request, made as the database makes one for each client email. */
export async function statusTokenFor(requestId: string): Promise<string> {
  const path = await withDb(async (db) => {
    const { rows } = await db.query<{ path: string }>('select private.mint_status_link($1) as path', [
      requestId,
    ]);
    return rows[0]!.path;
  });
  return path.replace('/request/status/', '');
}

/** POSTs to the status page's API on the client-portal function, with the anon key only. */
export async function statusCall(path: 'status' | 'status/withdraw' | 'status/pick', body: unknown) {
  const { apiUrl, anonKey } = testEnv();
  const response = await fetch(`${apiUrl}/functions/v1/client-portal/${path}`, {
    method: 'POST',
    headers: { apikey: anonKey, authorization: `Bearer ${anonKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read whichever answer shape came back
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** The request's row as the database holds it now. */
export async function requestRow(id: string) {
  return withDb(async (db) => {
    const { rows } = await db.query(
      `select status, therapist_id, lower(slot) as slot_start, expires_at, offered_at, appointment_id, client_id,
              withdrawn_reason, decided_at
       from public.referral_requests where id = $1`,
      [id],
    );
    return rows[0] as {
      status: string;
      therapist_id: string;
      slot_start: Date;
      expires_at: Date;
      offered_at: Date | null;
      appointment_id: string | null;
      client_id: string | null;
      withdrawn_reason: string | null;
      decided_at: Date | null;
    };
  });
}

/** Outbox rows queued for `recipient`, oldest first. */
export async function emailsTo(recipient: string) {
  return withDb(async (db) => {
    const { rows } = await db.query<{ template: string; idempotency_key: string }>(
      `select template::text, idempotency_key from public.notification_outbox where recipient = $1 order by created_at`,
      [recipient],
    );
    return rows;
  });
}
