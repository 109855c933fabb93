/**
 * Query keys of the schedule feature: org-scoped first, so one organization's data never answers
 * for another; a calendar's data is keyed by whose calendar and by the visible range.
 */
import { orgKeys } from '@/lib/query-keys';
import type { TimeRange } from '@/lib/tstzrange';

/** The range part of a key: plain strings, so equal ranges make equal keys. */
const rangeKey = ({ start, end }: TimeRange) => ({ from: start.toISOString(), to: end.toISOString() });

export const scheduleKeys = {
  all: (orgId: string) => orgKeys.feature(orgId, 'schedule'),
  locations: (orgId: string) => [...scheduleKeys.all(orgId), 'locations'] as const,
  therapists: (orgId: string) => [...scheduleKeys.all(orgId), 'therapists'] as const,
  enrollment: (orgId: string, staffId: string) =>
    [...scheduleKeys.all(orgId), 'enrollment', staffId] as const,
  /** Everything on one therapist's calendar. */
  calendar: (orgId: string, staffId: string) => [...scheduleKeys.all(orgId), 'calendar', staffId] as const,
  /** Their availability, any range: what saving or deleting a block invalidates. */
  availability: (orgId: string, staffId: string) =>
    [...scheduleKeys.calendar(orgId, staffId), 'availability'] as const,
  availabilityIn: (orgId: string, staffId: string, range: TimeRange) =>
    [...scheduleKeys.availability(orgId, staffId), rangeKey(range)] as const,
  appointmentsIn: (orgId: string, staffId: string, range: TimeRange) =>
    [...scheduleKeys.calendar(orgId, staffId), 'appointments', rangeKey(range)] as const,
  requestsIn: (orgId: string, staffId: string, range: TimeRange) =>
    [...scheduleKeys.calendar(orgId, staffId), 'requests', rangeKey(range)] as const,
};

/** Where a calendar key holds whose calendar it is (see `scheduleKeys.calendar`). */
const calendarStaffIndex = scheduleKeys.calendar('', '').length - 1;

/**
 * `placeholderData` for a calendar query: keeps the last range on screen while the next one loads,
 * but never shows one therapist's calendar in place of another's.
 */
export function keepSameCalendar<T>(staffId: string | null) {
  return (previous: T | undefined, previousQuery?: { queryKey: readonly unknown[] }): T | undefined =>
    previousQuery?.queryKey[calendarStaffIndex] === staffId ? previous : undefined;
}
