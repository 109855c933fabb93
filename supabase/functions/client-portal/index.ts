import {
  fetchDirectory,
  fetchSlots,
  requestArguments,
  type CreatedRequest,
} from '../_shared/directory-queries.ts';
import { serviceClient, unwrap } from '../_shared/service-client.ts';
import { captchaFromEnv } from './captcha.ts';
import { createClientPortalApp } from './handler.ts';
import type { VerificationOutcome } from './verification.ts';
import type { PickOutcome, RequestStatusLookup, WithdrawOutcome } from '../_shared/request-status.ts';

const db = serviceClient();
const limitPerMinute = Number(Deno.env.get('CLIENT_PORTAL_RATE_LIMIT') ?? 60);
// only the local test stack sets this: its own clients all call from 127.0.0.1
const exemptAddresses = new Set(
  (Deno.env.get('RATE_LIMIT_EXEMPT_ADDRESSES') ?? '').split(',').filter(Boolean),
);

const app = createClientPortalApp({
  clientAddressHeader: Deno.env.get('CLIENT_ADDRESS_HEADER') || undefined,
  async rateLimit(clientKey) {
    if (exemptAddresses.has(clientKey)) return 0;
    return unwrap(
      await db.rpc('client_portal_rate_limit', {
        client_key: clientKey,
        max_hits: limitPerMinute,
        window_seconds: 60,
      }),
    ) as number;
  },
  async clinic(slug) {
    const rows = unwrap(await db.rpc('portal_clinic_page', { slug })) as Awaited<
      ReturnType<Parameters<typeof createClientPortalApp>[0]['clinic']>
    >[];
    return rows[0] ?? null;
  },
  directory: (clinic, query) => fetchDirectory(db, { payer: null, clinic }, query),
  slots: (clinic, therapist, from, to) => fetchSlots(db, { payer: null, clinic }, therapist, from, to),
  async createRequest(clinic, r, key, hash, clientKey) {
    const rows = unwrap(
      await db.rpc('create_portal_request', {
        clinic,
        ...requestArguments(r, key, hash),
        // the test stack's own address is exempt (see above): no per-address count for it
        client_address: exemptAddresses.has(clientKey) ? null : clientKey,
        session_format: r.session_format ?? null,
        insurance_payer: r.insurance_payer_id ?? null,
        requested_by_guardian: r.requested_by_guardian ?? false,
        referral_source: r.referral_source ?? null,
        booking_referral: r.booking_referral ?? null,
      }),
    ) as CreatedRequest[];
    return rows[0]!;
  },
  async verifyRequest(clinic, token) {
    const rows = unwrap(await db.rpc('verify_portal_request', { clinic, token })) as VerificationOutcome[];
    return rows[0]!;
  },
  async requestStatus(token) {
    return unwrap(await db.rpc('request_status_by_token', { token })) as RequestStatusLookup;
  },
  async withdraw(token) {
    const rows = unwrap(await db.rpc('withdraw_request_by_token', { token })) as WithdrawOutcome[];
    return rows[0]!;
  },
  async pick(token, offeredTimeId) {
    return unwrap(
      await db.rpc('pick_offered_time_by_token', { token, offered_time_id: offeredTimeId }),
    ) as PickOutcome;
  },
  captcha: captchaFromEnv((name) => Deno.env.get(name)),
});

Deno.serve(app.fetch);
