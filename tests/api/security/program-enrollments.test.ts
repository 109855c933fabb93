/**
 * Security matrix and rules for program_enrollments, enrollment_payers, the program grid (its view
 * and program_grid_page) and the audit log: each persona, each operation, allowed and denied,
 * through supabase-js.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/types/database.types.ts';
import { completeProfile, createStaff, waitForEmail } from '../factories.ts';
import { anonClient, serviceClient, personasForThisFile, withDb, type Client } from '../personas.ts';

const personas = personasForThisFile();
let admin: Client, scheduler: Client, therapist: Client, otherAdmin: Client;
const service = serviceClient();

/** Enrols a fresh therapist as the clinic's admin and returns ids. */
async function enrolFresh(payerIds: string[] = [personas.payers.aetna]) {
  const staff = await createStaff({ org: personas.clinic.id });
  const { data, error } = await admin.rpc('enroll_staff', { staff_id: staff.id, payer_ids: payerIds });
  if (error) throw new Error(`enroll_staff: ${error.message}`);
  return { staff, enrollmentId: data };
}

beforeAll(async () => {
  [admin, scheduler, therapist, otherAdmin] = await Promise.all([
    personas.signedInAs('orgAdmin'),
    personas.signedInAs('scheduler'),
    personas.signedInAs('therapist'),
    personas.signedInAs('otherOrgAdmin'),
  ]);
});

describe('program_enrollments: insert (Add Staff)', () => {
  it('an org admin enrols an active therapist with payers; the therapist gets an email with a link and no PHI', async () => {
    const { staff, enrollmentId } = await enrolFresh([personas.payers.aetna, personas.payers.cigna]);
    const { data } = await admin
      .from('program_grid')
      .select('status, application_status, payer_names')
      .eq('enrollment_id', enrollmentId)
      .single();
    expect(data).toEqual({
      status: 'active',
      application_status: 'incomplete',
      payer_names: [personas.payerNames.aetna, personas.payerNames.cigna],
    });

    const email = await waitForEmail(staff.email);
    expect(email.subject).toContain(personas.clinic.name);
    expect(email.text).toContain(`/staff/${staff.id}/public-profile`);
    for (const payerName of ['Aetna', 'Cigna'])
      expect(`${email.subject}${email.text}${email.html}`).not.toContain(payerName);
  });

  it('a therapist cannot enrol themselves; a scheduler cannot enrol anyone', async () => {
    const newcomer = await createStaff({ org: personas.clinic.id });
    expect(
      (await therapist.rpc('enroll_staff', { staff_id: newcomer.id, payer_ids: [personas.payers.aetna] }))
        .error?.code,
    ).toBe('42501');
    expect(
      (
        await therapist
          .from('program_enrollments')
          .insert({ org_id: personas.clinic.id, staff_id: personas.staff.therapist.id })
      ).error?.code,
    ).toBe('42501');
    expect(
      (await scheduler.rpc('enroll_staff', { staff_id: newcomer.id, payer_ids: [personas.payers.aetna] }))
        .error?.code,
    ).toBe('42501');
  });

  it('another clinic’s admin cannot enrol the clinic’s staff', async () => {
    const staff = await createStaff({ org: personas.clinic.id });
    const { error } = await otherAdmin.rpc('enroll_staff', {
      staff_id: staff.id,
      payer_ids: [personas.payers.aetna],
    });
    expect(error?.message).toMatch(/does not exist or is not in your organization/);
    const direct = await otherAdmin
      .from('program_enrollments')
      .insert({ org_id: personas.clinic.id, staff_id: staff.id });
    expect(direct.error?.code).toBe('42501');
  });

  it('a clinic without the program enabled cannot enrol', async () => {
    const omar = await createStaff({ org: personas.otherClinic.id });
    const { error } = await otherAdmin.rpc('enroll_staff', {
      staff_id: omar.id,
      payer_ids: [personas.payers.aetna],
    });
    expect(error?.message).toBe('The Client Referral Program is not available to this organization.');
  });

  it('only active therapists can be enrolled', async () => {
    const schedulerStaff = await createStaff({ org: personas.clinic.id, roles: ['scheduler'] });
    const inactive = await createStaff({ org: personas.clinic.id, isActive: false });
    for (const staff of [schedulerStaff, inactive]) {
      const { error } = await admin.rpc('enroll_staff', {
        staff_id: staff.id,
        payer_ids: [personas.payers.aetna],
      });
      expect(error?.message).toBe('Only active therapists of this organization can be added to the program.');
    }
  });

  it('at least one payer, each once, all known', async () => {
    const staff = await createStaff({ org: personas.clinic.id });
    expect((await admin.rpc('enroll_staff', { staff_id: staff.id, payer_ids: [] })).error?.message).toBe(
      'Choose at least one payer.',
    );
    expect(
      (
        await admin.rpc('enroll_staff', {
          staff_id: staff.id,
          payer_ids: [personas.payers.aetna, personas.payers.aetna],
        })
      ).error?.message,
    ).toBe('Each payer can be chosen once.');
    expect(
      (
        await admin.rpc('enroll_staff', {
          staff_id: staff.id,
          payer_ids: ['00000000-0000-4000-8000-000000000000'],
        })
      ).error?.message,
    ).toBe('One of the chosen payers does not exist.');
    // a direct insert without payers fails when the transaction commits
    const direct = await admin
      .from('program_enrollments')
      .insert({ org_id: personas.clinic.id, staff_id: staff.id });
    expect(direct.error?.message).toBe('Choose at least one payer for each therapist in the program.');
    expect((await service.from('program_enrollments').select('id').eq('staff_id', staff.id)).data).toEqual(
      [],
    );
  });

  it('anon can neither read nor write enrollments', async () => {
    expect((await anonClient().from('program_enrollments').select('id')).error?.code).toBe('42501');
    expect(
      (
        await anonClient().rpc('enroll_staff', {
          staff_id: (await createStaff({ org: personas.clinic.id })).id,
          payer_ids: [personas.payers.aetna],
        })
      ).error?.code,
    ).toBe('42501');
  });
});

