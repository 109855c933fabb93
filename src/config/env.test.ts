import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object) => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.signature`;
const anonKey = jwt({ iss: 'supabase-demo', role: 'anon' });
const good = { VITE_SUPABASE_URL: 'http://localhost:54321', VITE_SUPABASE_ANON_KEY: anonKey };

function envError(source: Record<string, unknown>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('parseEnv accepted a bad environment');
}

describe('parseEnv', () => {
  it('returns the URL and anon key when both are good', () => {
    expect(parseEnv(good)).toEqual({ supabaseUrl: 'http://localhost:54321', supabaseAnonKey: anonKey });
    expect(parseEnv({ ...good, VITE_SUPABASE_URL: 'https://abcd.supabase.co' }).supabaseUrl).toBe(
      'https://abcd.supabase.co',
    );
  });

  it('accepts a publishable key of the newer format', () => {
    expect(parseEnv({ ...good, VITE_SUPABASE_ANON_KEY: 'sb_publishable_abc123' }).supabaseAnonKey).toBe(
      'sb_publishable_abc123',
    );
  });

  it('names a missing URL and says how to fix it', () => {
    const error = envError({ VITE_SUPABASE_ANON_KEY: anonKey });
    expect(error.variables).toEqual(['VITE_SUPABASE_URL']);
    expect(error.message).toContain('VITE_SUPABASE_URL is not set');
    expect(error.message).toContain('npm start');
    expect(error.message).toContain('.env.local');
  });

  it('names a URL that is not an http(s) URL', () => {
    for (const url of ['localhost:54321', 'not a url', 'ftp://example.com']) {
      const error = envError({ ...good, VITE_SUPABASE_URL: url });
      expect(error.variables).toEqual(['VITE_SUPABASE_URL']);
      expect(error.message).toContain('VITE_SUPABASE_URL is not an http(s) URL');
    }
  });

  it('names an empty or malformed anon key', () => {
    expect(envError({ ...good, VITE_SUPABASE_ANON_KEY: '  ' }).message).toContain(
      'VITE_SUPABASE_ANON_KEY is empty',
    );
    const error = envError({ ...good, VITE_SUPABASE_ANON_KEY: 'my-anon-key' });
    expect(error.variables).toEqual(['VITE_SUPABASE_ANON_KEY']);
    expect(error.message).toContain('VITE_SUPABASE_ANON_KEY does not look like a Supabase anon key');
  });

  it('refuses a key for any role but anon, and secret keys', () => {
    const privileged = envError({ ...good, VITE_SUPABASE_ANON_KEY: jwt({ role: 'authenticated' }) });
    expect(privileged.message).toContain(
      'VITE_SUPABASE_ANON_KEY is a key for the role "authenticated", not "anon"',
    );
    const secret = envError({ ...good, VITE_SUPABASE_ANON_KEY: 'sb_secret_abc123' });
    expect(secret.message).toContain('VITE_SUPABASE_ANON_KEY is a secret key');
  });

  it('names both variables when both are missing', () => {
    const error = envError({});
    expect(error.variables).toEqual(['VITE_SUPABASE_URL', 'VITE_SUPABASE_ANON_KEY']);
    expect(error.message).toMatch(/VITE_SUPABASE_URL is not set.*VITE_SUPABASE_ANON_KEY is not set/);
  });
});
