/**
 * Security matrix for the base tables: each persona, each operation, an allowed and a denied
 * case, through supabase-js against the real stack. Denials are either an error (42501: no
 * grant, or a row that fails a policy's check) or rows that RLS hides (an update or delete that
 * reaches nothing); either way the data must be unchanged afterwards. Each test makes the rows it
 * changes, so any test runs alone and in any order.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, serviceClient, personasForThisFile, type Client } from '../personas.ts';

const personas = personasForThisFile();
let admin: Client, scheduler: Client, therapist: Client, otherAdmin: Client;
const service = serviceClient();

beforeAll(async () => {
  [admin, scheduler, therapist, otherAdmin] = await Promise.all([
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('scheduler'),
    personas.signedInAs('therapist'),
    personas.signedInAs('otherOrgAdmin'),
  ]);
});

const unique = () => randomUUID().slice(0, 8);

const location = (org: string, name: string) => ({
  org_id: org,
  name,
  address_line: '1 Main Street',
  city: 'Boston',
  state: 'MA',
  postal_code: '02110',
  time_zone: 'America/New_York',
});

/** A clinic made by the platform, for the tests that change or delete one. */
async function platformClinic() {
  const slug = `lakeside-${unique()}`;
  const { data, error } = await service
    .from('organizations')
    .insert({ name: `Lakeside Wellness ${slug}`, slug, time_zone: 'America/Chicago' })
    .select('id')
    .single();
  if (error) throw new Error(`platformClinic: ${error.message}`);
  return data.id;
}

/** A location of the personas' clinic, added by its org admin. */
async function clinicLocation() {
  const { data, error } = await admin
    .from('locations')
    .insert(location(personas.clinic.id, `Matrix Office ${unique()}`))
    .select('id')
    .single();
  if (error) throw new Error(`clinicLocation: ${error.message}`);
  return data.id;
}

describe('organizations', () => {
  it('select: staff read their own clinic, never another', async () => {
    const { data } = await therapist.from('organizations').select('id');
    expect(data?.map((o) => o.id)).toEqual([personas.clinic.id]);
    const { data: other } = await otherAdmin.from('organizations').select('id').eq('id', personas.clinic.id);
    expect(other).toEqual([]);
    expect((await anonClient().from('organizations').select('id')).error?.code).toBe('42501');
  });
  it('insert: only the platform (service role) creates clinics', async () => {
    const slug = `shadow-${unique()}`;
    const { error } = await admin
      .from('organizations')
      .insert({ name: 'Shadow Clinic', slug, time_zone: 'America/New_York' });
    expect(error?.code).toBe('42501');
    expect((await service.from('organizations').select('id').eq('slug', slug)).data).toEqual([]);
    const platformSlug = `lakeside-${unique()}`;
    expect(
      (
        await service
          .from('organizations')
          .insert({ name: 'Lakeside', slug: platformSlug, time_zone: 'America/Chicago' })
      ).error,
    ).toBeNull();
  });
  it('update: an org admin cannot switch the program on; the platform can rename a clinic', async () => {
    const { error } = await otherAdmin
      .from('organizations')
      .update({ referral_program_enabled: true })
      .eq('id', personas.otherClinic.id);
    expect(error?.code).toBe('42501');
    const { data: unchanged } = await service
      .from('organizations')
      .select('referral_program_enabled')
      .eq('id', personas.otherClinic.id)
      .single();
    expect(unchanged?.referral_program_enabled).toBe(false);
    const id = await platformClinic();
    const { data } = await service
      .from('organizations')
      .update({ name: 'Lakeside Wellness Center' })
      .eq('id', id)
      .select('name');
    expect(data).toEqual([{ name: 'Lakeside Wellness Center' }]);
  });
  it('delete: refused to staff, allowed to the platform', async () => {
    expect((await admin.from('organizations').delete().eq('id', personas.clinic.id)).error?.code).toBe(
      '42501',
    );
    expect((await service.from('organizations').select('id').eq('id', personas.clinic.id)).data).toHaveLength(
      1,
    );
    const id = await platformClinic();
    const { data } = await service.from('organizations').delete().eq('id', id).select('id');
    expect(data).toEqual([{ id }]);
  });
});

