/** The anon and service-role API keys: JWTs signed with the local secret, shaped like Supabase's. */
import { SignJWT } from 'jose';

export interface ApiKeys {
  anonKey: string;
  serviceRoleKey: string;
}

// Fixed issue/expiry times make the keys the same on every start, so a running app keeps working.
const issuedAt = 1_700_000_000;
const expiresAt = 2_000_000_000;

async function apiKey(role: 'anon' | 'service_role', secret: string): Promise<string> {
  return new SignJWT({ iss: 'supabase-demo', role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));
}

export async function apiKeys(secret: string): Promise<ApiKeys> {
  return { anonKey: await apiKey('anon', secret), serviceRoleKey: await apiKey('service_role', secret) };
}
