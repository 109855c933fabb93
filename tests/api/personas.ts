/**
 * Clients against the real local stack, and the personas of the security matrix. Every test file
 * makes its own personas (`personasForThisFile()`): two clinics, their staff with sign-in accounts, five
 * payers and a payer key, all new, so no file depends on the demo seed or on another file's rows.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { beforeAll } from 'vitest';
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

/** The password of every account the tests create (long and mixed, whatever the password policy asks). */
export const testAccountPassword = 'Harbor-view-Test-Passw0rd!';

/** A fresh client with the given key and no stored session. Node 20 needs realtime's transport. */
export function newClient(key = testEnv().anonKey): Client {
  return createClient<Database>(testEnv().apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
}

export const anonClient = () => newClient();
export const serviceClient = () => newClient(testEnv().serviceRoleKey);

/** Signs in with any account's email and password (a new session each call). */
export async function signedInWith(email: string, password = testAccountPassword): Promise<Client> {
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

/**
 * A confirmed sign-in account, written to auth.users as a hosted project's seed would: a bcrypt
 * hash from pgcrypto and an email identity. Returns the user's id.
 */
export async function insertAccount(
  db: pg.Client,
  email: string,
  fullName = 'Test Account',
  password = testAccountPassword,
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                             raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
             extensions.crypt($3, extensions.gen_salt('bf')), now(),
             '{"provider":"email","providers":["email"]}', jsonb_build_object('full_name', $4::text), now(), now())`,
    [id, email, password, fullName],
  );
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::text, $1::text::uuid, jsonb_build_object('sub', $1::text, 'email', $2::text), 'email', now(), now())`,
    [id, email],
  );
  return id;
}

export const payerKeys = ['aetna', 'bcbsma', 'cigna', 'united', 'harvardPilgrim'] as const;
export type PayerKey = (typeof payerKeys)[number];
const payerBaseNames: Record<PayerKey, string> = {
  aetna: 'Aetna',
  bcbsma: 'Blue Cross Blue Shield of Massachusetts',
  cigna: 'Cigna Healthcare',
  united: 'UnitedHealthcare',
  harvardPilgrim: 'Harvard Pilgrim Health Care',
};

export type Persona = 'orgAdmin' | 'scheduler' | 'therapist' | 'otherTherapist' | 'otherOrgAdmin';

export interface Clinic {
  id: string;
  name: string;
  slug: string;
  /** its one office, in the clinic's time zone */
  locationId: string;
}