describe('locations', () => {
  it('select: own organization only', async () => {
    const { data } = await scheduler.from('locations').select('id, org_id');
    const { count } = await service
      .from('locations')
      .select('id', { count: 'exact', head: true })
      .eq('org_id', personas.clinic.id);
    expect(data?.map((l) => l.id)).toContain(personas.clinic.locationId);
    expect(data?.length).toBe(count);
    expect(data?.every((l) => l.org_id === personas.clinic.id)).toBe(true);
    const { data: other } = await admin
      .from('locations')
      .select('id')
      .eq('id', personas.otherClinic.locationId);
    expect(other).toEqual([]);
  });
  it('insert: an org admin adds one to their clinic; a therapist, a scheduler and another clinic’s admin are refused', async () => {
    const { data: added, error } = await admin
      .from('locations')
      .insert(location(personas.clinic.id, `Matrix Office ${unique()}`))
      .select('org_id')
      .single();
    expect(error).toBeNull();
    expect(added).toEqual({ org_id: personas.clinic.id });
    const name = `Matrix Refused Office ${unique()}`;
    for (const client of [therapist, scheduler, otherAdmin])
      expect((await client.from('locations').insert(location(personas.clinic.id, name))).error?.code).toBe(
        '42501',
      );
    expect((await service.from('locations').select('id').eq('name', name)).data).toEqual([]);
  });
  it('update: an org admin edits; a therapist or another clinic’s admin reaches nothing', async () => {
    const id = await clinicLocation();
    const { data } = await admin.from('locations').update({ city: 'Cambridge' }).eq('id', id).select('city');
    expect(data).toEqual([{ city: 'Cambridge' }]);
    for (const client of [therapist, otherAdmin])
      expect(
        (await client.from('locations').update({ city: 'Quincy' }).eq('id', id).select('id')).data,
      ).toEqual([]);
    const { data: after } = await service.from('locations').select('city').eq('id', id).single();
    expect(after?.city).toBe('Cambridge');
  });
  it('delete: another clinic’s admin and a scheduler reach nothing; the org admin deletes', async () => {
    const id = await clinicLocation();
    expect((await otherAdmin.from('locations').delete().eq('id', id).select('id')).data).toEqual([]);
    expect((await scheduler.from('locations').delete().eq('id', id).select('id')).data).toEqual([]);
    expect((await service.from('locations').select('id').eq('id', id)).data).toHaveLength(1);
    expect((await admin.from('locations').delete().eq('id', id).select('id')).data).toEqual([{ id }]);
  });
});

