/**
 * The clinic's public request page's API (no sign-in):
 *   GET  /client-portal/clinics/{slug}                          the clinic's listed therapists
 *   GET  /client-portal/clinics/{slug}/therapists/{id}/slots    open external slots
 *   POST /client-portal/clinics/{slug}/requests                 request an appointment (Idempotency-Key): unverified
 *   POST /client-portal/clinics/{slug}/requests/verify          { token } from the emailed link: unverified → pending
 * Abuse limits: a rate limit per client address on every call; in the database, at most 2 open
 * requests per person and a few unverified ones per address at one clinic (client_portal_settings);
 * optionally a CAPTCHA on new requests (captcha.ts).
 */
import { z } from 'zod';
import { directoryPage, parseDirectoryQuery, parseSlotRange, type DirectoryQuery, type DirectoryRow } from '../_shared/directory.ts';
import { clientAddressOf } from '../_shared/client-address.ts';
import { apiError, canonicalJson, dbErrorResponse, json, readJson, sha256Hex, type DbError } from '../_shared/http.ts';
import { firstIssue, idempotencyKeySchema, portalReferralRequestSchema, type PortalReferralRequest } from '../_shared/referral-request.ts';
import type { CaptchaVerifier } from './captcha.ts';
import { splitCaptchaToken, verificationFailure, verificationTokenSchema, type VerificationOutcome } from './verification.ts';

export interface ClientPortalDeps {
  /** The header the platform's proxy sets to the caller's address (see clientAddressOf). */
  clientAddressHeader?: string;
  /** Seconds to wait, or 0 when the call is allowed. */
  rateLimit(clientKey: string): Promise<number>;
  clinic(slug: string): Promise<{ clinic_id: string; name: string; time_zone: string } | null>;
  directory(clinicId: string, query: DirectoryQuery): Promise<DirectoryRow[]>;
  slots(clinicId: string, therapistId: string, from: string, to: string): Promise<{ slot_start: string; slot_end: string }[]>;
  createRequest(
    clinicId: string,
    request: PortalReferralRequest,
    idempotencyKey: string,
    requestHash: string,
    clientKey: string,
  ): Promise<{ request_id: string; status: string; expires_at: string; created_at: string; replayed: boolean }>;
  verifyRequest(clinicId: string, token: string): Promise<VerificationOutcome>;
  /** Null when the CAPTCHA is off (the default). */
  captcha?: CaptchaVerifier | null;
}

const isDbError = (e: unknown): e is DbError => typeof e === 'object' && e !== null && 'message' in e && 'hint' in e;
const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(63);


/** The database's per-person and per-address refusals: what to do is in the message. */
function limitRefusal(error: DbError): Response | null {
  if (error.hint === 'person_request_limit') return apiError(409, 'person_request_limit', error.message, 'email');
  if (error.hint === 'address_request_limit') return apiError(429, 'address_request_limit', error.message);
  return null;
}

async function checkCaptcha(verify: CaptchaVerifier, token: string | null, clientKey: string): Promise<Response | null> {
  if (!token) return apiError(400, 'captcha_required', 'Complete the check that you are a person, then send the request again.', 'captcha_token');
  const outcome = await verify(token, clientKey);
  if (outcome === 'ok') return null;
  if (outcome === 'failed') {
    return apiError(400, 'captcha_failed', 'The check that you are a person did not pass or has expired. Complete it again, then send the request.', 'captcha_token');
  }
  return apiError(503, 'captcha_unavailable', 'The check that you are a person could not be completed just now; nothing was sent. Try again in a minute.', null, { 'retry-after': '60' });
}

