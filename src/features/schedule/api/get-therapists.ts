import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { scheduleKeys } from '../keys';

/** The clinic's active therapists (whose calendars there are), by last then first name, with their default location. */
export async function getTherapists(orgId: string, signal?: AbortSignal) {
  const query = supabase
    .from('staff_members')
    .select('id, first_name, last_name, roles, default_location_id')
    .eq('org_id', orgId)
    .eq('is_active', true)
    .order('last_name', { ascending: true })
    .order('first_name', { ascending: true });
  const { data, error } = await (signal ? query.abortSignal(signal) : query);
  if (error) throw error;
  // a clinic has a handful of staff: the role is filtered here rather than with an array operator
  return data.filter((person) => person.roles.includes('therapist'));
}

export type ScheduleTherapist = Awaited<ReturnType<typeof getTherapists>>[number];

export const therapistsQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: scheduleKeys.therapists(orgId),
    queryFn: ({ signal }) => getTherapists(orgId, signal),
  });

export function useTherapists(orgId: string) {
  return useQuery(therapistsQueryOptions(orgId));
}