describe('program_enrollments: select', () => {
  it('admins and schedulers read the clinic’s program; a therapist only their own; another clinic nothing', async () => {
    const { enrollmentId } = await enrolFresh();
    expect((await admin.from('program_enrollments').select('id').eq('id', enrollmentId)).data).toHaveLength(
      1,
    );
    expect(
      (await scheduler.from('program_enrollments').select('id').eq('id', enrollmentId)).data,
    ).toHaveLength(1);
    expect((await therapist.from('program_enrollments').select('id').eq('id', enrollmentId)).data).toEqual(
      [],
    );
    expect((await otherAdmin.from('program_enrollments').select('id').eq('id', enrollmentId)).data).toEqual(
      [],
    );
    const own = await therapist.from('program_enrollments').select('staff_id');
    expect(own.data).toEqual([{ staff_id: personas.staff.therapist.id }]);
  });
});

describe('program_enrollments: update (Deactivate)', () => {
  it('an org admin deactivates, permanently: no reactivation, no re-enrolment, no payer changes', async () => {
    const { staff, enrollmentId } = await enrolFresh();
    const { data } = await admin
      .from('program_enrollments')
      .update({ status: 'deactivated' })
      .eq('id', enrollmentId)
      .select('status, deactivated_at');
    expect(data?.[0]?.status).toBe('deactivated');
    expect(data?.[0]?.deactivated_at).not.toBeNull();

    const reactivate = await admin
      .from('program_enrollments')
      .update({ status: 'active' })
      .eq('id', enrollmentId);
    expect(reactivate.error?.message).toBe(
      'This therapist was deactivated; deactivation is permanent and cannot be undone.',
    );
    const reenrol = await admin.rpc('enroll_staff', {
      staff_id: staff.id,
      payer_ids: [personas.payers.aetna],
    });
    expect(reenrol.error?.message).toMatch(
      /already enrolled; a deactivated therapist can never be added again/,
    );
    const payerChange = await admin.rpc('set_enrollment_payers', {
      enrollment_id: enrollmentId,
      payer_ids: [personas.payers.cigna],
    });
    expect(payerChange.error?.message).toBe('The payers of a deactivated therapist cannot change.');
    // not even the platform can undo it
    const serviceUndo = await service
      .from('program_enrollments')
      .update({ status: 'active' })
      .eq('id', enrollmentId);
    expect(serviceUndo.error?.message).toMatch(/cannot be undone/);
  });

  it('a therapist, a scheduler and another clinic’s admin cannot change an enrollment', async () => {
    const { enrollmentId } = await enrolFresh();
    for (const client of [therapist, scheduler, otherAdmin]) {
      expect(
        (
          await client
            .from('program_enrollments')
            .update({ status: 'deactivated' })
            .eq('id', enrollmentId)
            .select('id')
        ).data,
      ).toEqual([]);
    }
    expect(
      (
        await therapist
          .from('program_enrollments')
          .update({ status: 'deactivated' })
          .eq('staff_id', personas.staff.therapist.id)
          .select('id')
      ).data,
    ).toEqual([]);
    const { data } = await service
      .from('program_enrollments')
      .select('status')
      .eq('id', enrollmentId)
      .single();
    expect(data?.status).toBe('active');
  });

  it('only the status can be written by a client', async () => {
    const { enrollmentId } = await enrolFresh();
    const { error } = await admin
      .from('program_enrollments')
      .update({ enrolled_at: '2020-01-01T00:00:00Z' })
      .eq('id', enrollmentId);
    expect(error?.code).toBe('42501');
  });
});

