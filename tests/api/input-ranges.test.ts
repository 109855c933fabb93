/**
 * Dates out of range and time zones that are not places, at every entry point: the payer API,
 * the client portal, the app's table writes (PostgREST) and the database itself. Each refusal is
 * a 4xx that names the field, and nothing is written.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient, testEnv, personasForThisFile, withDb, type Client } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
let admin: Client, therapist: Client;
let priyaId: string, payerKey: string;

beforeAll(async () => {
  [admin, therapist] = await Promise.all([personas.signedInAs('orgAdmin'), personas.signedInAs('therapist')]);
  priyaId = personas.staff.therapist.id;
  payerKey = personas.payerKey;
});

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const person = () => ({
  first_name: 'Elena',
  last_name: 'Castillo',
  email: `ranges.${randomUUID().slice(0, 8)}@example.org`,
  phone: '617-555-0188',
  date_of_birth: '1991-04-12',
});
const inAWeek = () => {
  const start = new Date(Date.now() + 7 * 86_400_000);
  start.setUTCHours(14, 0, 0, 0);
  return start.toISOString();
};

async function requestCount(email: string) {
  const { count } = await service
    .from('referral_requests')
    .select('id', { count: 'exact', head: true })
    .eq('email', email);
  return count;
}

/** POSTs a request through the payer API or the client portal; the status and the error. */
async function submit(entry: 'payer' | 'portal', body: Record<string, unknown>) {
  const url =
    entry === 'payer'
      ? `${testEnv().apiUrl}/functions/v1/payer-api/referral-requests`
      : `${testEnv().apiUrl}/functions/v1/client-portal/clinics/${personas.clinic.slug}/requests`;
  const auth: Record<string, string> =
    entry === 'payer'
      ? { authorization: `Bearer ${payerKey}` }
      : { apikey: testEnv().anonKey, authorization: `Bearer ${testEnv().anonKey}` };
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    error: ((await response.json()) as { error?: { field?: string; message: string } }).error,
  };
}

