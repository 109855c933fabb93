import { createClient } from 'npm:@supabase/supabase-js@2.109.0';
import { requireEnv } from '../_shared/env.ts';
import { createHealthApp } from './handler.ts';

const url = requireEnv('SUPABASE_URL');
const anonKey = requireEnv('SUPABASE_ANON_KEY');

const app = createHealthApp({
  async probeDatabase(authorization) {
    const client = createClient(url, anonKey, {
      global: { headers: { Authorization: authorization } },
      auth: { persistSession: false, autoRefreshToken: false },
    });
    // a HEAD count on the payer catalog: cheap, and goes through RLS as the caller
    const { error } = await client.from('payers').select('id', { count: 'exact', head: true });
    return error ? error.message : null;
  },
  now: () => new Date(),
});

Deno.serve(app.fetch);
