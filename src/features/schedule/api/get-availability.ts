import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { keepSameCalendar, scheduleKeys } from '../keys';
import { formatTstzRange, parseTstzRange, type TimeRange } from '@/lib/tstzrange';

/**
 * A therapist's availability in `range`: the concrete occurrences the database expanded from their
 * blocks (recurrence and daylight-saving changes resolved there), each with its block.
 */
export async function getAvailability(
  orgId: string,
  staffId: string,
  range: TimeRange,
  signal?: AbortSignal,
) {
  const query = supabase
    .from('availability_occurrences')
    .select(
      'during, block:availability_blocks(id, staff_id, location_id, valid_from, valid_until, weekdays, start_time, end_time, accept_external)',
    )
    .eq('org_id', orgId)
    .eq('staff_id', staffId)
    .overlaps('during', formatTstzRange(range));
  const { data, error } = await (signal ? query.abortSignal(signal) : query);
  if (error) throw error;
  return data.map((row) => ({ block: row.block, during: parseTstzRange(row.during) }));
}

export type AvailabilityOccurrence = Awaited<ReturnType<typeof getAvailability>>[number];

export const availabilityQueryOptions = (orgId: string, staffId: string, range: TimeRange) =>
  queryOptions({
    queryKey: scheduleKeys.availabilityIn(orgId, staffId, range),
    queryFn: ({ signal }) => getAvailability(orgId, staffId, range, signal),
  });

export function useAvailability(orgId: string, staffId: string | null, range: TimeRange) {
  return useQuery({
    ...availabilityQueryOptions(orgId, staffId ?? '', range),
    enabled: staffId !== null,
    placeholderData: keepSameCalendar(staffId),
  });
}
