/**
 * supabase-js clients for each persona of the security matrix, against the real local stack.
 * Logins come from supabase/seed.sql.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import type { Database } from '../../src/types/database.types.ts';

export type Client = SupabaseClient<Database>;

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run this file through the api test project (npm run test:api).`);
  return value;
}

export const testEnv = () => ({
  apiUrl: requireEnv('CRP_TEST_API_URL'),
  anonKey: requireEnv('CRP_TEST_ANON_KEY'),
  serviceRoleKey: requireEnv('CRP_TEST_SERVICE_ROLE_KEY'),
  dbUrl: requireEnv('CRP_TEST_DB_URL'),
  inboxUrl: requireEnv('CRP_TEST_INBOX_URL'),
});

export const demoPassword = 'referral-demo';

export const personas = {
  orgAdmin: 'maya.okafor@harborviewcounseling.com',
  scheduler: 'luis.romero@harborviewcounseling.com',
  therapist: 'priya.raman@harborviewcounseling.com',
  /** enrolled, with a draft profile */
  otherTherapist: 'jordan.ellis@harborviewcounseling.com',
  /** enrolled, no profile yet */
  newTherapist: 'sofia.marquez@harborviewcounseling.com',
  /** not enrolled in the program */
  unenrolledTherapist: 'hannah.whitaker@harborviewcounseling.com',
  /** admin (and therapist) of Cedar Ridge, the clinic without the program */
  otherOrgAdmin: 'grace.lindqvist@cedarridgetherapy.com',
} as const;
export type Persona = keyof typeof personas;

export const orgs = {
  harborview: '0a9e0000-0000-4000-8000-000000000001',
  cedarRidge: '0a9e0000-0000-4000-8000-000000000002',
} as const;

/** The staff record id of a persona. */
export async function staffIdOf(persona: Persona): Promise<string> {
  const { data, error } = await serviceClient()
    .from('staff_members')
    .select('id')
    .eq('email', personas[persona])
    .single();
  if (error) throw new Error(`staffIdOf(${persona}): ${error.message}`);
  return data.id;
}

/** A fresh client with the given key and no stored session. Node 20 needs realtime's transport. */
export function newClient(key = testEnv().anonKey): Client {
  return createClient<Database>(testEnv().apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
}

export const anonClient = () => newClient();
export const serviceClient = () => newClient(testEnv().serviceRoleKey);

export async function signedInAs(persona: Persona): Promise<Client> {
  const client = newClient();
  const { error } = await client.auth.signInWithPassword({
    email: personas[persona],
    password: demoPassword,
  });
  if (error) throw new Error(`sign-in as ${persona} failed: ${error.message}`);
  return client;
}

/** Signs in with any account's email and password (a new session each call). */
export async function signedInWith(email: string, password: string): Promise<Client> {
  const client = newClient();
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
  return client;
}

/** The access token of a signed-in client's current session. */
export async function accessTokenOf(client: Client): Promise<string> {
  const { data } = await client.auth.getSession();
  if (!data.session) throw new Error('accessTokenOf: the client has no session');
  return data.session.access_token;
}

/** A client that sends exactly this access token, as anyone who kept a copy of it could. */
export function clientWithToken(accessToken: string): Client {
  return createClient<Database>(testEnv().apiUrl, testEnv().anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { Authorization: `Bearer ${accessToken}` } },
    realtime: { transport: WebSocket as never },
  });
}

/** Direct SQL as the superuser, for arranging data the API would refuse. */
export async function withDb<T>(run: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: testEnv().dbUrl });
  await db.connect();
  try {
    return await run(db);
  } finally {
    await db.end();
  }
}
