/** Starts the whole stack, app included, from an empty database for the browser journeys. */
import { stackSettings } from '../../../supabase/local/config.ts';
import { startStack } from '../../../supabase/local/stack.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack(stackSettings('test'), { fresh: true, withApp: true });
  process.env.CRP_TEST_INBOX_URL = stack.urls.inbox;
  process.env.CRP_TEST_API_URL = stack.urls.api;
  process.env.CRP_TEST_ANON_KEY = stack.keys.anonKey;
  return () => stack.stop();
}
