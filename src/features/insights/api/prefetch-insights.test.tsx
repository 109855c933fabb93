import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { Membership } from '@/lib/membership/current-membership';
import { testSupabaseUrl } from '../../../../tests/msw/env';
import {
  insightsUrl,
  sampleInsights,
  sampleTherapists,
  therapistPage,
  therapistsUrl,
  type TherapistPageArgs,
} from '../../../../tests/msw/insights-handlers';
import { server } from '../../../../tests/msw/server';
import { createTestQueryClient } from '../../../../tests/render';
import { openingQuery } from '../lib/period';
import { firstTherapistPage } from '../lib/therapist-page';
import { insightsChoicesQueryOptions } from './get-insights-choices';
import { programInsightsQueryOptions } from './get-program-insights';
import { therapistPageQueryOptions } from './get-therapist-page';
import { prefetchInsights } from './prefetch-insights';

const admin: Membership = {
  id: 'staff-me',
  org_id: 'org-1',
  first_name: 'Alex',
  last_name: 'Rivera',
  email: 'alex@example.org',
  roles: ['org_admin'],
  is_active: true,
  organization: {
    id: 'org-1',
    name: 'Lakeside',
    referral_program_enabled: true,
    time_zone: 'America/Chicago',
  },
};

describe('prefetchInsights', () => {
  it('fetches the figures the tab opens on (the clinic’s last 90 days), the first page of therapists and the filter choices', async () => {
    const asked: Record<string, unknown>[] = [];
    server.use(
      http.post(insightsUrl, async ({ request }) => {
        asked.push((await request.json()) as Record<string, unknown>);
        return HttpResponse.json(sampleInsights());
      }),
      http.post(therapistsUrl, async ({ request }) => {
        const args = (await request.json()) as TherapistPageArgs & Record<string, unknown>;
        asked.push(args);
        return HttpResponse.json(therapistPage(sampleTherapists(), args));
      }),
      http.get(`${testSupabaseUrl}/rest/v1/staff_members`, () => HttpResponse.json([])),
      http.get(`${testSupabaseUrl}/rest/v1/payers`, () => HttpResponse.json([])),
      http.get(`${testSupabaseUrl}/rest/v1/locations`, () => HttpResponse.json([])),
    );
    const queryClient = createTestQueryClient();
    // 03:00 UTC on Dec 8 is still Dec 7 in Chicago
    const now = new Date('2026-12-08T03:00:00Z');
    await prefetchInsights(queryClient, admin, now);
    const query = openingQuery('America/Chicago', now);
    const opening = programInsightsQueryOptions('org-1', query);
    expect(queryClient.getQueryData(opening.queryKey)).toEqual(sampleInsights());
    const firstPage = therapistPageQueryOptions('org-1', query, firstTherapistPage);
    await vi.waitFor(() => expect(queryClient.getQueryData(firstPage.queryKey)).toMatchObject({ total: 2 }));
    await vi.waitFor(() =>
      expect(queryClient.getQueryData(insightsChoicesQueryOptions('org-1').queryKey)).toBeDefined(),
    );
    const period = { org_id: 'org-1', period_from: '2026-09-09', period_to: '2026-12-07' };
    expect(asked).toEqual([
      period,
      { ...period, sort_by: 'volume', descending: true, page_offset: 0, page_size: 25, with_weekly: true },
    ]);
  });

  it('waits for the figures alone: the charts are drawn while the therapists and the filter choices still load', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const hold = async () => {
      await held;
      return HttpResponse.json([]);
    };
    server.use(
      http.post(insightsUrl, () => HttpResponse.json(sampleInsights())),
      http.post(therapistsUrl, async () => {
        await held;
        return HttpResponse.json({ total: 0, rows: [] });
      }),
      http.get(`${testSupabaseUrl}/rest/v1/staff_members`, hold),
      http.get(`${testSupabaseUrl}/rest/v1/payers`, hold),
      http.get(`${testSupabaseUrl}/rest/v1/locations`, hold),
    );
    const queryClient = createTestQueryClient();
    const now = new Date('2026-12-08T03:00:00Z');
    await prefetchInsights(queryClient, admin, now);
    const query = openingQuery('America/Chicago', now);
    expect(queryClient.getQueryData(programInsightsQueryOptions('org-1', query).queryKey)).toEqual(
      sampleInsights(),
    );
    const firstPage = therapistPageQueryOptions('org-1', query, firstTherapistPage);
    expect(queryClient.getQueryState(firstPage.queryKey)?.fetchStatus).toBe('fetching');
    release();
    await vi.waitFor(() =>
      expect(queryClient.getQueryData(firstPage.queryKey)).toEqual({ total: 0, rows: [] }),
    );
  });

  it('asks for the filter choices only once the figures have answered', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const choicesAsked: string[] = [];
    const choices = ({ request }: { request: Request }) => {
      choicesAsked.push(new URL(request.url).pathname);
      return HttpResponse.json([]);
    };
    server.use(
      http.post(insightsUrl, async () => {
        await held;
        return HttpResponse.json(sampleInsights());
      }),
      http.post(therapistsUrl, () => HttpResponse.json({ total: 0, rows: [] })),
      http.get(`${testSupabaseUrl}/rest/v1/staff_members`, choices),
      http.get(`${testSupabaseUrl}/rest/v1/payers`, choices),
      http.get(`${testSupabaseUrl}/rest/v1/locations`, choices),
    );
    const queryClient = createTestQueryClient();
    const now = new Date('2026-12-08T03:00:00Z');
    const prefetched = prefetchInsights(queryClient, admin, now);
    const firstPage = therapistPageQueryOptions(
      'org-1',
      openingQuery('America/Chicago', now),
      firstTherapistPage,
    );
    // the therapists' page goes with the figures; the choices wait
    await vi.waitFor(() =>
      expect(queryClient.getQueryData(firstPage.queryKey)).toEqual({ total: 0, rows: [] }),
    );
    expect(choicesAsked).toEqual([]);
    release();
    await prefetched;
    await vi.waitFor(() => expect(choicesAsked).toHaveLength(3));
  });
});
