import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Tables } from '@/types/database.types';
import { staffKeys } from '../keys';

/** The organization's active staff, by last then first name, each with their default location's name. */
export async function getActiveStaff(orgId: string, signal?: AbortSignal) {
  const query = supabase
    .from('staff_members')
    .select('id, first_name, last_name, email, roles, npi, default_location:locations(name)')
    .eq('org_id', orgId)
    .eq('is_active', true)
    .order('last_name', { ascending: true })
    .order('first_name', { ascending: true });
  const { data, error } = await (signal ? query.abortSignal(signal) : query)
    // default_location_id is nullable; the generated types cannot tell through the composite foreign key
    .overrideTypes<{ default_location: Pick<Tables<'locations'>, 'name'> | null }[]>();
  if (error) throw error;
  return data;
}

export type ActiveStaffMember = Awaited<ReturnType<typeof getActiveStaff>>[number];

export const activeStaffQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: staffKeys.activeList(orgId),
    queryFn: ({ signal }) => getActiveStaff(orgId, signal),
  });

export function useActiveStaff(orgId: string) {
  return useQuery(activeStaffQueryOptions(orgId));
}
