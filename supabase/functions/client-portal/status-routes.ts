/**
 * The client's status page API (no sign-in: the status link's token is the key), on the
 * client-portal function and under its per-address rate limit:
 *   POST /client-portal/status           { token }                   the one request behind the link
 *   POST /client-portal/status/withdraw  { token }                   withdraw it (pending or times offered)
 *   POST /client-portal/status/pick      { token, offered_time_id }  pick an offered time: confirms it
 * The token rides in the body, never in a URL the gateway logs. An unknown token gets 404 and
 * nothing else; an expired link 410 with the clinic's name and request page only.
 */
import type { Hono } from 'hono';
import { apiError, json } from '../_shared/http.ts';
import { jsonBody } from '../_shared/middleware.ts';
import { firstIssue } from '../_shared/referral-request.ts';
import {
  pickOfferedTimeSchema,
  statusCallSchema,
  statusErrorCodes,
  type PickOutcome,
  type RequestStatusLookup,
  type StatusClinic,
  type WithdrawOutcome,
} from '../_shared/request-status.ts';

export interface StatusDeps {
  requestStatus(token: string): Promise<RequestStatusLookup>;
  withdraw(token: string): Promise<WithdrawOutcome>;
  pick(token: string, offeredTimeId: string): Promise<PickOutcome>;
}

const unknownLink = () =>
  apiError(
    404,
    statusErrorCodes.unknown,
    'This status link is not valid. Open the link from your latest email exactly as it is.',
  );

const expiredLink = (clinic: StatusClinic | null) =>
  json(410, {
    error: {
      code: statusErrorCodes.expired,
      message: 'This status link has expired. You can request a new appointment on the clinic’s page.',
    },
    ...(clinic ? { clinic } : {}),
  });

const stateWords: Record<string, string> = {
  pending: 'is waiting for the clinic’s answer',
  alternatives_offered: 'has other times offered',
  confirmed: 'was confirmed',
  declined: 'was declined',
  expired: 'has expired',
  withdrawn: 'was withdrawn',
};

// deno-lint-ignore no-explicit-any
type AnyApp = Hono<any, any, any>;

export function addStatusRoutes(app: AnyApp, deps: StatusDeps) {
  app.post('/status', jsonBody(1024), async (c) => {
    const call = statusCallSchema.safeParse(c.get('body'));
    if (!call.success) {
      const issue = firstIssue(call.error);
      return apiError(422, 'validation_failed', issue.message, issue.field ?? 'token');
    }
    const found = await deps.requestStatus(call.data.token);
    if (found.outcome === 'unknown') return unknownLink();
    if (found.outcome === 'link_expired') return expiredLink(found.clinic);
    return json(200, { clinic: found.clinic, request: found.request }, { 'cache-control': 'no-store' });
  });

  app.post('/status/withdraw', jsonBody(1024), async (c) => {
    const call = statusCallSchema.safeParse(c.get('body'));
    if (!call.success) {
      const issue = firstIssue(call.error);
      return apiError(422, 'validation_failed', issue.message, issue.field ?? 'token');
    }
    const done = await deps.withdraw(call.data.token);
    if (done.outcome === 'unknown') return unknownLink();
    if (done.outcome === 'link_expired') return expiredLink(null);
    if (done.outcome === 'not_withdrawable') {
      return apiError(
        409,
        statusErrorCodes.notWithdrawable,
        `This request ${stateWords[done.state ?? ''] ?? 'can no longer change'}, so it can no longer be withdrawn.`,
      );
    }
    return json(200, { state: 'withdrawn' });
  });

  app.post('/status/pick', jsonBody(1024), async (c) => {
    const call = pickOfferedTimeSchema.safeParse(c.get('body'));
    if (!call.success) {
      const issue = firstIssue(call.error);
      return apiError(422, 'validation_failed', issue.message, issue.field ?? 'token');
    }
    const picked = await deps.pick(call.data.token, call.data.offered_time_id);
    switch (picked.outcome) {
      case 'confirmed':
        return json(200, { state: 'confirmed' });
      case 'unknown':
        return unknownLink();
      case 'link_expired':
        return expiredLink(null);
      case 'not_offered':
        return apiError(
          404,
          statusErrorCodes.notOffered,
          'That time was not offered for this request.',
          'offered_time_id',
        );
      case 'slot_lost':
        return apiError(
          409,
          statusErrorCodes.slotLost,
          'Sorry, that time was taken just now. Please pick one of the other times, if any are left.',
          'offered_time_id',
        );
      default:
        return apiError(
          409,
          statusErrorCodes.offerOver,
          `The offered times can no longer be picked: this request ${stateWords[picked.state ?? ''] ?? 'has changed'}.`,
        );
    }
  });

  for (const path of ['/status', '/status/withdraw', '/status/pick']) {
    app.all(path, () => apiError(405, 'method_not_allowed', 'Use POST.', null, { allow: 'POST' }));
  }
}
