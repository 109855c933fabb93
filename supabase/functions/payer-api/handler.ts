/**
 * The payer API (documented in openapi.json next to this file):
 *   GET  /payer-api/therapists                    directory of therapists who accept this payer
 *   GET  /payer-api/therapists/{id}/slots         open external slots
 *   POST /payer-api/referral-requests             request an appointment (Idempotency-Key)
 *   GET  /payer-api/referral-requests/{id}        a request's status
 * Every call: `Authorization: Bearer <payer key>` (stored hashed), rate-limited per key.
 */
import { z } from 'zod';
import { directoryPage, parseDirectoryQuery, parseSlotRange, type DirectoryQuery, type DirectoryRow } from '../_shared/directory.ts';
import { apiError, canonicalJson, dbErrorResponse, json, readJson, sha256Hex, type DbError } from '../_shared/http.ts';
import { firstIssue, idempotencyKeySchema, payerReferralRequestSchema, type PayerReferralRequest } from '../_shared/referral-request.ts';

export interface CreatedRequest {
  request_id: string;
  status: string;
  expires_at: string;
  created_at: string;
  replayed: boolean;
}

export interface RequestStatusRow {
  request_id: string;
  therapist_id: string;
  slot_start: string;
  status: string;
  expires_at: string;
  created_at: string;
  decided_at: string | null;
}

export interface PayerApiDeps {
  authenticate(keyHash: string): Promise<{ payerId: string; retryAfter: number } | null>;
  /** Up to `limit + 1` rows after the cursor. */
  directory(payerId: string, query: DirectoryQuery): Promise<DirectoryRow[]>;
  slots(payerId: string, therapistId: string, from: string, to: string): Promise<{ slot_start: string; slot_end: string }[]>;
  createRequest(payerId: string, request: PayerReferralRequest, idempotencyKey: string, requestHash: string): Promise<CreatedRequest>;
  requestStatus(payerId: string, requestId: string): Promise<RequestStatusRow | null>;
}

const isDbError = (e: unknown): e is DbError => typeof e === 'object' && e !== null && 'message' in e && 'hint' in e;
const uuid = z.uuid();

const requestBody = (r: Pick<CreatedRequest, 'request_id' | 'status' | 'expires_at' | 'created_at'>) => ({
  id: r.request_id,
  status: r.status,
  expires_at: new Date(r.expires_at).toISOString(),
  created_at: new Date(r.created_at).toISOString(),
});

