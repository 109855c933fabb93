/**
 * Global setup of the `api` test project: starts the real local stack once, from an empty
 * database, on the test ports, and stops it afterwards. The test profile loads the demo seed (the
 * browser journeys sign in as its people); the API tests remove it first, so that no test can
 * lean on it: each file makes its own clinics, staff and payers (tests/api/personas.ts).
 */
import pg from 'pg';
import { stackSettings } from '../../supabase/local/config.ts';
import { startStack } from '../../supabase/local/stack.ts';

/** Removes every clinic, payer and account with what hangs off them: the demo seed's rows, nothing the migrations made. */
async function removeDemoData(dbUrl: string): Promise<void> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await db.query('begin');
    // the audit log refuses truncation by trigger; as replica the database owner may clear it here
    await db.query('set local session_replication_role = replica');
    await db.query('truncate public.organizations, public.payers, auth.users cascade');
    await db.query('commit');
  } finally {
    await db.end();
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  const stack = await startStack(stackSettings('test'), { fresh: true });
  try {
    await removeDemoData(stack.urls.db);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  process.env.CRP_TEST_API_URL = stack.urls.api;
  process.env.CRP_TEST_ANON_KEY = stack.keys.anonKey;
  process.env.CRP_TEST_SERVICE_ROLE_KEY = stack.keys.serviceRoleKey;
  process.env.CRP_TEST_DB_URL = stack.urls.db;
  process.env.CRP_TEST_INBOX_URL = stack.urls.inbox;
  return () => stack.stop();
}
