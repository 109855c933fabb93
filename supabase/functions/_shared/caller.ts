/**
 * The role claim of the caller's JWT. The runtime has already verified the signature
 * (verify_jwt), so reading the claim is enough to tell the platform (service_role) from users.
 */
export function callerRole(request: Request): string | null {
  const payload = request.headers.get('authorization')?.replace(/^Bearer /, '').split('.')[1] ?? '';
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims.role === 'string' ? claims.role : null;
  } catch {
    return null;
  }
}