export function createPayerApiHandler(deps: PayerApiDeps) {
  async function route(request: Request, payerId: string): Promise<Response> {
    const url = new URL(request.url);
    const parts = url.pathname.split('/').filter(Boolean).slice(1); // drop the function name
    const [resource, id, sub] = parts;

    if (resource === 'therapists' && !id) {
      if (request.method !== 'GET') return apiError(405, 'method_not_allowed', 'Use GET.', null, { allow: 'GET' });
      const query = parseDirectoryQuery(url.searchParams);
      if ('error' in query) return query.error;
      return json(200, directoryPage(await deps.directory(payerId, query), query.limit));
    }
    if (resource === 'therapists' && id && sub === 'slots' && parts.length === 3) {
      if (request.method !== 'GET') return apiError(405, 'method_not_allowed', 'Use GET.', null, { allow: 'GET' });
      if (!uuid.safeParse(id).success) return apiError(404, 'unknown_therapist', 'No therapist with this id accepts referrals from you.');
      const range = parseSlotRange(url.searchParams);
      if ('error' in range) return range.error;
      const slots = await deps.slots(payerId, id, range.from, range.to);
      return json(200, { data: slots.map((s) => ({ start: new Date(s.slot_start).toISOString(), end: new Date(s.slot_end).toISOString() })) });
    }
    if (resource === 'referral-requests' && !id) {
      if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST.', null, { allow: 'POST' });
      const key = idempotencyKeySchema.safeParse(request.headers.get('idempotency-key') ?? undefined);
      if (!key.success) return apiError(400, 'idempotency_key_required', firstIssue(key.error).message);
      const read = await readJson(request);
      if ('error' in read) return read.error;
      const parsed = payerReferralRequestSchema.safeParse(read.body);
      if (!parsed.success) {
        const { field, message } = firstIssue(parsed.error);
        return apiError(422, 'validation_failed', message, field);
      }
      const hash = await sha256Hex(canonicalJson(parsed.data));
      const created = await deps.createRequest(payerId, parsed.data, key.data, hash);
      return json(201, requestBody(created), created.replayed ? { 'idempotent-replayed': 'true' } : {});
    }
    if (resource === 'referral-requests' && id && parts.length === 2) {
      if (request.method !== 'GET') return apiError(405, 'method_not_allowed', 'Use GET.', null, { allow: 'GET' });
      const row = uuid.safeParse(id).success ? await deps.requestStatus(payerId, id) : null;
      if (!row) return apiError(404, 'unknown_request', 'No request with this id was made with your key.');
      return json(200, {
        ...requestBody(row),
        therapist_id: row.therapist_id,
        slot_start: new Date(row.slot_start).toISOString(),
        decided_at: row.decided_at ? new Date(row.decided_at).toISOString() : null,
      });
    }
    return apiError(404, 'not_found', `No route ${request.method} ${url.pathname}.`);
  }

  // Keys that authenticated recently (by hash): a directory read for one of them starts while the
  // key is checked again, instead of after, and is answered only if the check passes. Every call
  // is still authenticated and counted; a revoked key gets 401 and never sees what was read. Only
  // public directory data is read ahead, and never for a key that was just rate-limited.
  const recentKeys = new Map<string, { payerId: string; limitedUntil: number }>();
  const rememberKey = (keyHash: string, auth: { payerId: string; retryAfter: number } | null) => {
    recentKeys.delete(keyHash);
    if (!auth) return;
    if (recentKeys.size >= 1000) recentKeys.delete(recentKeys.keys().next().value!);
    recentKeys.set(keyHash, { payerId: auth.payerId, limitedUntil: Date.now() + auth.retryAfter * 1000 });
  };
  const invalidKey = () => apiError(401, 'unauthorized', 'This API key is not valid or was revoked.', null, { 'www-authenticate': 'Bearer' });
  const readsDirectory = (request: Request) => request.method === 'GET' && new URL(request.url).pathname.split('/').filter(Boolean)[1] === 'therapists';

  return async (request: Request): Promise<Response> => {
    const token = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!token) return apiError(401, 'unauthorized', 'Send your API key as Authorization: Bearer <key>.', null, { 'www-authenticate': 'Bearer' });
    try {
      if (!/^crp_[0-9a-f]{64}$/.test(token)) return invalidKey();
      const keyHash = await sha256Hex(token);
      const known = recentKeys.get(keyHash);
      const readAhead =
        known && known.limitedUntil <= Date.now() && readsDirectory(request)
          ? route(request, known.payerId).then((response) => ({ response }), (error: unknown) => ({ error }))
          : null;
      const auth = await deps.authenticate(keyHash);
      rememberKey(keyHash, auth);
      if (!auth) return invalidKey();
      if (auth.retryAfter > 0) {
        return apiError(429, 'rate_limited', `Too many requests; try again in ${auth.retryAfter} s.`, null, { 'retry-after': String(auth.retryAfter) });
      }
      if (readAhead && known?.payerId === auth.payerId) {
        const result = await readAhead;
        if ('error' in result) throw result.error;
        return result.response;
      }
      return await route(request, auth.payerId);
    } catch (error) {
      if (isDbError(error)) return dbErrorResponse(error);
      console.error('payer-api', error);
      return apiError(500, 'internal_error', 'Something went wrong on our side; nothing was saved. Try again.');
    }
  };
}
