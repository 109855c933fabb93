/**
 * Security matrix and field rules for public_profiles: who reads and writes which field group,
 * through supabase-js as each persona; plus Submit Profile and the rules after submission.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { completeProfileFields, createStaff, createStaffAccount } from '../factories.ts';
import { anonClient, serviceClient, signedInWith, personasForThisFile, type Client } from '../personas.ts';

const personas = personasForThisFile();
let admin: Client, scheduler: Client, priya: Client, otherAdmin: Client;
let priyaId: string;
const service = serviceClient();

beforeAll(async () => {
  [admin, scheduler, priya, otherAdmin] = await Promise.all([
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('scheduler'),
    personas.signedInAs('therapist'),
    personas.signedInAs('otherOrgAdmin'),
  ]);
  priyaId = personas.staff.therapist.id;
});

/**
 * A therapist of the clinic, signed in: enrolled by the org admin unless `enrolled` is false, and
 * with a draft profile (some fields filled, never submitted) if `draft`.
 */
async function therapistAccount(options: { enrolled?: boolean; draft?: boolean } = {}) {
  const staff = await createStaffAccount({ org: personas.clinic.id });
  if (options.enrolled !== false) {
    const { error } = await admin.rpc('enroll_staff', {
      staff_id: staff.id,
      payer_ids: [personas.payers.aetna],
    });
    if (error) throw new Error(`enroll_staff: ${error.message}`);
  }
  if (options.draft) {
    const { error } = await service.from('public_profiles').insert({
      staff_id: staff.id,
      org_id: personas.clinic.id,
      professional_title: 'LCSW',
      license_type: 'lcsw',
      license_state: 'MA',
      specialties: ['trauma_ptsd', 'grief_loss'],
      languages: ['en', 'es'],
    });
    if (error) throw new Error(`draft profile: ${error.message}`);
  }
  return { id: staff.id, firstName: staff.first_name, client: await signedInWith(staff.email) };
}

describe('public_profiles: select', () => {
  it('a therapist reads their own profile, never a colleague’s', async () => {
    const { id: jordanId } = await therapistAccount({ draft: true });
    expect(
      (await priya.from('public_profiles').select('staff_id').eq('staff_id', priyaId)).data,
    ).toHaveLength(1);
    expect((await priya.from('public_profiles').select('staff_id').eq('staff_id', jordanId)).data).toEqual(
      [],
    );
  });
  it('schedulers and org admins read the clinic’s profiles; another clinic and anon read none', async () => {
    const { id: jordanId } = await therapistAccount({ draft: true });
    expect(
      (await scheduler.from('public_profiles').select('staff_id').eq('staff_id', priyaId)).data,
    ).toHaveLength(1);
    expect(
      (await admin.from('public_profiles').select('staff_id').eq('staff_id', jordanId)).data,
    ).toHaveLength(1);
    expect(
      (await otherAdmin.from('public_profiles').select('staff_id').eq('staff_id', priyaId)).data,
    ).toEqual([]);
    expect((await anonClient().from('public_profiles').select('staff_id')).error?.code).toBe('42501');
  });
  it('the details view joins the read-only fields from the staff record', async () => {
    const { data } = await priya
      .from('public_profile_details')
      .select('first_name, last_name, email, npi, default_location_name, professional_title')
      .eq('staff_id', priyaId)
      .single();
    expect(data).toEqual({
      first_name: personas.staff.therapist.firstName,
      last_name: personas.staff.therapist.lastName,
      email: personas.staff.therapist.email,
      npi: null,
      default_location_name: 'Main Office',
      professional_title: 'LMHC',
    });
  });
});

