/**
 * The clinic's public request page's API (no sign-in):
 *   GET  /client-portal/clinics/{slug}                          the clinic (offices, payers, minimum notice) and its listed therapists
 *   GET  /client-portal/clinics/{slug}/therapists/{id}          one listed therapist (a step's page after a refresh)
 *   GET  /client-portal/clinics/{slug}/therapists/{id}/slots    open external slots
 *   POST /client-portal/clinics/{slug}/requests                 request an appointment (Idempotency-Key): unverified
 *   POST /client-portal/clinics/{slug}/requests/verify          { token } from the emailed link: unverified → pending
 *   POST /client-portal/status[/withdraw|/pick]                  the client's status link (status-routes.ts)
 * Abuse limits: a rate limit per client address on every call; in the database, at most 2 open
 * requests per person and a few unverified ones per address at one clinic (client_portal_settings);
 * optionally a CAPTCHA on new requests (captcha.ts).
 */
import { z } from 'zod';
import { errorAnswer, functionApp, onlyMethod } from '../_shared/app.ts';
import { clientAddressOf } from '../_shared/client-address.ts';
import {
  directoryPage,
  parseDirectoryQuery,
  parseSlotRange,
  portalTherapist,
  takePortalFilters,
  type DirectoryQuery,
  type DirectoryRow,
} from '../_shared/directory.ts';
import { apiError, json, type DbError } from '../_shared/http.ts';
import { functionCors, jsonBody } from '../_shared/middleware.ts';
import {
  createdAnswer,
  readIdempotentPost,
  slotsAnswer,
  validRequest,
  type SlotRow,
} from '../_shared/referral-post.ts';
import {
  firstIssue,
  portalReferralRequestSchema,
  type PortalReferralRequest,
} from '../_shared/referral-request.ts';
import type { CaptchaVerifier } from './captcha.ts';
import { addStatusRoutes, type StatusDeps } from './status-routes.ts';
import {
  splitCaptchaToken,
  verificationFailure,
  verificationTokenSchema,
  type VerificationOutcome,
} from './verification.ts';

type Clinic = {
  clinic_id: string;
  name: string;
  time_zone: string;
  /** false: the clinic exists but has no Client Referral Program (so no online requests) */
  takes_requests: boolean;
  min_notice_hours: number;
  locations: { id: string; name: string; city: string; state: string }[];
  payers: { id: string; name: string }[];
};

export interface ClientPortalDeps extends StatusDeps {
  /** The header the platform's proxy sets to the caller's address (see clientAddressOf). */
  clientAddressHeader?: string;
  /** Seconds to wait, or 0 when the call is allowed. */
  rateLimit(clientKey: string): Promise<number>;
  clinic(slug: string): Promise<Clinic | null>;
  directory(clinicId: string, query: DirectoryQuery): Promise<DirectoryRow[]>;
  slots(clinicId: string, therapistId: string, from: string, to: string): Promise<SlotRow[]>;
  createRequest(
    clinicId: string,
    request: PortalReferralRequest,
    idempotencyKey: string,
    requestHash: string,
    clientKey: string,
  ): Promise<{
    request_id: string;
    status: string;
    expires_at: string;
    created_at: string;
    replayed: boolean;
  }>;
  verifyRequest(clinicId: string, token: string): Promise<VerificationOutcome>;
  /** Null when the CAPTCHA is off (the default). */
  captcha?: CaptchaVerifier | null;
}

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(63);

/** Refusals about the request's own fields: 422, naming the field (the message says what to do). */
const fieldRefusals: Record<string, string> = {
  outside_ages_served: 'date_of_birth',
  guardian_required: 'requested_by_guardian',
  session_format_not_offered: 'session_format',
  insurance_not_taken: 'insurance_payer_id',
};

/** The database's per-person and per-address refusals and the request's field rules: what to do is in the message. */
function limitRefusal(error: DbError): Response | null {
  if (error.hint === 'person_request_limit')
    return apiError(409, 'person_request_limit', error.message, 'email');
  if (error.hint === 'address_request_limit') return apiError(429, 'address_request_limit', error.message);
  const field = error.hint ? fieldRefusals[error.hint] : undefined;
  if (error.hint && field) return apiError(422, error.hint, error.message, field);
  return null;
}

const clinicAnswer = (clinic: Clinic) => ({
  name: clinic.name,
  time_zone: clinic.time_zone,
  min_notice_hours: clinic.min_notice_hours,
  locations: clinic.locations,
  payers: clinic.payers,
});

async function checkCaptcha(
  verify: CaptchaVerifier,
  token: string | null,
  clientKey: string,
): Promise<Response | null> {
  if (!token)
    return apiError(
      400,
      'captcha_required',
      'Complete the check that you are a person, then send the request again.',
      'captcha_token',
    );
  const outcome = await verify(token, clientKey);
  if (outcome === 'ok') return null;
  if (outcome === 'failed') {
    return apiError(
      400,
      'captcha_failed',
      'The check that you are a person did not pass or has expired. Complete it again, then send the request.',
      'captcha_token',
    );
  }
  return apiError(
    503,
    'captcha_unavailable',
    'The check that you are a person could not be completed just now; nothing was sent. Try again in a minute.',
    null,
    { 'retry-after': '60' },
  );
}