export function createClientPortalHandler(deps: ClientPortalDeps) {
  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    // drop the function name: clinics/{slug}[/therapists/{id}/slots | /requests]
    const [resource, slug, sub, id, leaf] = url.pathname.split('/').filter(Boolean).slice(1);
    if (resource !== 'clinics' || !slug || !slugSchema.safeParse(slug).success) {
      return apiError(404, 'not_found', `No route ${request.method} ${url.pathname}.`);
    }
    const clinic = await deps.clinic(slug);
    if (!clinic) return apiError(404, 'unknown_clinic', 'This clinic does not take appointment requests online.');

    if (!sub) {
      if (request.method !== 'GET') return apiError(405, 'method_not_allowed', 'Use GET.', null, { allow: 'GET' });
      const query = parseDirectoryQuery(url.searchParams);
      if ('error' in query) return query.error;
      const page = directoryPage(await deps.directory(clinic.clinic_id, query), query.limit);
      return json(200, { clinic: { name: clinic.name, time_zone: clinic.time_zone }, ...page });
    }
    if (sub === 'therapists' && id && leaf === 'slots') {
      if (request.method !== 'GET') return apiError(405, 'method_not_allowed', 'Use GET.', null, { allow: 'GET' });
      if (!z.uuid().safeParse(id).success) return apiError(404, 'unknown_therapist', 'No therapist with this id takes requests here.');
      const range = parseSlotRange(url.searchParams);
      if ('error' in range) return range.error;
      const slots = await deps.slots(clinic.clinic_id, id, range.from, range.to);
      return json(200, { data: slots.map((s) => ({ start: new Date(s.slot_start).toISOString(), end: new Date(s.slot_end).toISOString() })) });
    }
    if (sub === 'requests' && id === 'verify' && !leaf) {
      if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST.', null, { allow: 'POST' });
      const read = await readJson(request, 1024);
      if ('error' in read) return read.error;
      const token = verificationTokenSchema.safeParse(read.body);
      if (!token.success) return apiError(422, 'validation_failed', firstIssue(token.error).message, 'token');
      const outcome = await deps.verifyRequest(clinic.clinic_id, token.data.token);
      if (outcome.outcome !== 'verified') return verificationFailure(outcome.outcome);
      return json(200, {
        id: outcome.request_id,
        status: outcome.status,
        expires_at: new Date(outcome.expires_at!).toISOString(),
        slot_start: new Date(outcome.slot_start!).toISOString(),
        time_zone: outcome.time_zone,
        clinic: { name: clinic.name },
      });
    }
    if (sub === 'requests' && !id) {
      if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST.', null, { allow: 'POST' });
      const key = idempotencyKeySchema.safeParse(request.headers.get('idempotency-key') ?? undefined);
      if (!key.success) return apiError(400, 'idempotency_key_required', firstIssue(key.error).message);
      const read = await readJson(request);
      if ('error' in read) return read.error;
      // the CAPTCHA token rides in the body (no extra header to allow through CORS) but is not part of the request
      const { captchaToken, body } = splitCaptchaToken(read.body);
      if (deps.captcha) {
        const refused = await checkCaptcha(deps.captcha, captchaToken, clientAddressOf(request, deps.clientAddressHeader));
        if (refused) return refused;
      }
      const parsed = portalReferralRequestSchema.safeParse(body);
      if (!parsed.success) {
        const { field, message } = firstIssue(parsed.error);
        return apiError(422, 'validation_failed', message, field);
      }
      const created = await deps.createRequest(
        clinic.clinic_id,
        parsed.data,
        key.data,
        await sha256Hex(canonicalJson(parsed.data)),
        clientAddressOf(request, deps.clientAddressHeader),
      );
      return json(
        201,
        { id: created.request_id, status: created.status, expires_at: new Date(created.expires_at).toISOString(), created_at: new Date(created.created_at).toISOString() },
        created.replayed ? { 'idempotent-replayed': 'true' } : {},
      );
    }
    return apiError(404, 'not_found', `No route ${request.method} ${url.pathname}.`);
  }

  return async (request: Request): Promise<Response> => {
    try {
      const retryAfter = await deps.rateLimit(clientAddressOf(request, deps.clientAddressHeader));
      if (retryAfter > 0) {
        return apiError(429, 'rate_limited', `Too many requests; try again in ${retryAfter} s.`, null, { 'retry-after': String(retryAfter) });
      }
      return await route(request);
    } catch (error) {
      if (isDbError(error)) return limitRefusal(error) ?? dbErrorResponse(error);
      console.error('client-portal', error);
      return apiError(500, 'internal_error', 'Something went wrong on our side; nothing was saved. Try again.');
    }
  };
}
