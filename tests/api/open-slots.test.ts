/**
 * The open-slot function in SQL, in four time zones across both daylight-saving changes, with a
 * morning block (09:00) and an afternoon block (from 13:00), recurrence edges, and everything
 * that takes a slot away. Each zone gets its own clinic, so the cases cannot disturb each other.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertClinicWithTherapist } from './factories.ts';
import { personasForThisFile, withDb } from './personas.ts';

const personas = personasForThisFile();
interface Fixture {
  orgId: string;
  staffId: string;
  locationId: string;
}

let db: pg.Client;
let release: () => void;

beforeAll(async () => {
  // one connection for the whole file
  await new Promise<void>((ready) => {
    void withDb(async (client) => {
      db = client;
      ready();
      await new Promise<void>((r) => (release = r));
    });
  });
});
afterAll(() => release());

let counter = 0;
/** A clinic in `zone` with one enrolled, Completed therapist. */
async function clinicIn(zone: string): Promise<Fixture> {
  counter += 1;
  const slug = `slots-${zone.toLowerCase().replace(/[^a-z]+/g, '-')}-${counter}-${Date.now()}`;
  return insertClinicWithTherapist(db, { slug, payer: personas.payers.aetna, zone });
}

async function addBlock(
  f: Fixture,
  block: {
    from: string;
    until: string | null;
    weekdays: number[] | null;
    start: string;
    end: string;
    external?: boolean;
  },
) {
  await db.query(
    `insert into public.availability_blocks (org_id, staff_id, location_id, valid_from, valid_until, weekdays, start_time, end_time, accept_external)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      f.orgId,
      f.staffId,
      f.locationId,
      block.from,
      block.until,
      block.weekdays,
      block.start,
      block.end,
      block.external ?? true,
    ],
  );
}

/** Slots as local "YYYY-MM-DD HH:MI" strings in `zone`, plus their UTC offsets. */
async function slots(f: Fixture, zone: string, from: string, to: string, asOf: string) {
  const { rows } = await db.query(
    `select to_char(slot_start at time zone $5, 'YYYY-MM-DD HH24:MI') as local,
            extract(epoch from (slot_end - slot_start)) / 60 as minutes,
            to_char(slot_start at time zone 'UTC', 'HH24:MI') as utc
     from private.open_slots($1, ($2::date)::timestamp at time zone $5, ($3::date)::timestamp at time zone $5, $4::timestamptz)`,
    [f.staffId, from, to, asOf, zone],
  );
  return rows as { local: string; minutes: number; utc: string }[];
}

const dayTimes = (date: string, times: string[]) => times.map((t) => `${date} ${t}`);
const morningAndAfternoon = ['09:00', '10:00', '13:00', '14:00', '15:00', '16:00'];

// Mondays around each 2027 clock change (as Monday dates) in each zone
const zones = [
  { zone: 'America/New_York', spring: ['2027-03-08', '2027-03-15'], autumn: ['2027-11-01', '2027-11-08'] },
  { zone: 'America/Los_Angeles', spring: ['2027-03-08', '2027-03-15'], autumn: ['2027-11-01', '2027-11-08'] },
  { zone: 'Europe/London', spring: ['2027-03-22', '2027-03-29'], autumn: ['2027-10-25', '2027-11-01'] },
  // the southern hemisphere: clocks go back in April, forward in October
  { zone: 'Australia/Sydney', spring: ['2027-09-27', '2027-10-04'], autumn: ['2027-03-29', '2027-04-05'] },
];

describe.each(zones)('$zone', ({ zone, spring, autumn }) => {
  for (const [change, [before, after]] of [
    ['clocks forward', spring],
    ['clocks back', autumn],
  ] as const) {
    it(`keeps 09:00 and 13:00 local across ${change} (${before} → ${after})`, async () => {
      const f = await clinicIn(zone);
      await addBlock(f, { from: before!, until: after!, weekdays: [1], start: '09:00', end: '11:00' });
      await addBlock(f, { from: before!, until: after!, weekdays: [1], start: '13:00', end: '17:00' });
      const found = await slots(f, zone, before!, addDays(after!, 1), `${addDays(before!, -3)}T00:00:00Z`);
      expect(found.map((s) => s.local)).toEqual([
        ...dayTimes(before!, morningAndAfternoon),
        ...dayTimes(after!, morningAndAfternoon),
      ]);
      expect(found.every((s) => Number(s.minutes) === 60)).toBe(true);
      // the same local time is a different UTC time on each side of the change
      expect(found[0]!.utc).not.toBe(found[6]!.utc);
    });
  }
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('recurrence and what takes slots away', () => {
  const zone = 'America/New_York';
  const asOf = '2027-05-01T00:00:00Z';

  it('stops at the until date and repeats only on the chosen weekdays', async () => {
    const f = await clinicIn(zone);
    // Mondays and Wednesdays from Mon May 3 until Wed May 12, 2027
    await addBlock(f, {
      from: '2027-05-03',
      until: '2027-05-12',
      weekdays: [1, 3],
      start: '09:00',
      end: '10:00',
    });
    const found = await slots(f, zone, '2027-05-01', '2027-05-31', asOf);
    expect(found.map((s) => s.local)).toEqual([
      '2027-05-03 09:00',
      '2027-05-05 09:00',
      '2027-05-10 09:00',
      '2027-05-12 09:00',
    ]);
  });

  it('cuts blocks into the clinic’s session length from each block’s start', async () => {
    const f = await clinicIn(zone);
    await db.query('update public.organizations set session_length_minutes = 45 where id = $1', [f.orgId]);
    await addBlock(f, {
      from: '2027-05-04',
      until: '2027-05-04',
      weekdays: null,
      start: '13:30',
      end: '16:00',
    });
    const found = await slots(f, zone, '2027-05-04', '2027-05-05', asOf);
    expect(found.map((s) => s.local)).toEqual(['2027-05-04 13:30', '2027-05-04 14:15', '2027-05-04 15:00']);
  });

  it('leaves out scheduled appointments and pending requests, but not cancelled or declined ones', async () => {
    const f = await clinicIn(zone);
    await addBlock(f, {
      from: '2027-05-04',
      until: '2027-05-04',
      weekdays: null,
      start: '09:00',
      end: '13:00',
    });
    const {
      rows: [client],
    } = await db.query(
      `insert into public.clients (org_id, first_name, last_name, email, date_of_birth) values ($1, 'Rowan', 'Osei', 'rowan.osei@example.org', '1990-02-03') returning id`,
      [f.orgId],
    );
    const at = (local: string, minutes = 60) =>
      `tstzrange(('${local}'::timestamp at time zone '${zone}'), ('${local}'::timestamp at time zone '${zone}') + interval '${minutes} minutes')`;
    await db.query(
      `insert into public.appointments (org_id, staff_id, client_id, during) values ($1, $2, $3, ${at('2027-05-04 09:30', 30)})`,
      [f.orgId, f.staffId, client.id],
    );
    await db.query(
      `insert into public.appointments (org_id, staff_id, client_id, during, status) values ($1, $2, $3, ${at('2027-05-04 12:00')}, 'cancelled')`,
      [f.orgId, f.staffId, client.id],
    );
    const request = (local: string, status: string, key: string) =>
      db.query(
        `insert into public.referral_requests (org_id, therapist_id, slot, source, first_name, last_name, email, phone, date_of_birth, status,
           expires_at, idempotency_key, decided_at, decline_reason)
         values ($1, $2, ${at(local)}, 'client_portal', 'Imani', 'Castillo', 'imani@example.org', '617-555-0100', '1988-07-01', $3::public.referral_status,
           '2027-05-03T00:00:00Z', $4, case when $3::text = 'declined' then now() end, case when $3::text = 'declined' then 'no_availability' end)`,
        [f.orgId, f.staffId, status, key],
      );
    await request('2027-05-04 10:00', 'pending', `pending-${f.staffId}`);
    await request('2027-05-04 11:00', 'declined', `declined-${f.staffId}`);
    const found = await slots(f, zone, '2027-05-04', '2027-05-05', asOf);
    expect(found.map((s) => s.local)).toEqual(['2027-05-04 11:00', '2027-05-04 12:00']);
  });

  it('respects the minimum notice and the booking horizon', async () => {
    const f = await clinicIn(zone);
    await addBlock(f, {
      from: '2027-05-03',
      until: '2027-09-30',
      weekdays: [1],
      start: '09:00',
      end: '10:00',
    });
    // as of Sunday May 2, 10:00 New York: Monday 09:00 is less than 24 hours away
    const found = await slots(f, zone, '2027-05-01', '2027-09-30', '2027-05-02T14:00:00Z');
    expect(found[0]!.local).toBe('2027-05-10 09:00');
    // 60 days from May 2 ends on July 1: the last Monday offered is June 28
    expect(found.at(-1)!.local).toBe('2027-06-28 09:00');
  });

  it('offers nothing for internal-only blocks, a deactivated therapist or an incomplete profile', async () => {
    const internal = await clinicIn(zone);
    await addBlock(internal, {
      from: '2027-05-04',
      until: '2027-05-04',
      weekdays: null,
      start: '09:00',
      end: '12:00',
      external: false,
    });
    expect(await slots(internal, zone, '2027-05-04', '2027-05-05', asOf)).toEqual([]);

    const deactivated = await clinicIn(zone);
    await addBlock(deactivated, {
      from: '2027-05-04',
      until: '2027-05-04',
      weekdays: null,
      start: '09:00',
      end: '12:00',
    });
    await db.query(`update public.program_enrollments set status = 'deactivated' where staff_id = $1`, [
      deactivated.staffId,
    ]);
    expect(await slots(deactivated, zone, '2027-05-04', '2027-05-05', asOf)).toEqual([]);
    const { rows } = await db.query(
      'select bool_or(accept_external) as open from public.availability_blocks where staff_id = $1',
      [deactivated.staffId],
    );
    expect(rows[0].open).toBe(false);

    const incomplete = await clinicIn(zone);
    await addBlock(incomplete, {
      from: '2027-05-04',
      until: '2027-05-04',
      weekdays: null,
      start: '09:00',
      end: '12:00',
    });
    await db.query('alter table public.public_profiles disable trigger user');
    try {
      await db.query('update public.public_profiles set submitted_at = null where staff_id = $1', [
        incomplete.staffId,
      ]);
    } finally {
      await db.query('alter table public.public_profiles enable trigger user');
    }
    expect(await slots(incomplete, zone, '2027-05-04', '2027-05-05', asOf)).toEqual([]);
  });

  it('refuses overlapping blocks of one therapist, recurring or not, with a clear message', async () => {
    const f = await clinicIn(zone);
    await addBlock(f, { from: '2027-05-03', until: null, weekdays: [1], start: '09:00', end: '12:00' });
    const clash = await addBlock(f, {
      from: '2027-05-17',
      until: '2027-05-17',
      weekdays: null,
      start: '11:00',
      end: '13:00',
    }).catch((e: Error) => e);
    expect(String(clash)).toContain(
      'This block overlaps another availability block of the same therapist (09:00–12:00).',
    );
    // back to back is fine
    await addBlock(f, {
      from: '2027-05-17',
      until: '2027-05-17',
      weekdays: null,
      start: '12:00',
      end: '13:00',
    });
  });
});
