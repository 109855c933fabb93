/**
 * The per-therapist table's rates are rounded to four decimals, half away from zero, as
 * `round(count::numeric / volume, 4)` would give them: the call computes them in integers, and
 * these figures sit exactly on a half-way point (1 of 32 = 0.03125, 31 of 32 = 0.96875, which
 * truncation or rounding half to even would make 0.0312 and 0.9687) or repeat forever (2 of 3).
 * The page (with weekly counts) and the CSV's every row (without) are built by the same code.
 *
 * The clinic is in America/New_York; every request arrives on Tuesday 2026-06-02 at 14:00 UTC.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { personasForThisFile, withDb, type Client } from './personas.ts';

const personas = personasForThisFile();
let admin: Client;

const period = { period_from: '2026-06-01', period_to: '2026-06-14' };
const arrived = '2026-06-02T14:00:00Z';

/** A therapist of the clinic named `last`, with `expired` expired and `declined` declined requests. */
async function therapistWith(last: string, counts: { confirmed: number; expired: number; declined: number }) {
  return withDb(async (db) => {
    const {
      rows: [therapist],
    } = await db.query(
      `insert into public.staff_members (org_id, first_name, last_name, email, roles, default_location_id)
       values ($1, 'Rate', $2, $3, '{therapist}', $4) returning id`,
      [personas.clinic.id, last, `rate.${randomUUID().slice(0, 8)}@example.org`, personas.clinic.locationId],
    );
    const statuses = [
      ...Array<string>(counts.confirmed).fill('confirmed'),
      ...Array<string>(counts.expired).fill('expired'),
      ...Array<string>(counts.declined).fill('declined'),
    ];
    for (const [n, status] of statuses.entries()) {
      // each slot three days after arrival plus an hour per request, so confirmed ones never overlap
      const slotStart = new Date(Date.parse(arrived) + (72 + n) * 3_600_000);
      let appointment: string | null = null;
      if (status === 'confirmed') {
        const {
          rows: [client],
        } = await db.query(
          `insert into public.clients (org_id, first_name, last_name, email, date_of_birth)
           values ($1, 'Client', 'Rates', $2, '1990-01-01') returning id`,
          [personas.clinic.id, `rates.${randomUUID().slice(0, 8)}@example.org`],
        );
        const {
          rows: [row],
        } = await db.query(
          `insert into public.appointments (org_id, staff_id, client_id, location_id, during)
           values ($1, $2, $3, $4, tstzrange($5::timestamptz, $5::timestamptz + interval '1 hour')) returning id`,
          [personas.clinic.id, therapist.id, client.id, personas.clinic.locationId, slotStart],
        );
        appointment = row.id;
      }
      const decided = status === 'expired' ? null : new Date(Date.parse(arrived) + 3_600_000);
      await db.query(
        `insert into public.referral_requests (org_id, therapist_id, location_id, slot, source, payer_id, first_name,
           last_name, email, phone, date_of_birth, status, created_at, expires_at, decided_by, decided_at,
           decline_reason, appointment_id, idempotency_key)
         values ($1, $2, $3, tstzrange($4::timestamptz, $4::timestamptz + interval '1 hour'), 'payer', $5, 'Client',
           'Rates', $6, '617-555-0188', '1990-01-01', $7::public.referral_status, $8::timestamptz,
           $8::timestamptz + interval '48 hours', case when $9::timestamptz is not null then $10::uuid end,
           $9::timestamptz, case when $7::text = 'declined' then 'other' end, $11, $12)`,
        [
          personas.clinic.id,
          therapist.id,
          personas.clinic.locationId,
          slotStart,
          personas.payers.aetna,
          `rates.${randomUUID().slice(0, 8)}@example.org`,
          status,
          arrived,
          decided,
          personas.staff.scheduler.userId,
          appointment,
          randomUUID(),
        ],
      );
    }
    return therapist.id as string;
  });
}

let halves = '';
let thirds = '';

beforeAll(async () => {
  admin = await personas.signedInAs('orgAdmin');
  halves = await therapistWith('Halves', { confirmed: 1, expired: 31, declined: 0 });
  thirds = await therapistWith('Thirds', { confirmed: 0, expired: 2, declined: 1 });
});

interface Row {
  id: string;
  volume: number;
  confirm_rate: number;
  expiry_rate: number;
}

async function rows(args: Record<string, unknown>): Promise<Row[]> {
  const { data, error } = await admin.rpc('program_insights_therapists', {
    org_id: personas.clinic.id,
    ...period,
    ...args,
  } as never);
  if (error) throw error;
  return (data as unknown as { rows: Row[] }).rows;
}

describe('per-therapist rates, rounded to four decimals half away from zero', () => {
  for (const [what, args] of [
    ['a page with weekly counts', {}],
    ['every row for the CSV', { with_weekly: false, page_size: 10_000 }],
  ] as const)
    it(`on ${what}`, async () => {
      const byId = new Map((await rows(args)).map((r) => [r.id, r]));
      expect(byId.get(halves)).toMatchObject({ volume: 32, confirm_rate: 0.0313, expiry_rate: 0.9688 });
      expect(byId.get(thirds)).toMatchObject({ volume: 3, confirm_rate: 0, expiry_rate: 0.6667 });
    });
});
