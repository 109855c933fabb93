/**
 * Security matrix for availability and the request-side tables: therapists manage their own
 * blocks, org admins anyone's in the clinic, schedulers read; other clinics and anon nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, serviceClient, personasForThisFile, type Client } from '../personas.ts';

const personas = personasForThisFile();
let admin: Client, scheduler: Client, priya: Client, jordan: Client, otherAdmin: Client;
let priyaId: string, jordanId: string;
const service = serviceClient();

beforeAll(async () => {
  [admin, scheduler, priya, jordan, otherAdmin] = await Promise.all([
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('scheduler'),
    personas.signedInAs('therapist'),
    personas.signedInAs('otherTherapist'),
    personas.signedInAs('otherOrgAdmin'),
  ]);
  // priya: enrolled and listed; jordan: a colleague who is not in the program
  [priyaId, jordanId] = [personas.staff.therapist.id, personas.staff.otherTherapist.id];
});

// one-off afternoon blocks on distinct Saturdays a few months ahead, clear of priya's morning blocks
let saturday = 0;
const block = (staffId: string, extra: Record<string, unknown> = {}) => {
  saturday += 1;
  const start = new Date();
  start.setUTCDate(start.getUTCDate() + 60);
  start.setUTCDate(start.getUTCDate() + ((6 - start.getUTCDay() + 7) % 7) + 7 * saturday);
  const date = start.toISOString().slice(0, 10);
  return {
    org_id: personas.clinic.id,
    staff_id: staffId,
    location_id: personas.clinic.locationId,
    valid_from: date,
    valid_until: date,
    start_time: '13:00',
    end_time: '16:00',
    ...extra,
  };
};

describe('availability_blocks', () => {
  it('select: staff of the clinic read its availability; another clinic and anon do not', async () => {
    const { data } = await scheduler.from('availability_blocks').select('staff_id').eq('staff_id', priyaId);
    expect(data!.length).toBeGreaterThan(0);
    expect(
      (await otherAdmin.from('availability_blocks').select('id').eq('org_id', personas.clinic.id)).data,
    ).toEqual([]);
    expect((await anonClient().from('availability_blocks').select('id')).error?.code).toBe('42501');
    expect(
      (await priya.from('availability_occurrences').select('staff_id').eq('staff_id', priyaId).limit(1)).data,
    ).toHaveLength(1);
    expect(
      (await otherAdmin.from('availability_occurrences').select('staff_id').eq('staff_id', priyaId)).data,
    ).toEqual([]);
  });

  it('insert: a therapist adds their own block; an org admin anyone’s; a scheduler, a colleague and another clinic are refused', async () => {
    expect((await priya.from('availability_blocks').insert(block(priyaId))).error).toBeNull();
    expect((await admin.from('availability_blocks').insert(block(jordanId))).error).toBeNull();
    expect((await priya.from('availability_blocks').insert(block(jordanId))).error?.code).toBe('42501');
    expect((await scheduler.from('availability_blocks').insert(block(priyaId))).error?.code).toBe('42501');
    expect((await otherAdmin.from('availability_blocks').insert(block(priyaId))).error?.code).toBe('42501');
  });

  it('Accept External Appointments only for enrolled, active therapists', async () => {
    expect(
      (await priya.from('availability_blocks').insert(block(priyaId, { accept_external: true }))).error,
    ).toBeNull();
    const { error } = await jordan
      .from('availability_blocks')
      .insert(block(jordanId, { accept_external: true }));
    expect(error?.message).toBe(
      'Accept External Appointments is only for therapists enrolled and active in the Client Referral Program.',
    );
    expect((await jordan.from('availability_blocks').insert(block(jordanId))).error).toBeNull();
  });

  it('refuses an overlapping block with a clear message', async () => {
    const first = block(priyaId);
    expect((await priya.from('availability_blocks').insert(first)).error).toBeNull();
    const { error } = await priya
      .from('availability_blocks')
      .insert({ ...first, start_time: '15:00', end_time: '17:00' });
    expect(error?.code).toBe('23P01');
    expect(error?.message).toBe(
      'This block overlaps another availability block of the same therapist (13:00–16:00).',
    );
  });

  it('update: own or as org admin; a colleague, a scheduler and another clinic reach nothing; the owner never changes', async () => {
    const { data: created } = await jordan
      .from('availability_blocks')
      .insert(block(jordanId))
      .select('id')
      .single();
    const id = created!.id;
    expect(
      (await jordan.from('availability_blocks').update({ end_time: '15:00' }).eq('id', id).select('end_time'))
        .data,
    ).toEqual([{ end_time: '15:00:00' }]);
    expect(
      (await admin.from('availability_blocks').update({ end_time: '14:30' }).eq('id', id).select('end_time'))
        .data,
    ).toEqual([{ end_time: '14:30:00' }]);
    for (const client of [priya, scheduler, otherAdmin]) {
      expect(
        (await client.from('availability_blocks').update({ end_time: '16:00' }).eq('id', id).select('id'))
          .data,
      ).toEqual([]);
    }
    expect(
      (await jordan.from('availability_blocks').update({ staff_id: priyaId }).eq('id', id)).error?.code,
    ).toBe('42501');
    expect(
      (await service.from('availability_blocks').select('staff_id, end_time').eq('id', id).single()).data,
    ).toEqual({ staff_id: jordanId, end_time: '14:30:00' });
  });

  it('delete: own or as org admin; others reach nothing', async () => {
    const { data: a } = await jordan
      .from('availability_blocks')
      .insert(block(jordanId))
      .select('id')
      .single();
    const { data: b } = await jordan
      .from('availability_blocks')
      .insert(block(jordanId))
      .select('id')
      .single();
    for (const client of [priya, scheduler, otherAdmin]) {
      expect((await client.from('availability_blocks').delete().eq('id', a!.id).select('id')).data).toEqual(
        [],
      );
    }
    expect(
      (await jordan.from('availability_blocks').delete().eq('id', a!.id).select('id')).data,
    ).toHaveLength(1);
    expect((await admin.from('availability_blocks').delete().eq('id', b!.id).select('id')).data).toHaveLength(
      1,
    );
    expect(
      (await service.from('availability_occurrences').select('block_id').eq('block_id', b!.id)).data,
    ).toEqual([]);
  });

  it('the daily window job is for the platform only', async () => {
    expect((await admin.rpc('extend_availability_window')).error?.code).toBe('42501');
    const { data, error } = await service.rpc('extend_availability_window');
    expect(error).toBeNull();
    expect(data).toBeGreaterThan(0);
  });

  it('occurrences are written by the database only', async () => {
    const { error } = await priya.from('availability_occurrences').insert({
      block_id: priyaId,
      org_id: personas.clinic.id,
      staff_id: priyaId,
      during: '[2030-01-01 09:00Z,2030-01-01 10:00Z)',
    });
    expect(error?.code).toBe('42501');
  });
});

describe('clients, appointments and referral requests (written by the request workflow only)', () => {
  const changes = {
    clients: { status: 'active' },
    appointments: { status: 'cancelled' },
    referral_requests: { status: 'confirmed' },
  } as const;
  for (const table of ['clients', 'appointments', 'referral_requests'] as const) {
    it(`${table}: org staff may read; nobody writes directly; anon reads nothing`, async () => {
      expect((await admin.from(table).select('id')).error).toBeNull();
      expect((await anonClient().from(table).select('id')).error?.code).toBe('42501');
      expect((await admin.from(table).insert({} as never)).error?.code).toBe('42501');
      expect(
        (
          await admin
            .from(table)
            .update(changes[table] as never)
            .eq('org_id', personas.clinic.id)
        ).error?.code,
      ).toBe('42501');
      expect((await admin.from(table).delete().eq('org_id', personas.clinic.id)).error?.code).toBe('42501');
    });
  }
  it('open_slots is for the platform (payer API, client portal) only', async () => {
    expect(
      (
        await priya.rpc('open_slots', {
          therapist: priyaId,
          from_ts: '2030-01-01T00:00:00Z',
          to_ts: '2030-01-02T00:00:00Z',
        })
      ).error?.code,
    ).toBe('42501');
    expect(
      (
        await service.rpc('open_slots', {
          therapist: priyaId,
          from_ts: new Date().toISOString(),
          to_ts: new Date(Date.now() + 14 * 864e5).toISOString(),
        })
      ).data!.length,
    ).toBeGreaterThan(0);
  });
});