describe('program_enrollments: delete', () => {
  it('an org admin deletes while the application is Incomplete', async () => {
    const { enrollmentId } = await enrolFresh();
    expect(
      (await admin.from('program_enrollments').delete().eq('id', enrollmentId).select('id')).data,
    ).toHaveLength(1);
  });
  it('is refused once the profile was submitted, or after deactivation', async () => {
    const completed = await enrolFresh();
    await completeProfile(completed.staff.id, personas.clinic.id);
    expect(
      (await admin.from('program_enrollments').delete().eq('id', completed.enrollmentId)).error?.message,
    ).toBe('Only enrollments whose application is Incomplete can be deleted; deactivate this one instead.');
    const deactivated = await enrolFresh();
    await admin
      .from('program_enrollments')
      .update({ status: 'deactivated' })
      .eq('id', deactivated.enrollmentId);
    expect(
      (await admin.from('program_enrollments').delete().eq('id', deactivated.enrollmentId)).error?.message,
    ).toBe('A deactivated enrollment stays on record and cannot be deleted.');
  });
  it('a therapist, a scheduler and another clinic’s admin reach nothing', async () => {
    const { enrollmentId } = await enrolFresh();
    for (const client of [therapist, scheduler, otherAdmin]) {
      expect(
        (await client.from('program_enrollments').delete().eq('id', enrollmentId).select('id')).data,
      ).toEqual([]);
    }
    expect((await service.from('program_enrollments').select('id').eq('id', enrollmentId)).data).toHaveLength(
      1,
    );
  });
});

