/**
 * supabase-js, unmodified, against the local stack: the same calls the app makes against a
 * hosted Supabase project.
 */
import { describe, expect, it } from 'vitest';
import { anonClient, newClient, testEnv, personasForThisFile } from './personas.ts';

const personas = personasForThisFile();

describe('supabase-js against the local stack', () => {
  it('signs in, reads only its own organization through RLS, calls rpc and a function, and signs out', async () => {
    const client = await personas.signedInAs('therapist');

    const { data: staff, error } = await client.from('staff_members').select('org_id, email');
    expect(error).toBeNull();
    expect(staff?.length).toBeGreaterThan(0);
    expect(new Set(staff?.map((s) => s.org_id))).toEqual(new Set([personas.clinic.id]));
    expect(staff?.map((s) => s.email)).not.toContain(personas.staff.otherOrgAdmin.email);

    const { data: memberships, error: rpcError } = await client.rpc('my_memberships');
    expect(rpcError).toBeNull();
    expect(memberships).toEqual([
      expect.objectContaining({
        org_id: personas.clinic.id,
        roles: ['therapist'],
        referral_program_enabled: true,
        org_time_zone: 'America/New_York',
      }),
    ]);

    const { data: health, error: fnError } = await client.functions.invoke('health', { method: 'GET' });
    expect(fnError).toBeNull();
    expect(health).toMatchObject({ status: 'ok', role: 'authenticated', database: { ok: true } });

    expect((await client.auth.signOut()).error).toBeNull();
    // signed out, the client is anonymous again: no grant on the staff directory
    const afterSignOut = await client.from('staff_members').select('id');
    expect(afterSignOut).toMatchObject({ data: null, error: { code: '42501' } });
  });

  it('rejects a forged insert with 42501', async () => {
    const client = await personas.signedInAs('therapist');
    const { error } = await client.from('staff_members').insert({
      org_id: personas.clinic.id,
      first_name: 'Forged',
      last_name: 'Admin',
      email: 'forged.admin@example.org',
      roles: ['org_admin'],
    });
    expect(error?.code).toBe('42501');
  });

  it('refuses a function call without a valid JWT', async () => {
    const response = await fetch(`${testEnv().apiUrl}/functions/v1/health`, {
      headers: { authorization: 'Bearer not-a-jwt' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Invalid JWT' });
  });

  it('requires a valid API key on /rest/v1 and /auth/v1, like the hosted gateway', async () => {
    const { apiUrl } = testEnv();
    const missing = await fetch(`${apiUrl}/rest/v1/payers`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ message: 'No API key found in request' });
    const wrong = await fetch(`${apiUrl}/auth/v1/user`, { headers: { apikey: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ message: 'Invalid API key' });
  });

  it('answers CORS preflights for the browser app', async () => {
    const response = await fetch(`${testEnv().apiUrl}/rest/v1/staff_members`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'apikey, authorization, content-type, prefer',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(response.headers.get('access-control-allow-headers')).toContain('apikey');
  });

  it('lets anon read nothing from the base tables', async () => {
    const anon = anonClient();
    const { error } = await anon.from('staff_members').select('id');
    expect(error?.code).toBe('42501');
  });

  it('gives a wrong password GoTrue’s error', async () => {
    const { error } = await newClient().auth.signInWithPassword({
      email: personas.staff.orgAdmin.email,
      password: 'wrong-password',
    });
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_credentials',
      message: 'Invalid login credentials',
    });
  });
});
