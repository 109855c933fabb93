/**
 * The `client-portal` edge function at the network edge (through the gateway, anon key only).
 * It answers like supabase/functions/client-portal/handler.ts does: the directory with its filters
 * and cursor, open slots, and requests validated with the same shared zod schema, with the
 * Idempotency-Key rules, 404 / 409 / 422 in the API's error shape. Tests inspect `clientPortalLog`
 * and change the state with `takeSlot`; each test calls `servePortal()` first.
 */
import { http, HttpResponse } from 'msw';
import { agesServedProblem, todayIn } from '@/features/client-portal/lib/ages-served';
import type { PortalClinic, PortalSlot, PortalTherapist } from '@/features/client-portal/schemas';
import {
  firstIssue,
  idempotencyKeySchema,
  portalReferralRequestSchema,
} from '../../supabase/functions/_shared/referral-request.ts';
import { testSupabaseUrl } from './env';
import { orgIds, staffId } from './people';
import { priyaProfileFields } from './profile-rows';
import { server } from './server';

const fn = `${testSupabaseUrl}/functions/v1/client-portal`;

const apiError = (
  status: number,
  code: string,
  message: string,
  field: string | null = null,
  headers: Record<string, string> = {},
) => HttpResponse.json({ error: field ? { code, message, field } : { code, message } }, { status, headers });

const harborview = {
  slug: 'harborview',
  orgId: orgIds.harborview,
  name: 'Harborview Counseling Collective',
  time_zone: 'America/New_York',
};

/** A 60-minute slot starting `days` after today (UTC) at `hourUtc`. */
function slot(days: number, hourUtc: number) {
  const today = new Date();
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days, hourUtc);
  return { start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString() };
}

/** Each open slot carries its office's zone and name, as the API gives it. */
const backBay = { time_zone: 'America/New_York', office_name: 'Back Bay Office' };
const denverHighlands = { time_zone: 'America/Denver', office_name: 'Denver Highlands Office' };
const at =
  (office: { time_zone: string; office_name: string }) =>
  (s: { start: string; end: string }): PortalSlot => ({ ...s, ...office });

type Listed = Omit<PortalTherapist, 'next_slots'> & { open: PortalSlot[] };

const clinicRef = { name: harborview.name, slug: harborview.slug };

/** Payers of the demo catalog the therapists below take. */
export const portalPayers = {
  aetna: { id: 'a0000000-0000-4000-8000-000000000001', name: 'Aetna' },
  bcbs: { id: 'a0000000-0000-4000-8000-000000000002', name: 'Blue Cross Blue Shield of Massachusetts' },
};
export const portalOffices = {
  backBay: {
    id: 'b0000000-0000-4000-8000-000000000001',
    name: 'Back Bay Office',
    city: 'Boston',
    state: 'MA',
  },
  denver: {
    id: 'b0000000-0000-4000-8000-000000000002',
    name: 'Denver Highlands Office',
    city: 'Denver',
    state: 'CO',
  },
};

/** The clinic as the function describes it: its offices, the payers its therapists take, a day's notice. */
const clinicAnswer: PortalClinic = {
  name: harborview.name,
  time_zone: harborview.time_zone,
  min_notice_hours: 24,
  locations: [portalOffices.backBay, portalOffices.denver],
  payers: [portalPayers.aetna, portalPayers.bcbs],
};
const officeOf: Record<string, string> = {
  [staffId('03')]: portalOffices.backBay.id,
  [staffId('05')]: portalOffices.denver.id,
};

/** Priya's profile as the demo seed submits it; Sofia's is made up (her seed profile is not submitted). */
function initialTherapists(): Listed[] {
  return [
    {
      id: staffId('03'),
      clinic: clinicRef,
      first_name: 'Priya',
      last_name: 'Raman',
      photo_url: null,
      ...priyaProfileFields(),
      license: { type: 'psychologist', state: 'MA' },
      location: { name: 'Back Bay Office', city: 'Boston', state: 'MA' },
      accepted_payers: [portalPayers.aetna, portalPayers.bcbs],
      open: [slot(2, 13), slot(2, 14), slot(2, 15), slot(3, 17), slot(3, 18), slot(30, 13)].map(at(backBay)),
    },
    {
      id: staffId('05'),
      clinic: clinicRef,
      first_name: 'Sofia',
      last_name: 'Marquez',
      photo_url: null,
      professional_title: 'LPC',
      license: { type: 'lpc', state: 'CO' },
      about_me: 'Bilingual counselling for teens and adults after loss and trauma.',
      specialties: ['trauma_ptsd', 'grief_loss'],
      treatment_approaches: ['emdr'],
      ages_served: ['adolescents', 'adults'],
      session_formats: ['telehealth'],
      languages: ['en', 'es'],
      education: null,
      years_in_practice: 6,
      website: null,
      pronouns: null,
      first_session_note: null,
      location: { name: 'Denver Highlands Office', city: 'Denver', state: 'CO' },
      accepted_payers: [portalPayers.aetna],
      open: [slot(3, 15), slot(5, 15)].map(at(denverHighlands)),
    },
  ];
}