describe('enrollment_payers', () => {
  it('select: admins and schedulers see the clinic’s; a therapist their own; another clinic nothing', async () => {
    const { enrollmentId } = await enrolFresh([personas.payers.aetna, personas.payers.united]);
    expect(
      (await admin.from('enrollment_payers').select('payer_id').eq('enrollment_id', enrollmentId)).data,
    ).toHaveLength(2);
    expect(
      (await scheduler.from('enrollment_payers').select('payer_id').eq('enrollment_id', enrollmentId)).data,
    ).toHaveLength(2);
    expect(
      (await therapist.from('enrollment_payers').select('payer_id').eq('enrollment_id', enrollmentId)).data,
    ).toEqual([]);
    expect(
      (await otherAdmin.from('enrollment_payers').select('payer_id').eq('enrollment_id', enrollmentId)).data,
    ).toEqual([]);
  });
  it('insert: an org admin adds a payer; others are refused', async () => {
    const { enrollmentId } = await enrolFresh();
    expect(
      (
        await admin.from('enrollment_payers').insert({
          enrollment_id: enrollmentId,
          payer_id: personas.payers.cigna,
          org_id: personas.clinic.id,
        })
      ).error,
    ).toBeNull();
    for (const client of [therapist, scheduler, otherAdmin]) {
      expect(
        (
          await client.from('enrollment_payers').insert({
            enrollment_id: enrollmentId,
            payer_id: personas.payers.united,
            org_id: personas.clinic.id,
          })
        ).error?.code,
      ).toBe('42501');
    }
  });
  it('delete: an org admin removes a payer but never the last one; others reach nothing', async () => {
    const { enrollmentId } = await enrolFresh([personas.payers.aetna, personas.payers.cigna]);
    for (const client of [therapist, scheduler, otherAdmin]) {
      expect(
        (await client.from('enrollment_payers').delete().eq('enrollment_id', enrollmentId).select('payer_id'))
          .data,
      ).toEqual([]);
    }
    expect(
      (
        await admin
          .from('enrollment_payers')
          .delete()
          .eq('enrollment_id', enrollmentId)
          .eq('payer_id', personas.payers.cigna)
      ).error,
    ).toBeNull();
    const last = await admin.from('enrollment_payers').delete().eq('enrollment_id', enrollmentId);
    expect(last.error?.message).toBe('Choose at least one payer for each therapist in the program.');
    expect(
      (await service.from('enrollment_payers').select('payer_id').eq('enrollment_id', enrollmentId)).data,
    ).toEqual([{ payer_id: personas.payers.aetna }]);
  });
  it('update: refused to every client (remove and add instead)', async () => {
    const { enrollmentId } = await enrolFresh();
    const { error } = await admin
      .from('enrollment_payers')
      .update({ payer_id: personas.payers.cigna })
      .eq('enrollment_id', enrollmentId);
    expect(error?.code).toBe('42501');
  });
  it('Edit: set_enrollment_payers replaces the list in one transaction', async () => {
    const { enrollmentId } = await enrolFresh([personas.payers.aetna, personas.payers.cigna]);
    expect(
      (
        await admin.rpc('set_enrollment_payers', {
          enrollment_id: enrollmentId,
          payer_ids: [personas.payers.united, personas.payers.cigna],
        })
      ).error,
    ).toBeNull();
    const { data } = await admin
      .from('program_grid')
      .select('payer_names')
      .eq('enrollment_id', enrollmentId)
      .single();
    expect(data?.payer_names).toEqual([personas.payerNames.cigna, personas.payerNames.united]);
    expect(
      (await admin.rpc('set_enrollment_payers', { enrollment_id: enrollmentId, payer_ids: [] })).error
        ?.message,
    ).toBe('Choose at least one payer.');
    expect(
      (
        await otherAdmin.rpc('set_enrollment_payers', {
          enrollment_id: enrollmentId,
          payer_ids: [personas.payers.aetna],
        })
      ).error?.code,
    ).toBe('42501');
    expect(
      (
        await scheduler.rpc('set_enrollment_payers', {
          enrollment_id: enrollmentId,
          payer_ids: [personas.payers.aetna],
        })
      ).error?.code,
    ).toBe('42501');
  });
});

describe('program grid', () => {
  it('derives Application Status from the profile and filters by payer', async () => {
    const done = await enrolFresh([personas.payers.harvardPilgrim]);
    await completeProfile(done.staff.id, personas.clinic.id);
    const { data } = await admin
      .from('program_grid')
      .select('enrollment_id, application_status')
      .overlaps('payer_ids', [personas.payers.harvardPilgrim])
      .eq('enrollment_id', done.enrollmentId);
    expect(data).toEqual([{ enrollment_id: done.enrollmentId, application_status: 'completed' }]);
    expect(
      (await otherAdmin.from('program_grid').select('enrollment_id').eq('org_id', personas.clinic.id)).data,
    ).toEqual([]);
  });
});

