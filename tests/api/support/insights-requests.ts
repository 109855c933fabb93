/**
 * What the insights tests share: a payer request as they need it (arrived at a given time, still
 * pending, its time to answer ahead so the stack's expiry job leaves it, or declined a given
 * number of minutes after it arrived), and a call of `public.program_insights` that fails the
 * test on an error.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { withDb, type Client, type Personas } from '../personas.ts';

const hour = 3_600_000;

/** The arguments of `public.program_insights`: a clinic and a period, and optionally what narrows it. */
type InsightsArgs = { org_id: string; period_from: string; period_to: string } & Record<string, unknown>;

/** `public.program_insights` as `caller`, its document typed as the test reads it; an error fails the test. */
export async function programInsights<Figures>(caller: Client, args: InsightsArgs): Promise<Figures> {
  const { data, error } = await caller.rpc('program_insights', args as never);
  expect(error).toBeNull();
  return data as unknown as Figures;
}

export function insertInsightsRequest(
  personas: Personas,
  {
    arrived,
    therapist,
    decidedAfterMinutes,
    tag,
  }: {
    arrived: string;
    therapist: string;
    decidedAfterMinutes?: number;
    /** Names the client and their address, so a file's rows are told apart. */
    tag: string;
  },
): Promise<string> {
  const at = new Date(arrived);
  const decided = decidedAfterMinutes !== undefined;
  return withDb(async (db) => {
    const {
      rows: [row],
    } = await db.query(
      `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name, last_name,
         email, phone, date_of_birth, status, created_at, expires_at, decided_by, decided_at, decline_reason, idempotency_key)
       values ($1, $2, $3, tstzrange($13::timestamptz, $13::timestamptz + interval '1 hour'),
         'payer', $5, 'Client', $14, $6, '617-555-0188', '1990-01-01', $7::public.referral_status, $4::timestamptz,
         $8::timestamptz, $9, $10::timestamptz, $11, $12)
       returning id`,
      [
        personas.clinic.id,
        therapist,
        personas.clinic.locationId,
        at,
        personas.payers.aetna,
        `${tag.toLowerCase()}.${randomUUID().slice(0, 8)}@example.org`,
        decided ? 'declined' : 'pending',
        decided ? new Date(at.getTime() + 48 * hour) : new Date(Date.now() + 24 * hour),
        decided ? personas.staff.scheduler.userId : null,
        decided ? new Date(at.getTime() + decidedAfterMinutes * 60_000) : null,
        decided ? 'other' : null,
        randomUUID(),
        decided ? new Date(at.getTime() + 72 * hour) : new Date(Date.now() + 30 * 24 * hour),
        tag,
      ],
    );
    return row.id as string;
  });
}