export interface StaffAccount {
  /** the staff record's id */
  id: string;
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface Personas {
  /** program on, America/New_York, one office in Boston */
  clinic: Clinic;
  /** program off, America/Chicago: the clinic whose admin must see nothing of `clinic` */
  otherClinic: Clinic;
  /** payers of this file only: ids, and names (sorted as the catalog's real names are) */
  payers: Record<PayerKey, string>;
  payerNames: Record<PayerKey, string>;
  /** an API key of `payers.aetna` (rate limit high enough not to interfere) */
  payerKey: string;
  /**
   * orgAdmin and scheduler of `clinic`; therapist: listed for `payers.aetna` (profile Completed,
   * external availability every day 08:00–12:00 at the office); otherTherapist: a therapist of
   * `clinic` not in the program; otherOrgAdmin: admin and therapist of `otherClinic`.
   */
  staff: Record<Persona, StaffAccount>;
  /** A new session of the persona's account. */
  signedInAs(persona: Persona): Promise<Client>;
}

const personaRoles: Record<Persona, { clinic: 'clinic' | 'otherClinic'; roles: string[]; name: string }> = {
  orgAdmin: { clinic: 'clinic', roles: ['org_admin'], name: 'Maren Okafor' },
  scheduler: { clinic: 'clinic', roles: ['scheduler'], name: 'Luca Romero' },
  therapist: { clinic: 'clinic', roles: ['therapist'], name: 'Priya Raman' },
  otherTherapist: { clinic: 'clinic', roles: ['therapist'], name: 'Jordan Ellis' },
  otherOrgAdmin: { clinic: 'otherClinic', roles: ['org_admin', 'therapist'], name: 'Grace Lindqvist' },
};

async function insertClinic(
  db: pg.Client,
  tag: string,
  options: { program: boolean; zone: string; city: string },
) {
  const name = `${options.program ? 'Harborview' : 'Cedar Ridge'} Clinic ${tag}`;
  const slug = `${options.program ? 'harborview' : 'cedar-ridge'}-${tag}`;
  const {
    rows: [org],
  } = await db.query<{ id: string }>(
    `insert into public.organizations (name, slug, time_zone, referral_program_enabled) values ($1, $2, $3, $4) returning id`,
    [name, slug, options.zone, options.program],
  );
  const {
    rows: [location],
  } = await db.query<{ id: string }>(
    `insert into public.locations (org_id, name, address_line, city, state, postal_code, time_zone)
     values ($1, 'Main Office', '1 Main Street', $2, 'MA', '02116', $3) returning id`,
    [org!.id, options.city, options.zone],
  );
  return { id: org!.id, name, slug, locationId: location!.id };
}

/** Makes a new set of personas (see `Personas`); `personasForThisFile()` makes one per test file. */
export async function createPersonas(): Promise<Personas> {
  const tag = randomUUID().slice(0, 8);
  const made = await withDb(async (db) => {
    const clinic = await insertClinic(db, tag, { program: true, zone: 'America/New_York', city: 'Boston' });
    const otherClinic = await insertClinic(db, tag, {
      program: false,
      zone: 'America/Chicago',
      city: 'Oak Park',
    });
    const payers = {} as Record<PayerKey, string>;
    const payerNames = {} as Record<PayerKey, string>;
    for (const key of payerKeys) {
      payerNames[key] = `${payerBaseNames[key]} ${tag}`;
      const { rows } = await db.query<{ id: string }>(
        `insert into public.payers (name) values ($1) returning id`,
        [payerNames[key]],
      );
      payers[key] = rows[0]!.id;
    }
    const staff = {} as Record<Persona, StaffAccount>;
    for (const [persona, { clinic: which, roles, name }] of Object.entries(personaRoles)) {
      const [firstName, lastName] = name.split(' ') as [string, string];
      const email = `${firstName}.${lastName}.${tag}@example.org`.toLowerCase();
      const userId = await insertAccount(db, email, name);
      const home = which === 'clinic' ? clinic : otherClinic;
      const { rows } = await db.query<{ id: string }>(
        `insert into public.staff_members (user_id, org_id, first_name, last_name, email, roles, default_location_id)
         values ($1, $2, $3, $4, $5, $6::public.staff_role[], $7) returning id`,
        [userId, home.id, firstName, lastName, email, roles, home.locationId],
      );
      staff[persona as Persona] = { id: rows[0]!.id, userId, email, firstName, lastName };
    }
    await listTherapist(db, staff.therapist.id, clinic, payers.aetna);
    return { clinic, otherClinic, payers, payerNames, staff };
  });
  const { data: payerKey, error } = await serviceClient().rpc('create_payer_api_key', {
    payer: made.payers.aetna,
    label: `test ${tag}`,
    rate_limit_per_minute: 100_000,
  });
  if (error) throw new Error(`createPersonas: ${error.message}`);
  return {
    ...made,
    payerKey: payerKey as string,
    signedInAs: (persona) => signedInWith(made.staff[persona].email),
  };
}

/** Enrols `staffId` for `payer`, submits a complete profile and opens external time every day 08:00–12:00. */
async function listTherapist(db: pg.Client, staffId: string, clinic: Clinic, payer: string) {
  await db.query(`select public.enroll_staff($1, array[$2]::uuid[])`, [staffId, payer]);
  await db.query(
    `insert into public.public_profiles (staff_id, org_id, professional_title, license_type, license_state, license_number,
       about_me, specialties, treatment_approaches, ages_served, session_formats, languages, submitted_at)
     values ($1, $2, 'LMHC', 'lmhc', 'MA', 'MH-20931', $3, '{anxiety,life_transitions}', '{cbt}', '{adults}',
       '{telehealth}', '{en}', now())`,
    [
      staffId,
      clinic.id,
      'I work with adults navigating anxiety, life transitions and relationship stress. Sessions are collaborative ' +
        'and focused on practical skills, with room to understand the patterns that keep you stuck.',
    ],
  );
  await db.query(
    `insert into public.availability_blocks (org_id, staff_id, location_id, valid_from, weekdays, start_time, end_time, accept_external)
     values ($1, $2, $3, current_date, '{1,2,3,4,5,6,7}', '08:00', '12:00', true)`,
    [clinic.id, staffId, clinic.locationId],
  );
}

/**
 * This file's personas, made before its first test (a `beforeAll` registered here: call it at
 * the top of the file, before the file's own hooks). Read its fields inside tests and hooks.
 */
export function personasForThisFile(): Personas {
  let made: Personas | undefined;
  beforeAll(async () => {
    made = await createPersonas();
  });
  return new Proxy({} as Personas, {
    get(_, field) {
      if (!made) throw new Error('the personas are made in beforeAll: read them inside a test or a hook');
      return made[field as keyof Personas];
    },
  });
}