describe('dates out of range in a referral request', () => {
  const cases: [string, string][] = [
    ['slot_start', '0000-01-01T00:00:00Z'],
    ['slot_start', '1999-12-31T23:00:00Z'],
    ['slot_start', '2200-01-01T00:00:00Z'],
    ['date_of_birth', '0000-01-01'],
    ['date_of_birth', '1900-01-01'],
    ['date_of_birth', isoDay(0)],
    ['date_of_birth', '2999-01-01'],
  ];
  for (const entry of ['payer', 'portal'] as const) {
    it(`${entry === 'payer' ? 'the payer API' : 'the client portal'} answers 422 naming the field and writes nothing`, async () => {
      for (const [field, value] of cases) {
        const who = person();
        const body = {
          therapist_id: priyaId,
          slot_start: inAWeek(),
          ...who,
          ...(entry === 'payer' ? { member_id: 'W2849301' } : {}),
          [field]: value,
        };
        const { status, error } = await submit(entry, body);
        expect(status, `${field}=${value}`).toBe(422);
        expect(error?.field, `${field}=${value}`).toBe(field);
        expect(error?.message).toMatch(
          field === 'slot_start' ? /^slot_start must be/ : /^Date of birth must be/,
        );
        expect(await requestCount(who.email)).toBe(0);
      }
    });
  }

  it('the payer API’s slot list answers 400 naming from or to', async () => {
    for (const [from, to, field] of [
      ['0000-01-01T00:00:00Z', '2027-01-02T00:00:00Z', 'from'],
      ['2027-01-01T00:00:00Z', '2200-01-01T00:00:00Z', 'to'],
    ]) {
      const response = await fetch(
        `${testEnv().apiUrl}/functions/v1/payer-api/therapists/${priyaId}/slots?from=${from}&to=${to}`,
        {
          headers: { authorization: `Bearer ${payerKey}` },
        },
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe(field);
    }
  });

  it('the database itself refuses a date of birth from today on, or a slot outside 2000–2199, naming the field', async () => {
    /** Inserts a request as the platform's functions would (they are the only writers); the error or null. */
    const insert = (table: 'referral_requests' | 'clients', overrides: Record<string, unknown>) =>
      withDb(async (db) => {
        const email = `db.${randomUUID().slice(0, 8)}@example.org`;
        const columns =
          table === 'referral_requests'
            ? {
                org_id: personas.clinic.id,
                therapist_id: priyaId,
                location_id: personas.clinic.locationId,
                source: 'payer',
                payer_id: personas.payers.aetna,
                first_name: 'Elena',
                last_name: 'Castillo',
                phone: '617-555-0188',
                member_id: 'W2849301',
                idempotency_key: randomUUID(),
                slot: '[2027-07-01T14:00:00Z,2027-07-01T15:00:00Z)',
                expires_at: '2027-06-30T14:00:00Z',
                date_of_birth: '1991-04-12',
                email,
                ...overrides,
              }
            : {
                org_id: personas.clinic.id,
                first_name: 'Elena',
                last_name: 'Castillo',
                email,
                date_of_birth: '1991-04-12',
                ...overrides,
              };
        const names = Object.keys(columns);
        const error = await db
          .query(
            `insert into public.${table} (${names.join(', ')}) values (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
            Object.values(columns),
          )
          .then(
            () => null,
            (e: { code: string; hint?: string; detail?: string; message: string }) => e,
          );
        const { rows } = await db.query(`select count(*)::int as n from public.${table} where email = $1`, [
          email,
        ]);
        return { error, written: rows[0].n as number };
      });
    for (const table of ['referral_requests', 'clients'] as const) {
      for (const date_of_birth of [isoDay(0), '2999-01-01']) {
        const { error, written } = await insert(table, { date_of_birth });
        expect(error, `${table} ${date_of_birth}`).toMatchObject({
          code: '22008',
          hint: 'out_of_range',
          detail: 'date_of_birth',
          message: 'date_of_birth must be a date after 1900-01-01 and before today.',
        });
        expect(written).toBe(0);
      }
      expect((await insert(table, { date_of_birth: isoDay(-1) })).error, table).toBeNull();
    }
    for (const slot of [
      '[1999-12-31T14:00:00Z,1999-12-31T15:00:00Z)',
      '[2199-12-31T23:30:00Z,2200-01-01T00:30:00Z)',
    ]) {
      const { error, written } = await insert('referral_requests', {
        slot,
        expires_at: '1999-12-30T14:00:00Z',
      });
      expect(error?.message, slot).toContain('referral_requests_slot_in_range');
      expect(written).toBe(0);
    }
  });
});

describe('dates and times the app writes', () => {
  const block = (overrides: Record<string, unknown>) => ({
    org_id: personas.clinic.id,
    staff_id: priyaId,
    location_id: personas.clinic.locationId,
    valid_from: '2031-03-02',
    weekdays: [7],
    start_time: '03:00',
    end_time: '03:30',
    ...overrides,
  });
  const blocksFrom = async (validFrom: string) =>
    (
      await service
        .from('availability_blocks')
        .select('id', { count: 'exact', head: true })
        .eq('staff_id', priyaId)
        .eq('valid_from', validFrom)
    ).count;

  it('an availability block’s recurrence end and times are refused with a constraint that names the field', async () => {
    for (const [overrides, constraint] of [
      [{ valid_until: '2033-03-03' }, 'availability_blocks_valid_until_within_730_days'],
      [{ valid_until: '2031-03-01' }, 'availability_blocks_valid_until_on_or_after_valid_from'],
      [{ start_time: '22:00', end_time: '24:00' }, 'availability_blocks_start_time_end_time_before_24_00'],
      [{ start_time: '04:00', end_time: '03:00' }, 'availability_blocks_end_time_after_start_time'],
    ] as const) {
      const { status, error } = await therapist.from('availability_blocks').insert(block(overrides));
      expect(status, constraint).toBe(400);
      expect(error?.message).toContain(constraint);
    }
    expect(await blocksFrom('2031-03-02')).toBe(0);
  });

  it('created_at and updated_at are the server’s: a block or a location that sets them is refused', async () => {
    for (const stamp of ['0001-01-01T00:00:00Z', 'infinity']) {
      const blockWrite = await therapist
        .from('availability_blocks')
        .insert(block({ valid_from: '2031-04-06', created_at: stamp }));
      expect(blockWrite.status, stamp).toBeGreaterThanOrEqual(400);
      expect(blockWrite.status, stamp).toBeLessThan(500);
      expect(blockWrite.error?.code).toBe('42501');
      const name = `Stamp Office ${randomUUID().slice(0, 8)}`;
      const locationWrite = await admin.from('locations').insert({
        org_id: personas.clinic.id,
        name,
        address_line: '1 Main Street',
        city: 'Boston',
        state: 'MA',
        postal_code: '02110',
        time_zone: 'America/New_York',
        created_at: stamp,
      });
      expect(locationWrite.status, stamp).toBeGreaterThanOrEqual(400);
      expect(locationWrite.status, stamp).toBeLessThan(500);
      expect(locationWrite.error?.code).toBe('42501');
      expect((await service.from('locations').select('id').eq('name', name)).data).toEqual([]);
    }
    expect(await blocksFrom('2031-04-06')).toBe(0);
  });
});

describe('a time zone must be the IANA name of a place', () => {
  const refused = [
    'EST',
    'MST',
    'HST',
    'EST5EDT',
    'Etc/GMT+5',
    '+05:00',
    'UTC',
    'US/Eastern',
    'america/new_york',
  ];
  const message =
    'time_zone must be the IANA name of a place, such as America/New_York; abbreviations and fixed offsets (EST, UTC, Etc/GMT+5, +05:00) ignore daylight saving time.';
  const office = (time_zone: string) => ({
    org_id: personas.clinic.id,
    name: `Zone Office ${randomUUID().slice(0, 8)}`,
    address_line: '1 Main Street',
    city: 'Boston',
    state: 'MA',
    postal_code: '02110',
    time_zone,
  });

  it('an org admin adding or editing a location with an abbreviation or offset gets a 400 naming time_zone; nothing changes', async () => {
    for (const zone of refused) {
      const candidate = office(zone);
      const { status, error } = await admin.from('locations').insert(candidate);
      expect(status, zone).toBe(400);
      expect(error).toMatchObject({
        code: '23514',
        hint: 'invalid_time_zone',
        details: 'time_zone',
        message,
      });
      expect((await service.from('locations').select('id').eq('name', candidate.name)).data).toEqual([]);
    }
    const accepted = office('America/Phoenix');
    const { data, error } = await admin.from('locations').insert(accepted).select('id').single();
    expect(error).toBeNull();
    for (const zone of ['EST', 'Etc/GMT+5', '+05:00']) {
      const { status, error: updateError } = await admin
        .from('locations')
        .update({ time_zone: zone })
        .eq('id', data!.id);
      expect(status, zone).toBe(400);
      expect(updateError?.message).toBe(message);
    }
    expect((await service.from('locations').select('time_zone').eq('id', data!.id).single()).data).toEqual({
      time_zone: 'America/Phoenix',
    });
    await service.from('locations').delete().eq('id', data!.id);
  });

  it('an organization (made by the platform) is refused the same way', async () => {
    for (const zone of ['EST', 'Etc/GMT+5', '+05:00', 'UTC']) {
      const slug = `zone-${randomUUID().slice(0, 8)}`;
      const { status, error } = await service
        .from('organizations')
        .insert({ name: `Zone Clinic ${slug}`, slug, time_zone: zone });
      expect(status, zone).toBe(400);
      expect(error?.message).toBe(message);
      expect((await service.from('organizations').select('id').eq('slug', slug)).data).toEqual([]);
    }
    const honolulu = await withDb((db) =>
      db
        .query(
          `update public.organizations set time_zone = 'Pacific/Honolulu' where id = $1 returning time_zone`,
          [personas.otherClinic.id],
        )
        .then(async (r) => {
          await db.query(`update public.organizations set time_zone = 'America/Chicago' where id = $1`, [
            personas.otherClinic.id,
          ]);
          return r.rows[0];
        }),
    );
    expect(honolulu).toEqual({ time_zone: 'Pacific/Honolulu' });
  });
});