describe('public_profiles: insert', () => {
  it('a therapist creates their own draft; not a colleague’s', async () => {
    const { id: sofiaId, client: sofia } = await therapistAccount();
    const { id: hannahId } = await therapistAccount({ enrolled: false });
    expect(
      (
        await sofia
          .from('public_profiles')
          .insert({ staff_id: hannahId, org_id: personas.clinic.id, education: 'MSW' })
      ).error?.code,
    ).toBe('42501');
    expect((await service.from('public_profiles').select('staff_id').eq('staff_id', hannahId)).data).toEqual(
      [],
    );
    const { error } = await sofia.from('public_profiles').insert({
      staff_id: sofiaId,
      org_id: personas.clinic.id,
      pronouns: 'she/her',
      languages: ['en', 'es'],
    });
    expect(error).toBeNull();
  });
  it('an org admin creates a therapist’s draft (shared fields only); not for a scheduler; not another clinic', async () => {
    const newcomer = await createStaff({ org: personas.clinic.id });
    expect(
      (
        await admin
          .from('public_profiles')
          .insert({ staff_id: newcomer.id, org_id: personas.clinic.id, pronouns: 'they/them' })
      ).error?.message,
    ).toBe('Only the therapist can edit pronouns, gender identity and the first-session note.');
    expect(
      (
        await admin
          .from('public_profiles')
          .insert({ staff_id: newcomer.id, org_id: personas.clinic.id, education: 'MA, Lesley University' })
      ).error,
    ).toBeNull();
    const schedulerStaff = await createStaff({ org: personas.clinic.id, roles: ['scheduler'] });
    expect(
      (
        await admin
          .from('public_profiles')
          .insert({ staff_id: schedulerStaff.id, org_id: personas.clinic.id })
      ).error?.code,
    ).toBe('42501');
    const other = await createStaff({ org: personas.clinic.id });
    expect(
      (await otherAdmin.from('public_profiles').insert({ staff_id: other.id, org_id: personas.clinic.id }))
        .error?.code,
    ).toBe('42501');
  });
  it('a scheduler cannot create profiles', async () => {
    const newcomer = await createStaff({ org: personas.clinic.id });
    expect(
      (await scheduler.from('public_profiles').insert({ staff_id: newcomer.id, org_id: personas.clinic.id }))
        .error?.code,
    ).toBe('42501');
  });
});

describe('public_profiles: update and field rules', () => {
  it('the therapist edits every editable field of their own profile, therapist-only ones included', async () => {
    const { id: jordanId, client: jordan } = await therapistAccount({ draft: true });
    const { data, error } = await jordan
      .from('public_profiles')
      .update({
        education: 'MSW, Simmons University',
        pronouns: 'he/him',
        first_session_note: 'We will start with what matters most to you.',
      })
      .eq('staff_id', jordanId)
      .select('education, pronouns');
    expect(error).toBeNull();
    expect(data).toEqual([{ education: 'MSW, Simmons University', pronouns: 'he/him' }]);
  });
  it('an org admin edits shared fields but is refused the therapist-only ones', async () => {
    const { id: jordanId, client: jordan } = await therapistAccount({ draft: true });
    await jordan.from('public_profiles').update({ pronouns: 'he/him' }).eq('staff_id', jordanId);
    expect(
      (
        await admin
          .from('public_profiles')
          .update({ years_in_practice: 9 })
          .eq('staff_id', jordanId)
          .select('years_in_practice')
      ).data,
    ).toEqual([{ years_in_practice: 9 }]);
    for (const change of [
      { pronouns: 'they/them' },
      { gender_identity: 'Man' },
      { first_session_note: 'Changed by admin' },
    ]) {
      const { error } = await admin.from('public_profiles').update(change).eq('staff_id', jordanId);
      expect(error?.message).toBe(
        'Only the therapist can edit pronouns, gender identity and the first-session note.',
      );
    }
    const { data } = await service
      .from('public_profiles')
      .select('pronouns')
      .eq('staff_id', jordanId)
      .single();
    expect(data?.pronouns).toBe('he/him');
  });
  it('a colleague, a scheduler and another clinic’s admin reach nothing', async () => {
    const { id: jordanId } = await therapistAccount({ draft: true });
    for (const client of [priya, scheduler, otherAdmin]) {
      expect(
        (
          await client
            .from('public_profiles')
            .update({ education: 'Forged' })
            .eq('staff_id', jordanId)
            .select('staff_id')
        ).data,
      ).toEqual([]);
    }
  });
  it('the read-only fields cannot be written through the profile', async () => {
    const { id: jordanId, client: jordan, firstName } = await therapistAccount({ draft: true });
    const { error } = await jordan
      .from('public_profiles')
      .update({ first_name: `${firstName}y` } as never)
      .eq('staff_id', jordanId);
    expect(error?.code).toBe('PGRST204');
    const unchanged = await service.from('staff_members').select('first_name').eq('id', jordanId).single();
    expect(unchanged.data?.first_name).toBe(firstName);
  });
  it('nobody writes submitted_at directly', async () => {
    const { id: jordanId, client: jordan } = await therapistAccount({ draft: true });
    const { error } = await jordan
      .from('public_profiles')
      .update({ submitted_at: new Date().toISOString() })
      .eq('staff_id', jordanId);
    expect(error?.code).toBe('42501');
  });
});

