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
 * Fetches what the calendar shows as it opens, unless cached already: the clinic's locations (named
 * in events' titles), and this week of the calendar it opens on (the viewer's own, or the first
 * therapist's) with that therapist's program enrollment (which the availability form asks about).
 * A therapist list already here decides whose calendar that is even when it is due a refresh (the
 * page refreshes it). A failure is thrown, for the route to report.
 */
export async function prefetchCalendar(
  queryClient: QueryClient,
  orgId: string,
  viewer: Viewer,
): Promise<void> {
  const locations = queryClient.ensureQueryData(locationsQueryOptions(orgId));
  // awaited below; handled here too, so a failure before that is not an unhandled rejection
  locations.catch(() => {});
  const therapistIds =
    calendarScope(viewer) === 'own'
      ? []
      : (await queryClient.ensureQueryData(therapistsQueryOptions(orgId))).map((t) => t.id);
  const staffId = calendarStaffId(viewer, therapistIds, null);
  if (staffId === null) {
    await locations;
    return;
  }
  const range = visibleRange(openingView, new Date());
  await Promise.all([
    locations,
    queryClient.ensureQueryData(enrollmentQueryOptions(orgId, staffId)),
    queryClient.ensureQueryData(availabilityQueryOptions(orgId, staffId, range)),
    queryClient.ensureQueryData(appointmentsQueryOptions(orgId, staffId, range)),
    queryClient.ensureQueryData(pendingRequestsQueryOptions(orgId, staffId, range)),
  ]);
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