interface Created {
  body: string;
  response: { id: string; status: 'unverified'; expires_at: string; created_at: string };
}

/** Verification links the function knows, by token: open until used. */
type LinkState = 'open' | 'used' | 'expired';

let therapists = initialTherapists();
let taken = new Set<string>();
let created = new Map<string, Created>();
let links = new Map<string, { state: LinkState; slotStart: string }>();

/** What the tests can inspect: every directory query and every request the function accepted or refused. */
export const clientPortalLog = {
  directoryQueries: [] as URLSearchParams[],
  slotQueries: [] as URLSearchParams[],
  requests: [] as { idempotencyKey: string | null; body: unknown; status: number; response: unknown }[],
  verifications: [] as { body: unknown; status: number }[],
  /** CAPTCHA tokens that came with requests (the function takes them out of the body). */
  captchaTokens: [] as string[],
};

/** A verification link for a request of Priya's first open time, in the given state. */
export function addVerificationLink(
  token: string,
  state: LinkState = 'open',
  slotStart: string = initialTherapists()[0]!.open[0]!.start,
): void {
  links.set(token, { state, slotStart });
}

/** Serves the client-portal function for this test, from the state above (what earlier tests did is gone). */
export function servePortal(): void {
  therapists = initialTherapists();
  taken = new Set();
  created = new Map();
  links = new Map();
  clientPortalLog.directoryQueries = [];
  clientPortalLog.slotQueries = [];
  clientPortalLog.requests = [];
  clientPortalLog.verifications = [];
  clientPortalLog.captchaTokens = [];
  server.use(...clientPortalHandlers);
}

/** Someone else requests this time: it is no longer open. */
export function takeSlot(therapistId: string, start: string): void {
  taken.add(`${therapistId}|${new Date(start).toISOString()}`);
}

export const portalTherapist = (id: string) => therapists.find((t) => t.id === id)!;

/** Lists `count` more therapists (copies of Sofia named "Extra 01"…), for paging through the directory. */
export function addTherapists(count: number): void {
  const template = therapists.find((t) => t.first_name === 'Sofia')!;
  for (let i = 1; i <= count; i += 1) {
    const n = String(i).padStart(2, '0');
    therapists.push({
      ...template,
      id: `e0000000-0000-4000-8000-0000000000${n}`,
      first_name: 'Extra',
      last_name: `Therapist ${n}`,
    });
  }
}

const openSlots = (t: Listed) => t.open.filter((s) => !taken.has(`${t.id}|${s.start}`));

const publicShape = ({ open, ...profile }: Listed): PortalTherapist => ({
  ...profile,
  next_slots: open.filter((s) => !taken.has(`${profile.id}|${s.start}`)).slice(0, 3),
});

const knownQuery = new Set([
  'specialty',
  'language',
  'age_group',
  'session_format',
  'state',
  'city',
  'cursor',
  'limit',
  'location',
  'insurance',
]);

/** The function's answers for an address that is not a clinic's request page. */
function clinicRefusal(slug: unknown): Response | null {
  if (slug === harborview.slug) return null;
  if (slug === 'cedar-ridge')
    return apiError(404, 'unknown_clinic', 'This clinic does not take appointment requests online.');
  return apiError(404, 'clinic_not_found', 'No clinic has this address.');
}

const canonical = (value: unknown): string =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? `{${Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
        .join(',')}}`
    : JSON.stringify(value);

// the request headers a browser sends cross-origin without a CORS preflight
const safelistedHeaders = new Set(['accept', 'accept-language', 'content-language']);

/**
 * The page's GETs must be simple requests (a phone would otherwise wait a preflight's round trip
 * before the list shows): one with a key or any other non-safelisted header is refused here.
 */
const needsPreflight = (request: Request) => {
  const extra = [...request.headers.keys()].filter((name) => !safelistedHeaders.has(name.toLowerCase()));
  return extra.length === 0
    ? null
    : HttpResponse.json(
        { message: `This GET sends ${extra.join(', ')}: a browser would send a CORS preflight first.` },
        { status: 400 },
      );
};