describe('public_profiles: delete', () => {
  it('is refused to every client; the platform can', async () => {
    for (const client of [priya, admin])
      expect((await client.from('public_profiles').delete().eq('staff_id', priyaId)).error?.code).toBe(
        '42501',
      );
    const newcomer = await createStaff({ org: personas.clinic.id });
    await service.from('public_profiles').insert({ staff_id: newcomer.id, org_id: personas.clinic.id });
    expect(
      (await service.from('public_profiles').delete().eq('staff_id', newcomer.id).select('staff_id')).data,
    ).toHaveLength(1);
  });
});

describe('Submit Profile', () => {
  it('names every missing required field and submits nothing', async () => {
    const { id: jordanId, client: jordan } = await therapistAccount({ draft: true });
    const { error } = await jordan.rpc('submit_public_profile', { staff_id: jordanId });
    expect(error?.message).toBe(
      'Complete these fields before submitting: License number, About me (150 characters or more), Treatment approaches, Ages served, Session formats.',
    );
    expect(
      (await service.from('public_profiles').select('submitted_at').eq('staff_id', jordanId).single()).data
        ?.submitted_at,
    ).toBeNull();
  });
  it('submits a complete profile: Application Status becomes Completed, and required fields can no longer be blanked', async () => {
    const { id: jordanId, client: jordan } = await therapistAccount({ draft: true });
    await jordan.from('public_profiles').update(completeProfileFields).eq('staff_id', jordanId);
    const { data: submittedAt, error } = await jordan.rpc('submit_public_profile', { staff_id: jordanId });
    expect(error).toBeNull();
    expect(submittedAt).not.toBeNull();
    const { data: grid } = await admin
      .from('program_grid')
      .select('application_status')
      .eq('staff_id', jordanId)
      .single();
    expect(grid?.application_status).toBe('completed');

    // still editable, but never incomplete again
    expect(
      (await jordan.from('public_profiles').update({ education: 'MSW' }).eq('staff_id', jordanId)).error,
    ).toBeNull();
    expect(
      (await jordan.from('public_profiles').update({ license_number: null }).eq('staff_id', jordanId)).error
        ?.code,
    ).toBe('23514');
    expect(
      (await admin.from('public_profiles').update({ languages: [] }).eq('staff_id', jordanId)).error?.code,
    ).toBe('23514');
  });
  it('an org admin can submit for their therapist; a scheduler and another clinic cannot', async () => {
    const { id: sofiaId, client: sofia } = await therapistAccount();
    await service.from('public_profiles').insert({ staff_id: sofiaId, org_id: personas.clinic.id });
    await sofia.from('public_profiles').update(completeProfileFields).eq('staff_id', sofiaId);
    expect((await scheduler.rpc('submit_public_profile', { staff_id: sofiaId })).error?.code).toBe('42501');
    expect((await otherAdmin.rpc('submit_public_profile', { staff_id: sofiaId })).error?.code).toBe('42501');
    expect((await priya.rpc('submit_public_profile', { staff_id: sofiaId })).error?.code).toBe('42501');
    expect((await admin.rpc('submit_public_profile', { staff_id: sofiaId })).error).toBeNull();
  });
  it('is refused to a therapist who is not enrolled, with what to do', async () => {
    const { id: hannahId, client: hannah } = await therapistAccount({ enrolled: false });
    await hannah
      .from('public_profiles')
      .insert({ staff_id: hannahId, org_id: personas.clinic.id, ...completeProfileFields });
    const { error } = await hannah.rpc('submit_public_profile', { staff_id: hannahId });
    expect(error?.message).toBe(
      'Only therapists enrolled in the Client Referral Program can submit a profile; an admin needs to add the therapist to the program.',
    );
  });
  it('is refused after deactivation', async () => {
    const staff = await createStaff({ org: personas.clinic.id });
    const { data: enrollmentId } = await admin.rpc('enroll_staff', {
      staff_id: staff.id,
      payer_ids: [personas.payers.aetna],
    });
    await admin
      .from('public_profiles')
      .insert({ staff_id: staff.id, org_id: personas.clinic.id, ...completeProfileFields });
    await admin.from('program_enrollments').update({ status: 'deactivated' }).eq('id', enrollmentId!);
    expect((await admin.rpc('submit_public_profile', { staff_id: staff.id })).error?.message).toMatch(
      /an admin needs to add the therapist to the program/,
    );
  });
  it('anon cannot submit', async () => {
    expect((await anonClient().rpc('submit_public_profile', { staff_id: priyaId })).error?.code).toBe(
      '42501',
    );
  });
});
