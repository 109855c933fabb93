/** Access tokens (HS256 JWTs shaped like GoTrue's), refresh tokens and email-link token hashes. */
import { createHash, randomInt } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { forbidden } from './errors.ts';

export interface AmrEntry {
  method: string;
  timestamp: number;
}

/** GoTrue's AccessTokenClaims, in the order GoTrue serialises them. */
export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  email: string;
  phone: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  role: string;
  aal: string;
  amr: AmrEntry[];
  session_id: string;
  is_anonymous: boolean;
}

/** What the service reads from any bearer token (user tokens and the API keys alike). */
export interface VerifiedClaims extends JWTPayload {
  role?: string;
  session_id?: string;
  is_anonymous?: boolean;
}

const secretKey = (secret: string) => new TextEncoder().encode(secret);

export async function signAccessToken(claims: AccessTokenClaims, secret: string): Promise<string> {
  // the legacy (shared secret) GoTrue header: no `kid`
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretKey(secret));
}

/** Verifies signature and expiry; failures read like GoTrue's (403 bad_jwt, golang-jwt's wording). */
export async function verifyBearerToken(token: string, secret: string): Promise<VerifiedClaims> {
  try {
    const { payload } = await jwtVerify<VerifiedClaims>(token, secretKey(secret), { algorithms: ['HS256'] });
    return payload;
  } catch (error) {
    throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${describeJwtError(error)}`);
  }
}

function describeJwtError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token has invalid claims: token is expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `token has invalid claims: ${error.message}`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'token signature is invalid: signature is invalid';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'token signature is invalid: signing method is invalid';
  return 'token is malformed: could not parse the token';
}

const alphanumeric = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** GoTrue's refresh tokens are 12 random lowercase alphanumerics (crypto.SecureAlphanumeric(12)). */
export function newRefreshToken(): string {
  let token = '';
  for (let i = 0; i < 12; i += 1) token += alphanumeric[randomInt(alphanumeric.length)];
  return token;
}

/** A 6-digit one-time code, as GoTrue puts in emails. */
export function newOtp(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

/**
 * GoTrue stores (and puts in email links) sha224(email + otp) in hex, never the code itself;
 * `GET /verify?token=` looks the hash up.
 */
export function emailTokenHash(email: string, otp: string): string {
  return createHash('sha224').update(email + otp).digest('hex');
}
