/**
 * Everything on one therapist's calendar in the visible range, as one. Availability, appointments
 * and pending requests arrive as three requests; the calendar takes them once all three are in, so
 * a week of hundreds of events is laid out once, not three times. While the next range loads, the
 * last complete one stays (never another therapist's), and the ranges either side are fetched
 * ahead, so stepping to the next week shows it at once.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { afterNextPaint } from '@/lib/after-next-paint';
import { adjacentDates, visibleRange, type CalendarView } from '../lib/visible-range';
import { useAppointments } from './get-appointments';
import { useAvailability, type AvailabilityOccurrence } from './get-availability';
import { usePendingRequests } from './get-pending-requests';
import { prefetchCalendarRange } from './prefetch-calendar';

type Appointments = NonNullable<ReturnType<typeof useAppointments>['data']>;
type Requests = NonNullable<ReturnType<typeof usePendingRequests>['data']>;

interface CalendarSnapshot {
  staffId: string;
  occurrences: AvailabilityOccurrence[];
  appointments: Appointments;
  requests: Requests;
}

export function useCalendarData(orgId: string, staffId: string | null, view: CalendarView, date: Date) {
  const range = useMemo(() => visibleRange(view, date), [view, date]);
  const availability = useAvailability(orgId, staffId, range);
  const appointments = useAppointments(orgId, staffId, range);
  const requests = usePendingRequests(orgId, staffId, range);
  const parts = [availability, appointments, requests];

  const complete =
    staffId !== null &&
    availability.data &&
    appointments.data &&
    requests.data &&
    !parts.some((q) => q.isPlaceholderData)
      ? { staffId, occurrences: availability.data, appointments: appointments.data, requests: requests.data }
      : null;
  // the last complete snapshot, replaced (during render, as React allows) when a newer one is in
  const [shown, setShown] = useState<CalendarSnapshot | null>(complete);
  if (
    complete &&
    (complete.staffId !== shown?.staffId ||
      complete.occurrences !== shown.occurrences ||
      complete.appointments !== shown.appointments ||
      complete.requests !== shown.requests)
  ) {
    setShown(complete);
  }

  const queryClient = useQueryClient();
  const ready = complete !== null;
  useEffect(() => {
    if (!ready || staffId === null) return;
    // once the range shown is painted: starting six requests is main-thread work the paint need not wait for
    return afterNextPaint(() => {
      for (const near of adjacentDates(view, date))
        void prefetchCalendarRange(queryClient, orgId, staffId, visibleRange(view, near));
    });
  }, [ready, queryClient, orgId, staffId, view, date]);

  return {
    /** The calendar's contents: null until this therapist's first range is in. */
    snapshot: shown?.staffId === staffId ? shown : null,
    error: availability.error ?? appointments.error ?? requests.error,
    /** True only before anything of this therapist's calendar has arrived. */
    pending: parts.some((q) => q.isPending),
    refetch: () => {
      void availability.refetch();
      void appointments.refetch();
      void requests.refetch();
    },
  };
}