const clientPortalHandlers = [
  http.get(`${fn}/clinics/:slug`, ({ request, params }) => {
    const refused = needsPreflight(request);
    if (refused) return refused;
    const unknown = clinicRefusal(params.slug);
    if (unknown) return unknown;
    const query = new URL(request.url).searchParams;
    clientPortalLog.directoryQueries.push(query);
    for (const name of query.keys()) {
      if (!knownQuery.has(name))
        return apiError(400, 'invalid_query', `Unknown query parameter: ${name}.`, name);
    }
    const list = (name: string) => query.get(name)?.split(',').filter(Boolean) ?? null;
    const overlaps = (values: string[], wanted: string[] | null) =>
      wanted === null || values.some((v) => wanted.includes(v));
    const limit = Number(query.get('limit') ?? 20);
    const matching = therapists
      .filter(
        (t) =>
          overlaps(t.specialties, list('specialty')) &&
          overlaps(t.languages, list('language')) &&
          overlaps(t.ages_served, list('age_group')) &&
          overlaps(t.session_formats, list('session_format')) &&
          (!query.get('location') || officeOf[t.id] === query.get('location')) &&
          (!query.get('insurance') || t.accepted_payers.some((p) => p.id === query.get('insurance'))),
      )
      .sort((a, b) => `${a.last_name} ${a.first_name}`.localeCompare(`${b.last_name} ${b.first_name}`));
    const cursor = query.get('cursor');
    const start = cursor ? matching.findIndex((t) => t.id === cursor) + 1 : 0;
    const page = matching.slice(start, start + limit);
    const more = matching.length > start + limit;
    return HttpResponse.json({
      clinic: clinicAnswer,
      data: page.map(publicShape),
      next_cursor: more ? page.at(-1)!.id : null,
    });
  }),

  http.get(`${fn}/clinics/:slug/therapists/:id`, ({ request, params }) => {
    const refused = needsPreflight(request);
    if (refused) return refused;
    const unknown = clinicRefusal(params.slug);
    if (unknown) return unknown;
    const therapist = therapists.find((t) => t.id === params.id);
    if (!therapist)
      return apiError(404, 'unknown_therapist', 'No therapist with this id takes requests here.');
    return HttpResponse.json({ clinic: clinicAnswer, therapist: publicShape(therapist) });
  }),

  http.get(`${fn}/clinics/:slug/therapists/:id/slots`, ({ request, params }) => {
    const refused = needsPreflight(request);
    if (refused) return refused;
    const unknown = clinicRefusal(params.slug);
    if (unknown) return unknown;
    const query = new URL(request.url).searchParams;
    clientPortalLog.slotQueries.push(query);
    const from = Date.parse(query.get('from') ?? '');
    const to = Date.parse(query.get('to') ?? '');
    if (Number.isNaN(from) || Number.isNaN(to) || to <= from || to - from > 62 * 86_400_000) {
      return apiError(
        400,
        'invalid_query',
        'Query parameters from and to must be a range of at most 62 days.',
        'to',
      );
    }
    const therapist = therapists.find((t) => t.id === params.id);
    const inRange = (s: { start: string }) => Date.parse(s.start) >= from && Date.parse(s.start) < to;
    return HttpResponse.json({ data: therapist ? openSlots(therapist).filter(inRange) : [] });
  }),

  http.post(`${fn}/clinics/:slug/requests`, async ({ request, params }) => {
    const idempotencyKey = request.headers.get('idempotency-key');
    const text = await request.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // logged as null: the function answers 400 malformed_json
    }
    const answer = async (response: Response) => {
      clientPortalLog.requests.push({
        idempotencyKey,
        body,
        status: response.status,
        response: await response.clone().json(),
      });
      return response;
    };
    const unknown = clinicRefusal(params.slug);
    if (unknown) return answer(unknown);
    const key = idempotencyKeySchema.safeParse(idempotencyKey ?? undefined);
    if (!key.success) return answer(apiError(400, 'idempotency_key_required', firstIssue(key.error).message));
    if (!(request.headers.get('content-type') ?? '').includes('application/json')) {
      return answer(apiError(415, 'unsupported_media_type', 'Send the body as application/json.'));
    }
    if (body === null) return answer(apiError(400, 'malformed_json', 'The body is not valid JSON.'));
    if (typeof body === 'object' && 'captcha_token' in body) {
      const { captcha_token: captchaToken, ...rest } = body as Record<string, unknown>;
      clientPortalLog.captchaTokens.push(String(captchaToken));
      body = rest;
    }
    const parsed = portalReferralRequestSchema.safeParse(body);
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error);
      return answer(apiError(422, 'validation_failed', message, field));
    }
    const previous = created.get(key.data);
    if (previous) {
      if (previous.body !== canonical(parsed.data)) {
        return answer(
          apiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with a different body.'),
        );
      }
      return answer(
        HttpResponse.json(previous.response, { status: 201, headers: { 'idempotent-replayed': 'true' } }),
      );
    }
    const therapist = therapists.find((t) => t.id === parsed.data.therapist_id);
    if (!therapist)
      return answer(
        apiError(404, 'unknown_therapist', 'No therapist with this id takes requests here.', 'therapist_id'),
      );
    // the database's checks of the client's age and choices (create_portal_request)
    const age = agesServedProblem({
      therapistName: `${therapist.first_name} ${therapist.last_name}`,
      agesServed: therapist.ages_served,
      dateOfBirth: parsed.data.date_of_birth,
      today: todayIn(harborview.time_zone),
      byGuardian: parsed.data.requested_by_guardian ?? false,
    });
    if (age) {
      const code = age.field === 'date_of_birth' ? 'outside_ages_served' : 'guardian_required';
      return answer(apiError(422, code, age.message, age.field));
    }
    const format =
      parsed.data.session_format ??
      (therapist.session_formats.length === 1 ? therapist.session_formats[0] : undefined);
    if (!format || !therapist.session_formats.includes(format)) {
      return answer(
        apiError(422, 'session_format_not_offered', 'Choose in person or telehealth.', 'session_format'),
      );
    }
    if (
      parsed.data.insurance_payer_id &&
      !therapist.accepted_payers.some((p) => p.id === parsed.data.insurance_payer_id)
    ) {
      return answer(
        apiError(
          422,
          'insurance_not_taken',
          'This therapist does not take that insurance.',
          'insurance_payer_id',
        ),
      );
    }
    const start = new Date(parsed.data.slot_start).toISOString();
    if (!openSlots(therapist).some((s) => s.start === start)) {
      return answer(apiError(409, 'slot_not_open', 'This time is not open (any more).', 'slot_start'));
    }
    taken.add(`${therapist.id}|${start}`);
    const now = Date.now();
    const response = {
      id: crypto.randomUUID(),
      status: 'unverified' as const,
      expires_at: new Date(Math.min(now + 30 * 60_000, Date.parse(start))).toISOString(),
      created_at: new Date(now).toISOString(),
    };
    created.set(key.data, { body: canonical(parsed.data), response });
    return answer(HttpResponse.json(response, { status: 201 }));
  }),

  http.post(`${fn}/clinics/:slug/requests/verify`, async ({ request, params }) => {
    const body: unknown = await request.json().catch(() => null);
    const answer = (response: Response) => {
      clientPortalLog.verifications.push({ body, status: response.status });
      return response;
    };
    if (params.slug !== harborview.slug)
      return answer(
        apiError(404, 'unknown_clinic', 'This clinic does not take appointment requests online.'),
      );
    const token =
      typeof body === 'object' && body !== null && 'token' in body && typeof body.token === 'string'
        ? body.token
        : null;
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      return answer(
        apiError(
          422,
          'validation_failed',
          'This is not a confirmation link token: open the whole link from the email.',
          'token',
        ),
      );
    }
    const link = links.get(token);
    if (!link) {
      return answer(
        apiError(
          404,
          'verification_link_unknown',
          'This confirmation link is not valid. Open the link from the email exactly as it is, or request a time again.',
        ),
      );
    }
    if (link.state === 'used') {
      return answer(
        apiError(
          409,
          'verification_link_used',
          'This link was already used: your request was confirmed and sent to the practice, which will answer by email.',
        ),
      );
    }
    if (link.state === 'expired') {
      return answer(
        apiError(
          410,
          'verification_link_expired',
          'This link has expired: a request not confirmed within 30 minutes is released. Please request a time again.',
        ),
      );
    }
    link.state = 'used';
    const expiresAt = new Date(
      Math.min(Date.now() + 48 * 3_600_000, Date.parse(link.slotStart)),
    ).toISOString();
    return answer(
      HttpResponse.json({
        id: crypto.randomUUID(),
        status: 'pending',
        expires_at: expiresAt,
        slot_start: link.slotStart,
        time_zone: harborview.time_zone,
        clinic: { name: harborview.name },
      }),
    );
  }),
];