describe('staff_members', () => {
  const newHire = () => ({
    org_id: personas.clinic.id,
    first_name: 'Naomi',
    last_name: 'Brennan',
    email: `naomi.brennan.${unique()}@example.org`,
    roles: ['therapist' as const],
    default_location_id: personas.clinic.locationId,
  });
  /** A staff member of the personas' clinic, added by its org admin. */
  async function hired() {
    const hire = newHire();
    const { error } = await admin.from('staff_members').insert(hire);
    if (error) throw new Error(`hired: ${error.message}`);
    return hire;
  }

  it('select: the staff directory of one’s own clinic only', async () => {
    const { data } = await therapist.from('staff_members').select('id, org_id');
    const { count } = await service
      .from('staff_members')
      .select('id', { count: 'exact', head: true })
      .eq('org_id', personas.clinic.id);
    expect(data?.map((s) => s.id)).toContain(personas.staff.orgAdmin.id);
    expect(data?.length).toBe(count);
    expect(data?.every((s) => s.org_id === personas.clinic.id)).toBe(true);
    expect(
      (await otherAdmin.from('staff_members').select('id').eq('org_id', personas.clinic.id)).data,
    ).toEqual([]);
  });
  it('insert: an org admin adds staff; a therapist or another clinic’s admin is refused', async () => {
    const hire = newHire();
    expect((await therapist.from('staff_members').insert(hire)).error?.code).toBe('42501');
    expect((await otherAdmin.from('staff_members').insert(hire)).error?.code).toBe('42501');
    expect((await service.from('staff_members').select('id').eq('email', hire.email)).data).toEqual([]);
    expect((await admin.from('staff_members').insert(hire)).error).toBeNull();
  });
  it('insert: nobody links a staff record to an account through the API', async () => {
    const { error } = await admin
      .from('staff_members')
      .insert({ ...newHire(), user_id: personas.staff.therapist.userId });
    expect(error?.code).toBe('42501');
  });
  it('insert: a location of another clinic is refused', async () => {
    const { error } = await admin
      .from('staff_members')
      .insert({ ...newHire(), default_location_id: personas.otherClinic.locationId });
    expect(error?.code).toBe('23503');
  });
  it('update: an org admin edits; a scheduler or therapist reaches nothing, nor can anyone move a record to another clinic', async () => {
    const hire = await hired();
    const { data } = await admin
      .from('staff_members')
      .update({ office_phone: '(617) 555-0199' })
      .eq('email', hire.email)
      .select('office_phone');
    expect(data).toEqual([{ office_phone: '(617) 555-0199' }]);
    expect(
      (
        await scheduler
          .from('staff_members')
          .update({ roles: ['org_admin'] })
          .eq('email', hire.email)
          .select('id')
      ).data,
    ).toEqual([]);
    expect(
      (
        await therapist
          .from('staff_members')
          .update({ roles: ['org_admin'] })
          .eq('id', personas.staff.therapist.id)
          .select('id')
      ).data,
    ).toEqual([]);
    expect(
      (
        await admin
          .from('staff_members')
          .update({ org_id: personas.otherClinic.id } as never)
          .eq('email', hire.email)
      ).error?.code,
    ).toBe('42501');
    const { data: after } = await service
      .from('staff_members')
      .select('org_id, roles')
      .in('email', [hire.email, personas.staff.therapist.email])
      .order('email');
    expect(after).toEqual([
      { org_id: personas.clinic.id, roles: ['therapist'] },
      { org_id: personas.clinic.id, roles: ['therapist'] },
    ]);
  });
  it('delete: staff records are deactivated, never deleted through the API', async () => {
    const hire = await hired();
    expect((await admin.from('staff_members').delete().eq('email', hire.email)).error?.code).toBe('42501');
    const { data } = await service.from('staff_members').delete().eq('email', hire.email).select('id');
    expect(data).toHaveLength(1);
  });
});

describe('payers', () => {
  /** A payer made by the platform. */
  async function platformPayer() {
    const name = `Tufts Health Plan ${unique()}`;
    const { error } = await service.from('payers').insert({ name });
    if (error) throw new Error(`platformPayer: ${error.message}`);
    return name;
  }

  it('select: signed-in staff read the catalog; anon does not', async () => {
    const { data } = await scheduler.from('payers').select('id').in('id', Object.values(personas.payers));
    expect(data).toHaveLength(5);
    expect((await anonClient().from('payers').select('id')).error?.code).toBe('42501');
  });
  it('insert: only the platform adds payers', async () => {
    const name = `Tufts Health Plan ${unique()}`;
    expect((await admin.from('payers').insert({ name })).error?.code).toBe('42501');
    expect((await service.from('payers').select('id').eq('name', name)).data).toEqual([]);
    expect((await service.from('payers').insert({ name: `${name} by the platform` })).error).toBeNull();
  });
  it('update: only the platform renames payers', async () => {
    const aetna = personas.payers.aetna;
    expect((await admin.from('payers').update({ name: 'Renamed' }).eq('id', aetna)).error?.code).toBe(
      '42501',
    );
    expect((await service.from('payers').select('name').eq('id', aetna).single()).data?.name).toBe(
      personas.payerNames.aetna,
    );
    const name = await platformPayer();
    const { data } = await service
      .from('payers')
      .update({ name: `${name} Renamed` })
      .eq('name', name)
      .select('name');
    expect(data).toEqual([{ name: `${name} Renamed` }]);
  });
  it('delete: only the platform removes payers', async () => {
    expect((await admin.from('payers').delete().eq('id', personas.payers.aetna)).error?.code).toBe('42501');
    expect((await service.from('payers').select('id').eq('id', personas.payers.aetna)).data).toHaveLength(1);
    const name = await platformPayer();
    expect((await service.from('payers').delete().eq('name', name).select('id')).data).toHaveLength(1);
  });
});
