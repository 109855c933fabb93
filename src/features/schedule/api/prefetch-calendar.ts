import type { QueryClient } from '@tanstack/react-query';
import type { Viewer } from '@/lib/access/roles';
import { calendarStaffId } from '../lib/permissions';
import { openingView, visibleRange } from '../lib/visible-range';
import type { TimeRange } from '@/lib/tstzrange';
import { appointmentsQueryOptions } from './get-appointments';
import { availabilityQueryOptions } from './get-availability';
import { pendingRequestsQueryOptions } from './get-pending-requests';
import { therapistsQueryOptions } from './get-therapists';

/**
 * Fetches what the calendar shows as it opens: the clinic's therapists, then this week of the
 * calendar it opens on (the viewer's own, or the first therapist's), unless fresh already.
 */
export async function prefetchCalendar(queryClient: QueryClient, orgId: string, viewer: Viewer): Promise<void> {
  const therapists = await queryClient.fetchQuery(therapistsQueryOptions(orgId));
  const staffId = calendarStaffId(viewer, therapists.map((t) => t.id), null);
  if (staffId === null) return;
  await prefetchCalendarRange(queryClient, orgId, staffId, visibleRange(openingView, new Date()));
}

/** Fetches the three parts of one therapist's calendar in `range`, unless fresh already. */
export async function prefetchCalendarRange(queryClient: QueryClient, orgId: string, staffId: string, range: TimeRange): Promise<void> {
  await Promise.all([
    queryClient.prefetchQuery(availabilityQueryOptions(orgId, staffId, range)),
    queryClient.prefetchQuery(appointmentsQueryOptions(orgId, staffId, range)),
    queryClient.prefetchQuery(pendingRequestsQueryOptions(orgId, staffId, range)),
  ]);
}
