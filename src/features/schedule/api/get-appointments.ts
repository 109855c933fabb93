import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Tables } from '@/types/database.types';
import { keepSameCalendar, scheduleKeys } from '../keys';
import { formatTstzRange, parseTstzRange, type TimeRange } from '@/lib/tstzrange';

/** A therapist's scheduled appointments in `range`; the client's name where the viewer may read clients. */
export async function getAppointments(
  orgId: string,
  staffId: string,
  range: TimeRange,
  signal?: AbortSignal,
) {
  const query = supabase
    .from('appointments')
    .select('id, during, location_id, client:clients(first_name, last_name)')
    .eq('org_id', orgId)
    .eq('staff_id', staffId)
    .eq('status', 'scheduled')
    .overlaps('during', formatTstzRange(range));
  const { data, error } = await (signal ? query.abortSignal(signal) : query)
    // RLS hides clients from therapists: the embed is null for them
    .overrideTypes<{ client: Pick<Tables<'clients'>, 'first_name' | 'last_name'> | null }[]>();
  if (error) throw error;
  return data.map((row) => ({ ...row, during: parseTstzRange(row.during) }));
}

export const appointmentsQueryOptions = (orgId: string, staffId: string, range: TimeRange) =>
  queryOptions({
    queryKey: scheduleKeys.appointmentsIn(orgId, staffId, range),
    queryFn: ({ signal }) => getAppointments(orgId, staffId, range, signal),
  });

export function useAppointments(orgId: string, staffId: string | null, range: TimeRange) {
  return useQuery({
    ...appointmentsQueryOptions(orgId, staffId ?? '', range),
    enabled: staffId !== null,
    placeholderData: keepSameCalendar(staffId),
  });
}