export function createClientPortalApp(deps: ClientPortalDeps) {
  const app = functionApp<{ Variables: { clinic: Clinic } }>(
    'client-portal',
    errorAnswer('client-portal', limitRefusal),
  );
  const clientKey = (request: Request) => clientAddressOf(request, deps.clientAddressHeader);

  // the public request page calls from the browser; preflights are not counted below
  app.use('*', functionCors);
  // every call, known route or not, counts against the caller's address
  app.use('*', async (c, next) => {
    const retryAfter = await deps.rateLimit(clientKey(c.req.raw));
    if (retryAfter > 0) {
      return apiError(429, 'rate_limited', `Too many requests; try again in ${retryAfter} s.`, null, {
        'retry-after': String(retryAfter),
      });
    }
    await next();
  });
  // the clinic comes first: an unknown clinic is a 404 whatever follows its slug
  app.use('/clinics/:slug/*', async (c, next) => {
    const slug = c.req.param('slug');
    if (!slugSchema.safeParse(slug).success) return c.notFound();
    const clinic = await deps.clinic(slug);
    if (!clinic) return apiError(404, 'clinic_not_found', 'No clinic has this address.');
    if (!clinic.takes_requests)
      return apiError(404, 'unknown_clinic', 'This clinic does not take appointment requests online.');
    c.set('clinic', clinic);
    await next();
  });

  app.get('/clinics/:slug', async (c) => {
    const clinic = c.get('clinic');
    const own = takePortalFilters(new URL(c.req.url).searchParams);
    if ('error' in own) return own.error;
    const query = parseDirectoryQuery(own.rest);
    if ('error' in query) return query.error;
    query.filters.location = own.location;
    query.filters.payer = own.payer;
    const rows = await deps.directory(clinic.clinic_id, query);
    const page = directoryPage(rows, query.limit);
    const byId = new Map(rows.map((row) => [row.therapist_id, row]));
    return json(200, {
      clinic: clinicAnswer(clinic),
      data: page.data.map((t) => portalTherapist(byId.get(t.id)!)),
      next_cursor: page.next_cursor,
    });
  });
  app.all('/clinics/:slug', onlyMethod('GET'));

  app.get('/clinics/:slug/therapists/:id', async (c) => {
    const clinic = c.get('clinic');
    const id = c.req.param('id');
    const unknown = () =>
      apiError(404, 'unknown_therapist', 'No therapist with this id takes requests here.');
    if (!z.uuid().safeParse(id).success) return unknown();
    if ([...new URL(c.req.url).searchParams.keys()].length > 0)
      return apiError(400, 'invalid_query', 'This address takes no query parameters.');
    const query: DirectoryQuery = {
      filters: {
        specialties: null,
        languages: null,
        ages: null,
        formats: null,
        state: null,
        city: null,
        therapist: id,
      },
      cursor: null,
      limit: 1,
    };
    const row = (await deps.directory(clinic.clinic_id, query))[0];
    if (!row) return unknown();
    return json(200, { clinic: clinicAnswer(clinic), therapist: portalTherapist(row) });
  });
  app.all('/clinics/:slug/therapists/:id', onlyMethod('GET'));

  app.get('/clinics/:slug/therapists/:id/slots', async (c) => {
    const id = c.req.param('id');
    if (!z.uuid().safeParse(id).success)
      return apiError(404, 'unknown_therapist', 'No therapist with this id takes requests here.');
    const range = parseSlotRange(new URL(c.req.url).searchParams);
    if ('error' in range) return range.error;
    return slotsAnswer(await deps.slots(c.get('clinic').clinic_id, id, range.from, range.to));
  });
  app.all('/clinics/:slug/therapists/:id/slots', onlyMethod('GET'));

  app.post('/clinics/:slug/requests/verify', jsonBody(1024), async (c) => {
    const clinic = c.get('clinic');
    const token = verificationTokenSchema.safeParse(c.get('body'));
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
  });
  app.all('/clinics/:slug/requests/verify', onlyMethod('POST'));

  app.post('/clinics/:slug/requests', async (c) => {
    const post = await readIdempotentPost(c.req.raw);
    if ('error' in post) return post.error;
    // the CAPTCHA token rides in the body (no extra header to allow through CORS) but is not part of the request
    const { captchaToken, body } = splitCaptchaToken(post.body);
    if (deps.captcha) {
      const refused = await checkCaptcha(deps.captcha, captchaToken, clientKey(c.req.raw));
      if (refused) return refused;
    }
    const valid = await validRequest(portalReferralRequestSchema, body);
    if ('error' in valid) return valid.error;
    return createdAnswer(
      await deps.createRequest(
        c.get('clinic').clinic_id,
        valid.data,
        post.key,
        valid.hash,
        clientKey(c.req.raw),
      ),
    );
  });
  app.all('/clinics/:slug/requests', onlyMethod('POST'));
  addStatusRoutes(app, deps);
  return app;
}
