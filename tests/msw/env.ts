/** The settings component tests run the app with: a made-up project URL and a JWT-shaped anon key. */
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export const testSupabaseUrl = 'http://supabase.test';

export const testAnonKey = [
  base64url({ alg: 'HS256', typ: 'JWT' }),
  base64url({ iss: 'supabase-demo', role: 'anon', iat: 1_700_000_000, exp: 2_000_000_000 }),
  'test-signature',
].join('.');

export const testEnv = {
  VITE_SUPABASE_URL: testSupabaseUrl,
  VITE_SUPABASE_ANON_KEY: testAnonKey,
} as const;
