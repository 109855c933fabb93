/**
 * Global setup of the `api` test project: starts the real local stack once, from an empty
 * database (migrations + demo seed), on the test ports, and stops it afterwards.
 */
import { stackSettings } from '../../supabase/local/config.ts';
import { startStack } from '../../supabase/local/stack.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const stack = await startStack(stackSettings('test'), { fresh: true });
  process.env.CRP_TEST_API_URL = stack.urls.api;
  process.env.CRP_TEST_ANON_KEY = stack.keys.anonKey;
  process.env.CRP_TEST_SERVICE_ROLE_KEY = stack.keys.serviceRoleKey;
  process.env.CRP_TEST_DB_URL = stack.urls.db;
  process.env.CRP_TEST_INBOX_URL = stack.urls.inbox;
  return () => stack.stop();
}
