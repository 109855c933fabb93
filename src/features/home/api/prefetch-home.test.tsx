import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Membership } from '@/lib/membership/current-membership';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import { server } from '../../../../tests/msw/server';
import { createTestQueryClient } from '../../../../tests/render';
import { homeKeys } from './keys';
import { prefetchHome } from './prefetch-home';

const rest = `${testSupabaseUrl}/rest/v1`;

const member = (roles: Membership['roles'], programEnabled = true): Membership => ({
  id: 'staff-me',
  org_id: 'org-1',
  first_name: 'Alex',
  last_name: 'Rivera',
  email: 'alex@example.org',
  roles,
  is_active: true,
  organization: {
    id: 'org-1',
    name: 'Lakeside',
    referral_program_enabled: programEnabled,
    time_zone: 'America/Chicago',
  },
});

function serve() {
  const asked: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    asked.push(`${request.method} ${url.pathname.replace('/rest/v1/', '')}`);
  });
  server.use(
    http.get(`${rest}/public_profile_details`, () => HttpResponse.json([])),
    http.get(`${rest}/unconfirmed_requests`, () => HttpResponse.json([])),
    http.head(
      `${rest}/availability_blocks`,
      () => new HttpResponse(null, { headers: { 'Content-Range': '*/0' } }),
    ),
  );
  return asked;
}

describe('prefetchHome', () => {
  it('fetches what a therapist’s home opens with, the calendar checked for the clinic’s today', async () => {
    const asked = serve();
    const queryClient = createTestQueryClient();
    await prefetchHome(queryClient, member(['therapist']), new Date('2026-12-08T03:00:00Z'));
    expect(asked.sort()).toEqual([
      'GET public_profile_details',
      'GET unconfirmed_requests',
      'HEAD availability_blocks',
    ]);
    expect(queryClient.getQueryData([...homeKeys.externalBlocks('org-1', 'staff-me'), '2026-12-07'])).toBe(0);
  });

  it('fetches an admin’s profiles and requests, and nothing for a clinic without the program', async () => {
    const asked = serve();
    await prefetchHome(createTestQueryClient(), member(['org_admin']));
    expect(asked.sort()).toEqual(['GET public_profile_details', 'GET unconfirmed_requests']);
    asked.length = 0;
    await prefetchHome(createTestQueryClient(), member(['org_admin', 'therapist'], false));
    expect(asked).toEqual([]);
  });
});
