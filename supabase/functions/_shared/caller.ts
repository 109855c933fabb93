/**
 * The role claim of the caller's JWT. The runtime has already verified the signature
 * (verify_jwt), so reading the claim is enough to tell the platform (service_role) from users.
 */
import { decodeJwt } from 'jose';

export function callerRole(request: Request): string | null {
  const token = request.headers.get('authorization')?.replace(/^Bearer /i, '') ?? '';
  try {
    const { role } = decodeJwt(token);
    return typeof role === 'string' ? role : null;
  } catch {
    // not a JWT at all (or none): no role
    return null;
  }
}
