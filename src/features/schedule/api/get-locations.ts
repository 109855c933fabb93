import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { scheduleKeys } from '../keys';

/** The clinic's locations with their time zones (a block's times are wall-clock times there), by name. */
export async function getLocations(orgId: string, signal?: AbortSignal) {
  const query = supabase
    .from('locations')
    .select('id, name, time_zone')
    .eq('org_id', orgId)
    .order('name', { ascending: true });
  const { data, error } = await (signal ? query.abortSignal(signal) : query);
  if (error) throw error;
  return data;
}

export type ScheduleLocation = Awaited<ReturnType<typeof getLocations>>[number];

export const locationsQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: scheduleKeys.locations(orgId),
    queryFn: ({ signal }) => getLocations(orgId, signal),
    staleTime: 5 * 60_000,
  });

export function useLocations(orgId: string) {
  return useQuery(locationsQueryOptions(orgId));
}
