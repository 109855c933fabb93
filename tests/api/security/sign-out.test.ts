/**
 * Signing out or removing a staff member ends access at once, not when the access token
 * expires: the same token, sent again after `signOut()` (scope local or global) or after the
 * staff member was deactivated, reads nothing and is refused by the RPCs. Another session of
 * the same user keeps working after a local sign-out.
 */
import { randomUUID } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { localJwtSecret } from '../../../supabase/local/config.ts';
import { createListedTherapist, createStaffAccount, insertPendingRequest } from '../factories.ts';
import {
  accessTokenOf,
  clientWithToken,
  serviceClient,
  signedInWith,
  personasForThisFile,
  type Client,
} from '../personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
let requestId: string;

/** What a scheduler's token can reach: the clinic's requests, the queue, their memberships, their own staff row. */
async function reach(client: Client) {
  const [requests, queue, memberships, staff, org] = await Promise.all([
    client.from('referral_requests').select('id, first_name, email, date_of_birth').eq('id', requestId),
    client.from('unconfirmed_requests').select('id').eq('id', requestId),
    client.rpc('my_memberships'),
    client.from('staff_members').select('id'),
    client.from('organizations').select('id'),
  ]);
  // a refused session reads nothing; it is never an error (which would also read as "nothing")
  for (const answer of [requests, queue, memberships, staff, org]) expect(answer.error).toBeNull();
  return {
    requests: requests.data?.length ?? 0,
    queue: queue.data?.length ?? 0,
    memberships: memberships.data?.length ?? 0,
    staff: staff.data?.length ?? 0,
    orgs: org.data?.length ?? 0,
  };
}
const nothing = { requests: 0, queue: 0, memberships: 0, staff: 0, orgs: 0 };

async function newScheduler() {
  const staff = await createStaffAccount({ org: personas.clinic.id, roles: ['scheduler'] });
  return { staff, signIn: () => signedInWith(staff.email) };
}

beforeAll(async () => {
  ({ id: requestId } = await insertPendingRequest(personas, personas.staff.therapist.id, { daysAhead: 40 }));
});

describe('sign-out ends access for the token it was signed in with', () => {
  it('scope local: the same token reads nothing and cannot decide; another session of the user still works', async () => {
    const scheduler = await newScheduler();
    const [signedOut, otherSession] = [await scheduler.signIn(), await scheduler.signIn()];
    const token = await accessTokenOf(signedOut);
    const before = await reach(clientWithToken(token));
    expect(before).toMatchObject({ requests: 1, queue: 1, memberships: 1, orgs: 1 });
    expect(before.staff).toBeGreaterThan(1);

    expect((await signedOut.auth.signOut({ scope: 'local' })).error).toBeNull();

    const replayed = clientWithToken(token);
    expect(await reach(replayed)).toEqual(nothing);
    const decline = await replayed.rpc('decline_referral_request', {
      request_id: requestId,
      reason: 'no_availability',
    });
    expect(decline.error).toMatchObject({
      code: '42501',
      message: 'No such request, or it is not yours to decide.',
    });
    const confirm = await replayed.rpc('confirm_referral_request', { request_id: requestId });
    expect(confirm.error?.code).toBe('42501');
    const { data } = await service.from('referral_requests').select('status').eq('id', requestId).single();
    expect(data?.status).toBe('pending');

    expect(await reach(otherSession)).toMatchObject({ requests: 1, queue: 1, memberships: 1, orgs: 1 });
  });

  it('scope global: every session of the user ends, each token reads nothing', async () => {
    const scheduler = await newScheduler();
    const [first, second] = [await scheduler.signIn(), await scheduler.signIn()];
    const tokens = [await accessTokenOf(first), await accessTokenOf(second)];
    for (const token of tokens) expect((await reach(clientWithToken(token))).requests).toBe(1);

    expect((await first.auth.signOut({ scope: 'global' })).error).toBeNull();

    for (const token of tokens) expect(await reach(clientWithToken(token))).toEqual(nothing);
  });

  it('an org admin’s signed-out token can no longer write (deactivate an enrollment, add a location)', async () => {
    const admin = await signedInWith(
      (await createStaffAccount({ org: personas.clinic.id, roles: ['org_admin'] })).email,
    );
    const token = await accessTokenOf(admin);
    await admin.auth.signOut({ scope: 'local' });
    const replayed = clientWithToken(token);
    const location = await replayed.from('locations').insert({
      org_id: personas.clinic.id,
      name: `Annex ${Date.now()}`,
      address_line: '2 Main Street',
      city: 'Boston',
      state: 'MA',
      postal_code: '02110',
      time_zone: 'America/New_York',
    });
    expect(location.error?.code).toBe('42501');
    const therapist = await createListedTherapist(personas);
    const enrollment = await replayed
      .from('program_enrollments')
      .update({ status: 'deactivated' })
      .eq('staff_id', therapist.id)
      .select('id');
    expect(enrollment).toMatchObject({ error: null, data: [] });
    const { data } = await service
      .from('program_enrollments')
      .select('status')
      .eq('staff_id', therapist.id)
      .single();
    expect(data?.status).toBe('active');
  });
});

describe('removal ends access for tokens that are still valid', () => {
  it('a deactivated staff member’s token reads nothing of the clinic at once', async () => {
    const scheduler = await newScheduler();
    const client = await scheduler.signIn();
    expect((await reach(client)).requests).toBe(1);
    expect(
      (await service.from('staff_members').update({ is_active: false }).eq('id', scheduler.staff.id)).error,
    ).toBeNull();
    // their own (deactivated) record stays readable, so the app can say why
    expect(await reach(client)).toEqual({ ...nothing, staff: 1 });
    expect((await client.rpc('confirm_referral_request', { request_id: requestId })).error?.code).toBe(
      '42501',
    );
  });

  it('a validly signed token without a live session (none named, or a made-up one) is no staff session', async () => {
    const scheduler = await newScheduler();
    const real = decodeJwt(await accessTokenOf(await scheduler.signIn()));
    const forge = (claims: Record<string, unknown>) =>
      new SignJWT({ ...real, ...claims })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(new TextEncoder().encode(localJwtSecret));
    expect(await reach(clientWithToken(await forge({ session_id: undefined })))).toEqual(nothing);
    expect(await reach(clientWithToken(await forge({ session_id: randomUUID() })))).toEqual(nothing);
    expect(await reach(clientWithToken(await forge({ session_id: 'not-a-uuid' })))).toEqual(nothing);
    // the same claims with the real session still work: the check is the session, not the signature
    expect(await reach(clientWithToken(await forge({})))).toMatchObject({ requests: 1, memberships: 1 });
  });
});