describe('program_grid_page', () => {
  /** A fresh therapist with the given names, enrolled by the clinic's admin. */
  async function enrolNamed(
    firstName: string,
    lastName: string,
    payerIds: string[] = [personas.payers.aetna],
  ) {
    const { data: staff, error } = await service
      .from('staff_members')
      .insert({
        org_id: personas.clinic.id,
        first_name: firstName,
        last_name: lastName,
        email: `grid.${randomUUID()}@example.org`,
        roles: ['therapist'],
      })
      .select()
      .single();
    if (error) throw new Error(`staff_members insert: ${error.message}`);
    const enrolled = await admin.rpc('enroll_staff', { staff_id: staff.id, payer_ids: payerIds });
    if (enrolled.error) throw new Error(`enroll_staff: ${enrolled.error.message}`);
    return { staff, enrollmentId: enrolled.data };
  }
  /** A last name no other test uses: the page's rows are then only this test's. */
  const uniqueName = () => `Gridtest${randomUUID().replace(/-/g, '').slice(0, 10)}`;

  it('an org admin reads a page of the clinic: names, Application Status, payers sorted by name, and the count on every row', async () => {
    const last = uniqueName();
    const avery = await enrolNamed('Avery', last, [
      personas.payers.united,
      personas.payers.aetna,
      personas.payers.cigna,
    ]);
    const blake = await enrolNamed('Blake', last, [personas.payers.harvardPilgrim]);
    await completeProfile(blake.staff.id, personas.clinic.id);

    const { data, error } = await admin.rpc('program_grid_page', {
      org: personas.clinic.id,
      name_words: [last],
    });
    expect(error).toBeNull();
    expect(data).toEqual([
      {
        enrollment_id: avery.enrollmentId,
        staff_id: avery.staff.id,
        first_name: 'Avery',
        last_name: last,
        status: 'active',
        application_status: 'incomplete',
        payer_ids: [personas.payers.aetna, personas.payers.cigna, personas.payers.united],
        payer_names: [personas.payerNames.aetna, personas.payerNames.cigna, personas.payerNames.united],
        total_count: 2,
      },
      {
        enrollment_id: blake.enrollmentId,
        staff_id: blake.staff.id,
        first_name: 'Blake',
        last_name: last,
        status: 'active',
        application_status: 'completed',
        payer_ids: [personas.payers.harvardPilgrim],
        payer_names: [personas.payerNames.harvardPilgrim],
        total_count: 2,
      },
    ]);

    // filters, sort and paging
    const only = async (args: Omit<Database['public']['Functions']['program_grid_page']['Args'], 'org'>) => {
      const page = await admin.rpc('program_grid_page', {
        org: personas.clinic.id,
        name_words: [last],
        ...args,
      });
      expect(page.error).toBeNull();
      return page.data!.map((row) => [row.first_name, row.total_count]);
    };
    expect(await only({ only_application_status: 'completed' })).toEqual([['Blake', 1]]);
    expect(await only({ with_payer: personas.payers.cigna })).toEqual([['Avery', 1]]);
    expect(await only({ with_payer: personas.payers.bcbsma })).toEqual([]);
    // filters together narrow together
    expect(
      await only({
        with_payer: personas.payers.aetna,
        only_application_status: 'incomplete',
        descending: true,
      }),
    ).toEqual([['Avery', 1]]);
    expect(
      await only({ with_payer: personas.payers.harvardPilgrim, only_application_status: 'incomplete' }),
    ).toEqual([]);
    expect(await only({ sort_column: 'staff', descending: true })).toEqual([
      ['Blake', 2],
      ['Avery', 2],
    ]);
    expect(await only({ sort_column: 'applicationStatus' })).toEqual([
      ['Blake', 2],
      ['Avery', 2],
    ]);
    expect(await only({ page_offset: 1, page_size: 1 })).toEqual([['Blake', 2]]);
    expect(await only({ page_offset: 2 })).toEqual([]);

    // the whole clinic: the personas' listed therapist is there, and the count is that of every match
    const all = await admin.rpc('program_grid_page', { org: personas.clinic.id, page_size: 500 });
    expect(all.error).toBeNull();
    const total = all.data![0]!.total_count;
    expect(all.data).toHaveLength(Math.min(total, 500));
    expect(new Set(all.data!.map((row) => row.total_count))).toEqual(new Set([total]));
    const { count } = await service
      .from('program_enrollments')
      .select('id', { count: 'exact', head: true })
      .eq('org_id', personas.clinic.id);
    expect(total).toBe(count);
    expect(all.data!.map((row) => `${row.last_name}, ${row.first_name}`)).toEqual(
      expect.arrayContaining([
        `${personas.staff.therapist.lastName}, ${personas.staff.therapist.firstName}`,
        `${last}, Avery`,
        `${last}, Blake`,
      ]),
    );
  });

  it('a scheduler reads the same page as the admin', async () => {
    const last = uniqueName();
    await enrolNamed('Avery', last, [personas.payers.cigna, personas.payers.aetna]);
    await enrolNamed('Blake', last);
    const args = { org: personas.clinic.id, name_words: [last], sort_column: 'status' };
    const fromScheduler = await scheduler.rpc('program_grid_page', args);
    expect(fromScheduler.error).toBeNull();
    expect(fromScheduler.data).toHaveLength(2);
    expect(fromScheduler.data![0]).toMatchObject({
      first_name: 'Avery',
      payer_names: [personas.payerNames.aetna, personas.payerNames.cigna],
      total_count: 2,
    });
    expect(fromScheduler.data).toEqual((await admin.rpc('program_grid_page', args)).data);
  });

  it('another clinic’s admin gets nothing of the clinic; a therapist only their own enrollment, as through the view', async () => {
    const last = uniqueName();
    await enrolNamed('Avery', last);
    expect(await otherAdmin.rpc('program_grid_page', { org: personas.clinic.id })).toMatchObject({
      data: [],
      error: null,
    });
    expect(
      await otherAdmin.rpc('program_grid_page', { org: personas.clinic.id, name_words: [last] }),
    ).toMatchObject({ data: [], error: null });

    const own = await therapist.rpc('program_grid_page', { org: personas.clinic.id, page_size: 500 });
    expect(own.error).toBeNull();
    expect(own.data).toEqual([
      expect.objectContaining({
        staff_id: personas.staff.therapist.id,
        first_name: personas.staff.therapist.firstName,
        last_name: personas.staff.therapist.lastName,
        total_count: 1,
      }),
    ]);
    const view = await therapist
      .from('program_grid')
      .select('enrollment_id, payer_names')
      .eq('org_id', personas.clinic.id);
    expect(
      own.data!.map((row) => ({ enrollment_id: row.enrollment_id, payer_names: row.payer_names })),
    ).toEqual(view.data);
  });

  it('anon cannot call it', async () => {
    const { data, error } = await anonClient().rpc('program_grid_page', { org: personas.clinic.id });
    expect(data).toBeNull();
    expect(error?.code).toBe('42501');
    expect(error?.message).toMatch(/permission denied for function program_grid_page/);
  });

  it('refuses an unknown sort column', async () => {
    for (const sortColumn of ['last_name', 'staff; drop table x', '']) {
      const { error } = await admin.rpc('program_grid_page', {
        org: personas.clinic.id,
        sort_column: sortColumn,
      });
      expect(error).toMatchObject({
        code: '22023',
        hint: 'unknown_sort_column',
        message: 'Sort by staff, applicationStatus or status.',
      });
    }
  });

  it('matches each name word literally and ignoring case: % _ and \\ are no wildcards', async () => {
    const marker = uniqueName();
    await enrolNamed('Percent', `${marker}50%off`);
    await enrolNamed('Fifty', `${marker}50off`);
    await enrolNamed('Under', `${marker}a_b`);
    await enrolNamed('Axb', `${marker}axb`);
    await enrolNamed('Slash', `${marker}c\\d`);
    await enrolNamed('Cd', `${marker}cd`);
    const firstNames = async (words: string[]) => {
      const { data, error } = await admin.rpc('program_grid_page', {
        org: personas.clinic.id,
        name_words: words,
      });
      expect(error).toBeNull();
      return data!.map((row) => row.first_name);
    };
    expect(await firstNames([marker])).toHaveLength(6);
    expect(await firstNames([`${marker}50%`])).toEqual(['Percent']);
    expect(await firstNames([`${marker}a_b`])).toEqual(['Under']);
    expect(await firstNames([`${marker}c\\d`])).toEqual(['Slash']);
    expect(await firstNames(['%', marker])).toEqual(['Percent']);
    expect(await firstNames(['_', marker])).toEqual(['Under']);
    // each word must appear somewhere in "last, first", case aside; blank words are ignored
    expect(await firstNames([marker.toUpperCase(), 'under'])).toEqual(['Under']);
    expect(await firstNames([`${marker.toLowerCase()}axb, axb`])).toEqual(['Axb']);
    expect(await firstNames([marker, ' ', ''])).toHaveLength(6);
    expect(await firstNames([marker, 'nobody'])).toEqual([]);
  });
});

