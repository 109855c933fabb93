import { beforeEach, describe, expect, it } from 'vitest';
import { clientPortalLog, portalTherapist, servePortal } from '../../../../tests/msw/client-portal-handlers';
import { staffId } from '../../../../tests/msw/people';
import { createPortalRequest } from './create-portal-request';

beforeEach(() => servePortal());

const body = () => ({
  therapist_id: staffId('03'),
  slot_start: portalTherapist(staffId('03')).open[0]!.start,
  first_name: 'Alex',
  last_name: 'Morgan',
  email: 'alex.morgan@example.com',
  phone: '(617) 555-0199',
  date_of_birth: '1990-04-12',
  session_format: 'in_person' as const,
});

describe('createPortalRequest', () => {
  it('answers unverified; without a CAPTCHA token the body is the request alone', async () => {
    const created = await createPortalRequest('harborview', { body: body(), idempotencyKey: 'submission-1' });
    expect(created.status).toBe('unverified');
    expect(clientPortalLog.captchaTokens).toEqual([]);
    expect(clientPortalLog.requests[0]!.body).toEqual(body());
  });

  it('sends the CAPTCHA token beside the request when the CAPTCHA is on', async () => {
    await createPortalRequest('harborview', {
      body: body(),
      idempotencyKey: 'submission-2',
      captchaToken: 'captcha-token-1',
    });
    expect(clientPortalLog.captchaTokens).toEqual(['captcha-token-1']);
    expect(clientPortalLog.requests[0]!.status).toBe(201);
  });
});
