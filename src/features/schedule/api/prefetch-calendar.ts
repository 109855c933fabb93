import type { QueryClient } from '@tanstack/react-query';
import type { Viewer } from '@/lib/access/roles';
import { calendarScope, calendarStaffId } from '../lib/permissions';
import { openingView, visibleRange } from '../lib/visible-range';
import type { TimeRange } from '@/lib/tstzrange';
import { appointmentsQueryOptions } from './get-appointments';
import { availabilityQueryOptions } from './get-availability';
import { enrollmentQueryOptions } from './get-enrollment';
import { locationsQueryOptions } from './get-locations';
import { pendingRequestsQueryOptions } from './get-pending-requests';
import { therapistsQueryOptions } from './get-therapists';

/**
 * Fetches the clinic's lists the calendar opens with: its therapists (whose calendar it opens on)
 * and locations (whose names are in events' titles). Names and places, no client data: cheap to
 * fetch ahead while the app is idle.
 */
export function prefetchCalendarLists(queryClient: QueryClient, orgId: string): Promise<void> {
  return Promise.all([
    queryClient.prefetchQuery(therapistsQueryOptions(orgId)),
    queryClient.prefetchQuery(locationsQueryOptions(orgId)),
  ]).then(() => {});
}

/**
 * Fetches what the calendar shows as it opens: the lists above, and this week of the calendar it
 * opens on (the viewer's own, or the first therapist's) with that therapist's program enrollment
 * (which the availability form asks about), unless fresh already. A therapist list
 * already here decides whose calendar that is even when it is due a refresh (the page refreshes it).
 */
export async function prefetchCalendar(
  queryClient: QueryClient,
  orgId: string,
  viewer: Viewer,
): Promise<void> {
  void queryClient.prefetchQuery(locationsQueryOptions(orgId));
  const therapistIds =
    calendarScope(viewer) === 'own'
      ? []
      : (await queryClient.ensureQueryData(therapistsQueryOptions(orgId))).map((t) => t.id);
  const staffId = calendarStaffId(viewer, therapistIds, null);
  if (staffId === null) return;
  void queryClient.prefetchQuery(enrollmentQueryOptions(orgId, staffId));
  await prefetchCalendarRange(queryClient, orgId, staffId, visibleRange(openingView, new Date()));
}

/** Fetches the three parts of one therapist's calendar in `range`, unless fresh already. */
export async function prefetchCalendarRange(
  queryClient: QueryClient,
  orgId: string,
  staffId: string,
  range: TimeRange,
): Promise<void> {
  await Promise.all([
    queryClient.prefetchQuery(availabilityQueryOptions(orgId, staffId, range)),
    queryClient.prefetchQuery(appointmentsQueryOptions(orgId, staffId, range)),
    queryClient.prefetchQuery(pendingRequestsQueryOptions(orgId, staffId, range)),
  ]);
}
