import { queryOptions, useQuery } from '@tanstack/react-query';
import { isUuid } from '@/lib/ids';
import { supabase } from '@/lib/supabase';
import type { Tables } from '@/types/database.types';
import { staffKeys } from '../keys';

/** One staff member of the organization with their default location, or null when there is none by that id. */
export async function getStaffMember(orgId: string, staffId: string, signal?: AbortSignal) {
  if (!isUuid(staffId)) return null;
  const query = supabase
    .from('staff_members')
    .select(
      'id, first_name, last_name, email, roles, npi, office_phone, photo_url, is_active, updated_at, default_location:locations(name, city, state)',
    )
    .eq('org_id', orgId)
    .eq('id', staffId);
  const { data, error } = await (signal ? query.abortSignal(signal) : query)
    .maybeSingle()
    // default_location_id is nullable; the generated types cannot tell through the composite foreign key
    .overrideTypes<{ default_location: Pick<Tables<'locations'>, 'name' | 'city' | 'state'> | null }>();
  if (error) throw error;
  return data;
}

export type StaffMemberDetails = NonNullable<Awaited<ReturnType<typeof getStaffMember>>>;

export const staffMemberQueryOptions = (orgId: string, staffId: string) =>
  queryOptions({
    queryKey: staffKeys.detail(orgId, staffId),
    queryFn: ({ signal }) => getStaffMember(orgId, staffId, signal),
  });

export function useStaffMember(orgId: string, staffId: string) {
  return useQuery(staffMemberQueryOptions(orgId, staffId));
}
