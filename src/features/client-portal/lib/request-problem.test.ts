import { describe, expect, it } from 'vitest';
import { PortalApiError, retryAfterSeconds } from './portal-api-error';
import { defaultRetrySeconds, requestProblem } from './request-problem';

describe('requestProblem', () => {
  it('turns the API’s refusals into what the form does', () => {
    expect(requestProblem(new PortalApiError(409, 'slot_not_open', 'x', 'slot_start'))).toEqual({
      kind: 'slot_taken',
      reason: 'taken',
    });
    expect(requestProblem(new PortalApiError(422, 'slot_in_past', 'x', 'slot_start'))).toEqual({
      kind: 'slot_taken',
      reason: 'past',
    });
    expect(requestProblem(new PortalApiError(429, 'rate_limited', 'x', null, 12))).toEqual({
      kind: 'rate_limited',
      seconds: 12,
    });
    expect(requestProblem(new PortalApiError(429, 'rate_limited', 'x'))).toEqual({
      kind: 'rate_limited',
      seconds: defaultRetrySeconds,
    });
    expect(requestProblem(new PortalApiError(404, 'unknown_therapist', 'x', 'therapist_id'))).toEqual({
      kind: 'therapist_unavailable',
    });
    expect(requestProblem(new PortalApiError(404, 'unknown_clinic', 'x'))).toEqual({
      kind: 'clinic_unavailable',
    });
  });

  it('puts a refused form field next to that field; anything else is a general message', () => {
    expect(requestProblem(new PortalApiError(422, 'validation_failed', 'Phone must be…', 'phone'))).toEqual({
      kind: 'field',
      field: 'phone',
      message: 'Phone must be…',
    });
    expect(requestProblem(new PortalApiError(422, 'validation_failed', 'Unknown field: x.', 'x'))).toEqual({
      kind: 'general',
      message: 'Unknown field: x.',
    });
    expect(requestProblem(new PortalApiError(500, 'internal_error', 'boom')).kind).toBe('general');
    expect(requestProblem(new TypeError('Failed to fetch'))).toMatchObject({ kind: 'general' });
    expect(requestProblem(new PortalApiError(0, 'network_error', 'We couldn’t reach it.'))).toMatchObject({
      kind: 'general',
      message: expect.stringContaining('only once'),
    });
  });
});

describe('retryAfterSeconds', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterSeconds('30')).toBe(30);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('soon')).toBeNull();
    const now = Date.parse('2026-06-15T12:00:00Z');
    expect(retryAfterSeconds('Mon, 15 Jun 2026 12:00:45 GMT', now)).toBe(45);
  });
});
