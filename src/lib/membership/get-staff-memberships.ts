import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Tables } from '@/types/database.types';
import { membershipKeys } from './keys';

export type OrganizationSummary = Pick<
  Tables<'organizations'>,
  'id' | 'name' | 'referral_program_enabled' | 'time_zone'
>;

export type StaffMembershipRow = Pick<
  Tables<'staff_members'>,
  'id' | 'org_id' | 'first_name' | 'last_name' | 'email' | 'roles' | 'is_active'
> & {
  /** Null when RLS hides the organization: a deactivated staff member no longer reads it. */
  organization: OrganizationSummary | null;
};

/** The signed-in user's staff records (one per organization), each with its organization, oldest first. */
export async function getStaffMemberships(
  userId: string,
  signal?: AbortSignal,
): Promise<StaffMembershipRow[]> {
  const query = supabase
    .from('staff_members')
    .select(
      'id, org_id, first_name, last_name, email, roles, is_active, organization:organizations(id, name, referral_program_enabled, time_zone)',
    )
    // RLS also shows the rest of the organization's staff: keep only this user's own records.
    .eq('user_id', userId)
    .order('created_at', { ascending: true });
  const { data, error } = await (signal ? query.abortSignal(signal) : query);
  if (error) throw error;
  return data;
}

export const staffMembershipsQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: membershipKeys.staffMemberships(userId),
    queryFn: ({ signal }) => getStaffMemberships(userId, signal),
    staleTime: 5 * 60_000,
  });

export function useStaffMemberships(userId: string) {
  return useQuery(staffMembershipsQueryOptions(userId));
}
