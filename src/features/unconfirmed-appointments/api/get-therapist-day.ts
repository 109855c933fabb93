import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { formatTstzRange, parseTstzRange, type TimeRange } from '@/lib/tstzrange';
import { unconfirmedKeys } from '../keys';

export interface DayEntry {
  kind: 'availability' | 'appointment' | 'request';
  range: TimeRange;
  /** The request being decided, when this entry is it. */
  isThisRequest: boolean;
}

/** The therapist's calendar around a slot: that day's availability, scheduled appointments and pending requests. */
export async function getTherapistDay(
  therapistId: string,
  requestId: string,
  slotStart: string,
  signal?: AbortSignal,
): Promise<DayEntry[]> {
  const start = new Date(slotStart);
  const day = formatTstzRange({
    start: new Date(start.getTime() - 12 * 3_600_000),
    end: new Date(start.getTime() + 12 * 3_600_000),
  });
  const withSignal = <T extends { abortSignal(s: AbortSignal): T }>(q: T) =>
    signal ? q.abortSignal(signal) : q;
  const [availability, appointments, requests] = await Promise.all([
    withSignal(
      supabase
        .from('availability_occurrences')
        .select('during')
        .eq('staff_id', therapistId)
        .overlaps('during', day),
    ),
    withSignal(
      supabase
        .from('appointments')
        .select('during')
        .eq('staff_id', therapistId)
        .eq('status', 'scheduled')
        .overlaps('during', day),
    ),
    withSignal(
      supabase
        .from('referral_requests')
        .select('id, slot')
        .eq('therapist_id', therapistId)
        .eq('status', 'pending')
        .overlaps('slot', day),
    ),
  ]);
  for (const result of [availability, appointments, requests]) if (result.error) throw result.error;
  const entries: DayEntry[] = [
    ...(availability.data ?? []).map((r) => ({
      kind: 'availability' as const,
      range: parseTstzRange(r.during),
      isThisRequest: false,
    })),
    ...(appointments.data ?? []).map((r) => ({
      kind: 'appointment' as const,
      range: parseTstzRange(r.during),
      isThisRequest: false,
    })),
    ...(requests.data ?? []).map((r) => ({
      kind: 'request' as const,
      range: parseTstzRange(r.slot),
      isThisRequest: r.id === requestId,
    })),
  ];
  return entries.sort((a, b) => a.range.start.getTime() - b.range.start.getTime());
}

export function useTherapistDay(orgId: string, therapistId: string, requestId: string, slotStart: string) {
  return useQuery(
    queryOptions({
      queryKey: [...unconfirmedKeys.all(orgId), 'therapist-day', therapistId, slotStart],
      queryFn: ({ signal }) => getTherapistDay(therapistId, requestId, slotStart, signal),
    }),
  );
}
