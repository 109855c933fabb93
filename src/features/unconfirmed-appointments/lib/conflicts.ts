import type { TimeRange } from '@/lib/tstzrange';

/** True when two half-open ranges [start, end) share any time. */
export const overlaps = (a: TimeRange, b: TimeRange) => a.start < b.end && b.start < a.end;

/** The scheduled appointments that overlap the requested slot: confirming would be refused. */
export function findConflicts(slot: TimeRange, appointments: TimeRange[]): TimeRange[] {
  return appointments.filter((appointment) => overlaps(slot, appointment));
}