describe('audit_log', () => {
  it('records every change with actor and before/after, readable by org admins only', async () => {
    const { enrollmentId } = await enrolFresh([personas.payers.aetna]);
    await admin.rpc('set_enrollment_payers', {
      enrollment_id: enrollmentId,
      payer_ids: [personas.payers.cigna],
    });
    await admin.from('program_enrollments').update({ status: 'deactivated' }).eq('id', enrollmentId);
    const { data } = await admin
      .from('audit_log')
      .select('action, actor_staff_id, before, after')
      .eq('entity_id', enrollmentId)
      .order('id');
    expect(data?.map((e) => e.action)).toEqual([
      'enrollment.added',
      'enrollment.payer_added',
      'enrollment.payer_removed',
      'enrollment.payer_added',
      'enrollment.deactivated',
    ]);
    expect(new Set(data?.map((e) => e.actor_staff_id))).toEqual(new Set([personas.staff.orgAdmin.id]));
    const deactivation = data?.at(-1);
    expect(deactivation?.before).toMatchObject({ status: 'active', payer_ids: [personas.payers.cigna] });
    expect(deactivation?.after).toMatchObject({ status: 'deactivated' });

    for (const client of [therapist, scheduler, otherAdmin]) {
      expect((await client.from('audit_log').select('id').eq('entity_id', enrollmentId)).data).toEqual([]);
    }
  });
  it('is append-only for every role, the platform included', async () => {
    const { enrollmentId } = await enrolFresh();
    expect(
      (
        await admin
          .from('audit_log')
          .insert({ org_id: personas.clinic.id, action: 'enrollment.added', entity_id: enrollmentId })
      ).error?.code,
    ).toBe('42501');
    expect((await admin.from('audit_log').delete().eq('entity_id', enrollmentId)).error?.code).toBe('42501');
    expect((await service.from('audit_log').delete().eq('entity_id', enrollmentId)).error?.code).toBe(
      '42501',
    );
    expect(
      (await service.from('audit_log').update({ action: 'enrollment.forged' }).eq('entity_id', enrollmentId))
        .error?.code,
    ).toBe('42501');
    const superuserDelete = await withDb((db) =>
      db.query('delete from public.audit_log where entity_id = $1', [enrollmentId]).catch((e: Error) => e),
    );
    expect(String(superuserDelete)).toMatch(/append-only/);
  });
});

describe('notification_outbox', () => {
  // org admins see their clinic's dead letters only (tests/api/email-dead-letters.test.ts)
  it('shows no signed-in persona an email on its way or sent, nor any payload', async () => {
    for (const client of [admin, scheduler, therapist]) {
      expect(
        (await client.from('notification_outbox').select('id').neq('status', 'dead_letter')).data,
      ).toEqual([]);
      expect((await client.from('notification_outbox').select('payload')).error?.code).toBe('42501');
    }
    expect((await admin.rpc('claim_notifications', { batch_size: 1 })).error?.code).toBe('42501');
  });
});
