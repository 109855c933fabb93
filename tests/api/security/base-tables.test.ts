/**
 * Security matrix for the base tables: each persona, each operation, an allowed and a denied
 * case, through supabase-js against the real stack. Denials are either an error (42501: no
 * grant, or a row that fails a policy's check) or rows that RLS hides (an update or delete that
 * reaches nothing); either way the data must be unchanged afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, orgs, serviceClient, signedInAs, type Client } from '../personas.ts';

const harborviewBoston = '10ca0000-0000-4000-8000-000000000001';
const cedarOakPark = '10ca0000-0000-4000-8000-000000000003';
const aetna = 'b0a1e000-0000-4000-8000-000000000001';

let admin: Client, scheduler: Client, therapist: Client, otherAdmin: Client;
const service = serviceClient();

beforeAll(async () => {
  [admin, scheduler, therapist, otherAdmin] = await Promise.all([
    signedInAs('orgAdmin'),
    signedInAs('scheduler'),
    signedInAs('therapist'),
    signedInAs('otherOrgAdmin'),
  ]);
});

const location = (org: string, name: string) => ({
  org_id: org,
  name,
  address_line: '1 Main Street',
  city: 'Boston',
  state: 'MA',
  postal_code: '02110',
  time_zone: 'America/New_York',
});

describe('organizations', () => {
  it('select: staff read their own clinic, never another', async () => {
    const { data } = await therapist.from('organizations').select('id');
    expect(data?.map((o) => o.id)).toEqual([orgs.harborview]);
    const { data: other } = await otherAdmin.from('organizations').select('id').eq('id', orgs.harborview);
    expect(other).toEqual([]);
    expect((await anonClient().from('organizations').select('id')).error?.code).toBe('42501');
  });
  it('insert: only the platform (service role) creates clinics', async () => {
    const { error } = await admin
      .from('organizations')
      .insert({ name: 'Shadow Clinic', slug: 'shadow-clinic', time_zone: 'America/New_York' });
    expect(error?.code).toBe('42501');
    const { error: serviceError } = await service
      .from('organizations')
      .insert({ name: 'Lakeside Wellness', slug: 'lakeside-wellness', time_zone: 'America/Chicago' });
    expect(serviceError).toBeNull();
  });
  it('update: an org admin cannot switch the program on; the platform can', async () => {
    const { error } = await otherAdmin
      .from('organizations')
      .update({ referral_program_enabled: true })
      .eq('id', orgs.cedarRidge);
    expect(error?.code).toBe('42501');
    const { data } = await service
      .from('organizations')
      .update({ name: 'Lakeside Wellness Center' })
      .eq('slug', 'lakeside-wellness')
      .select('name');
    expect(data).toEqual([{ name: 'Lakeside Wellness Center' }]);
  });
  it('delete: refused to staff, allowed to the platform', async () => {
    expect((await admin.from('organizations').delete().eq('id', orgs.harborview)).error?.code).toBe('42501');
    const { data } = await service
      .from('organizations')
      .delete()
      .eq('slug', 'lakeside-wellness')
      .select('id');
    expect(data).toHaveLength(1);
  });
});

describe('locations', () => {
  let scratchId: string;
  afterAll(async () => {
    await service.from('locations').delete().like('name', 'Matrix %');
  });

  it('select: own organization only', async () => {
    const { data } = await scheduler.from('locations').select('org_id');
    expect(data?.length).toBe(2);
    expect(data?.every((l) => l.org_id === orgs.harborview)).toBe(true);
    const { data: other } = await admin.from('locations').select('id').eq('id', cedarOakPark);
    expect(other).toEqual([]);
  });
  it('insert: an org admin adds one to their clinic; others are refused', async () => {
    const { data, error } = await admin
      .from('locations')
      .insert(location(orgs.harborview, 'Matrix Seaport Office'))
      .select('id')
      .single();
    expect(error).toBeNull();
    scratchId = data!.id;
    expect(
      (await therapist.from('locations').insert(location(orgs.harborview, 'Matrix Therapist Office'))).error
        ?.code,
    ).toBe('42501');
    expect(
      (await scheduler.from('locations').insert(location(orgs.harborview, 'Matrix Scheduler Office'))).error
        ?.code,
    ).toBe('42501');
    expect(
      (await otherAdmin.from('locations').insert(location(orgs.harborview, 'Matrix Intruder Office'))).error
        ?.code,
    ).toBe('42501');
  });
  it('update: an org admin edits; a therapist or another clinic’s admin reaches nothing', async () => {
    const { data } = await admin
      .from('locations')
      .update({ city: 'Cambridge' })
      .eq('id', scratchId)
      .select('city');
    expect(data).toEqual([{ city: 'Cambridge' }]);
    expect(
      (await therapist.from('locations').update({ city: 'Quincy' }).eq('id', scratchId).select('id')).data,
    ).toEqual([]);
    expect(
      (await otherAdmin.from('locations').update({ city: 'Quincy' }).eq('id', scratchId).select('id')).data,
    ).toEqual([]);
    const { data: after } = await service.from('locations').select('city').eq('id', scratchId).single();
    expect(after?.city).toBe('Cambridge');
  });
  it('delete: another clinic’s admin and a scheduler reach nothing; the org admin deletes', async () => {
    expect((await otherAdmin.from('locations').delete().eq('id', scratchId).select('id')).data).toEqual([]);
    expect((await scheduler.from('locations').delete().eq('id', scratchId).select('id')).data).toEqual([]);
    expect((await admin.from('locations').delete().eq('id', scratchId).select('id')).data).toHaveLength(1);
  });
});

describe('staff_members', () => {
  const newHire = {
    org_id: orgs.harborview,
    first_name: 'Naomi',
    last_name: 'Brennan',
    email: 'naomi.brennan@harborviewcounseling.com',
    roles: ['therapist' as const],
    default_location_id: harborviewBoston,
  };
  afterAll(async () => {
    await service.from('staff_members').delete().eq('email', newHire.email);
  });

  it('select: the staff directory of one’s own clinic only', async () => {
    const { data } = await therapist.from('staff_members').select('org_id');
    const { count } = await service
      .from('staff_members')
      .select('id', { count: 'exact', head: true })
      .eq('org_id', orgs.harborview);
    expect(data?.length).toBe(count);
    expect(data?.every((s) => s.org_id === orgs.harborview)).toBe(true);
    expect((await otherAdmin.from('staff_members').select('id').eq('org_id', orgs.harborview)).data).toEqual(
      [],
    );
  });
  it('insert: an org admin adds staff; a therapist or another clinic’s admin is refused', async () => {
    expect((await therapist.from('staff_members').insert(newHire)).error?.code).toBe('42501');
    expect((await otherAdmin.from('staff_members').insert(newHire)).error?.code).toBe('42501');
    const { error } = await admin.from('staff_members').insert(newHire);
    expect(error).toBeNull();
  });
  it('insert: nobody links a staff record to an account through the API', async () => {
    const { error } = await admin.from('staff_members').insert({
      ...newHire,
      email: 'linked@harborviewcounseling.com',
      user_id: '5e550000-0000-4000-8000-000000000003',
    });
    expect(error?.code).toBe('42501');
  });
  it('insert: a location of another clinic is refused', async () => {
    const { error } = await admin
      .from('staff_members')
      .insert({ ...newHire, email: 'cross@harborviewcounseling.com', default_location_id: cedarOakPark });
    expect(error?.code).toBe('23503');
  });
  it('update: an org admin edits; a scheduler or therapist reaches nothing, nor can anyone move a record to another clinic', async () => {
    const { data } = await admin
      .from('staff_members')
      .update({ office_phone: '(617) 555-0199' })
      .eq('email', newHire.email)
      .select('office_phone');
    expect(data).toEqual([{ office_phone: '(617) 555-0199' }]);
    expect(
      (
        await scheduler
          .from('staff_members')
          .update({ roles: ['org_admin'] })
          .eq('email', newHire.email)
          .select('id')
      ).data,
    ).toEqual([]);
    expect(
      (
        await therapist
          .from('staff_members')
          .update({ roles: ['org_admin'] })
          .eq('email', 'priya.raman@harborviewcounseling.com')
          .select('id')
      ).data,
    ).toEqual([]);
    expect(
      (
        await admin
          .from('staff_members')
          .update({ org_id: orgs.cedarRidge } as never)
          .eq('email', newHire.email)
      ).error?.code,
    ).toBe('42501');
  });
  it('delete: staff records are deactivated, never deleted through the API', async () => {
    expect((await admin.from('staff_members').delete().eq('email', newHire.email)).error?.code).toBe('42501');
    const { data } = await service.from('staff_members').delete().eq('email', newHire.email).select('id');
    expect(data).toHaveLength(1);
  });
});

describe('payers', () => {
  afterAll(async () => {
    await service.from('payers').delete().eq('name', 'Tufts Health Plan');
  });
  it('select: signed-in staff read the catalog; anon does not', async () => {
    expect((await scheduler.from('payers').select('id')).data).toHaveLength(5);
    expect((await anonClient().from('payers').select('id')).error?.code).toBe('42501');
  });
  it('insert: only the platform adds payers', async () => {
    expect((await admin.from('payers').insert({ name: 'Tufts Health Plan' })).error?.code).toBe('42501');
    expect((await service.from('payers').insert({ name: 'Tufts Health Plan' })).error).toBeNull();
  });
  it('update: only the platform renames payers', async () => {
    expect((await admin.from('payers').update({ name: 'Renamed' }).eq('id', aetna)).error?.code).toBe(
      '42501',
    );
    const { data } = await service
      .from('payers')
      .update({ name: 'Tufts Health Plan' })
      .eq('name', 'Tufts Health Plan')
      .select('name');
    expect(data).toEqual([{ name: 'Tufts Health Plan' }]);
  });
  it('delete: only the platform removes payers', async () => {
    expect((await admin.from('payers').delete().eq('id', aetna)).error?.code).toBe('42501');
    expect(
      (await service.from('payers').delete().eq('name', 'Tufts Health Plan').select('id')).data,
    ).toHaveLength(1);
  });
});
