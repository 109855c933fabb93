/**
 * The payer-key gate: `Authorization: Bearer crp_<64 hex>`, checked (and counted for the rate
 * limit) by `authenticate` against the stored hash on every call, before `serve` answers as the
 * key's payer.
 *
 * Keys that authenticated recently (by hash): a read the caller marks safe (`readsAhead`: public
 * directory data) starts while the key is checked again, instead of after, and is answered only
 * if the check passes. A revoked key gets 401 and never sees what was read; nothing is read ahead
 * for a key that was just rate-limited.
 */
import { apiError, sha256Hex } from './http.ts';

export type PayerAuth = { payerId: string; retryAfter: number } | null;

export interface PayerKeyGate {
  authenticate(keyHash: string): Promise<PayerAuth>;
  serve(request: Request, payerId: string): Promise<Response>;
  readsAhead(request: Request): boolean;
}

const missingKey = () =>
  apiError(401, 'unauthorized', 'Send your API key as Authorization: Bearer <key>.', null, {
    'www-authenticate': 'Bearer',
  });
const invalidKey = () =>
  apiError(401, 'unauthorized', 'This API key is not valid or was revoked.', null, {
    'www-authenticate': 'Bearer',
  });

export function payerKeyGate({ authenticate, serve, readsAhead }: PayerKeyGate) {
  const recentKeys = new Map<string, { payerId: string; limitedUntil: number }>();
  const rememberKey = (keyHash: string, auth: PayerAuth) => {
    recentKeys.delete(keyHash);
    if (!auth) return;
    if (recentKeys.size >= 1000) recentKeys.delete(recentKeys.keys().next().value!);
    recentKeys.set(keyHash, { payerId: auth.payerId, limitedUntil: Date.now() + auth.retryAfter * 1000 });
  };

  return async (request: Request): Promise<Response> => {
    const token = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!token) return missingKey();
    if (!/^crp_[0-9a-f]{64}$/.test(token)) return invalidKey();
    const keyHash = await sha256Hex(token);
    const known = recentKeys.get(keyHash);
    const readAhead =
      known && known.limitedUntil <= Date.now() && readsAhead(request) ? serve(request, known.payerId) : null;
    // a read ahead that is never awaited (key refused) must not surface as an unhandled rejection
    readAhead?.catch(() => {});
    const auth = await authenticate(keyHash);
    rememberKey(keyHash, auth);
    if (!auth) return invalidKey();
    if (auth.retryAfter > 0) {
      return apiError(429, 'rate_limited', `Too many requests; try again in ${auth.retryAfter} s.`, null, {
        'retry-after': String(auth.retryAfter),
      });
    }
    if (readAhead && known?.payerId === auth.payerId) return await readAhead;
    return await serve(request, auth.payerId);
  };
}
