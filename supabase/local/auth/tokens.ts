/** Access tokens (HS256 JWTs shaped like GoTrue's), refresh tokens and email-link tokens. */
import { createHash, randomBytes, randomInt } from 'node:crypto';
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
    throw forbidden(
      'bad_jwt',
      `invalid JWT: unable to parse or verify signature, ${describeJwtError(error)}`,
    );
  }
}

function describeJwtError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token has invalid claims: token is expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `token has invalid claims: ${error.message}`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return 'token signature is invalid: signature is invalid';
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return 'token signature is invalid: signing method is invalid';
  return 'token is malformed: could not parse the token';
}

const alphanumeric = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** GoTrue's refresh tokens are 12 random lowercase alphanumerics (crypto.SecureAlphanumeric(12)). */
export function newRefreshToken(): string {
  let token = '';
  for (let i = 0; i < 12; i += 1) token += alphanumeric[randomInt(alphanumeric.length)];
  return token;
}

/**
 * The token of an invitation or recovery link: 256 random bits, so it cannot be guessed (GoTrue's
 * sha224(email + 6-digit code) has only a million values per email). Only its hash is stored, so a
 * copy of auth.users does not hold working links.
 */
export const newEmailLinkToken = (): string => randomBytes(32).toString('hex');

/** What auth.users keeps (confirmation_token / recovery_token) for a link token. */
export const emailLinkTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
