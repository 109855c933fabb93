/**
 * A decision on a referral request changes what four screens show: the queue (and the
 * navigation's count, from the same query), its Handled history and the calendar. The calendar used to stay stale.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { scheduleKeys } from '@/features/schedule/keys';
import { staffKeys } from '@/features/staff/keys';
import { useDecideRequest } from '@/features/unconfirmed-appointments/api/decide-request';
import { unconfirmedKeys } from '@/features/unconfirmed-appointments/keys';
import { noFilters } from '@/features/unconfirmed-appointments/lib/handled-filters';
import { testSupabaseUrl } from '../../tests/msw/env';
import { server } from '../../tests/msw/server';
import { createTestQueryClient } from '../../tests/render';

const orgId = 'org-harborview';
const otherOrg = 'org-cedar';
const week = { start: new Date('2027-05-03T04:00:00Z'), end: new Date('2027-05-10T04:00:00Z') };

describe('a decision on a request', () => {
  it('marks the queue, its history, the calendar’s requests and appointments stale, and nothing of other clinics', async () => {
    server.use(
      http.post(`${testSupabaseUrl}/rest/v1/rpc/confirm_referral_request`, () => HttpResponse.json(null)),
    );
    const queryClient = createTestQueryClient();
    const seeded = {
      queue: unconfirmedKeys.list(orgId),
      historyFirstPage: unconfirmedKeys.handledPage(orgId, noFilters, null),
      historyFiltered: unconfirmedKeys.handledPage(orgId, { ...noFilters, outcome: 'confirmed' }, null),
      calendarRequests: scheduleKeys.requestsIn(orgId, 'priya', week),
      calendarAppointments: scheduleKeys.appointmentsIn(orgId, 'priya', week),
      staffList: staffKeys.activeList(orgId),
      otherClinicQueue: unconfirmedKeys.list(otherOrg),
      otherClinicCalendar: scheduleKeys.requestsIn(otherOrg, 'omar', week),
    };
    for (const key of Object.values(seeded)) queryClient.setQueryData(key, []);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useDecideRequest(orgId), { wrapper });

    await act(() => result.current.mutateAsync({ kind: 'confirm', requestId: 'request-1' }));

    const stale = Object.fromEntries(
      Object.entries(seeded).map(([name, key]) => [name, queryClient.getQueryState(key)?.isInvalidated]),
    );
    expect(stale).toEqual({
      queue: true,
      historyFirstPage: true,
      historyFiltered: true,
      calendarRequests: true,
      calendarAppointments: true,
      staffList: false,
      otherClinicQueue: false,
      otherClinicCalendar: false,
    });
  });
});
