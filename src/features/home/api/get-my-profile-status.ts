import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { profileStatus, type ProfileStatus } from '../lib/profile-status';
import { homeKeys, homeStaleTimeMs } from './keys';

/**
 * A therapist's own profile status (public_profile_details: enrollment, submission and the
 * required fields); not enrolled when the clinic has no such therapist row.
 */
export async function getMyProfileStatus(
  orgId: string,
  staffId: string,
  signal?: AbortSignal,
): Promise<ProfileStatus> {
  const query = supabase
    .from('public_profile_details')
    .select(
      'enrollment_status, submitted_at, professional_title, license_type, license_state, license_number, about_me, specialties, treatment_approaches, ages_served, session_formats, languages',
    )
    .eq('org_id', orgId)
    .eq('staff_id', staffId);
  const { data, error } = await (signal ? query.abortSignal(signal) : query).maybeSingle();
  if (error) throw error;
  return profileStatus(data);
}

export const myProfileStatusQueryOptions = (orgId: string, staffId: string) =>
  queryOptions({
    queryKey: homeKeys.myProfile(orgId, staffId),
    queryFn: ({ signal }) => getMyProfileStatus(orgId, staffId, signal),
    staleTime: homeStaleTimeMs,
  });

export function useMyProfileStatus(orgId: string, staffId: string, enabled = true) {
  return useQuery({ ...myProfileStatusQueryOptions(orgId, staffId), enabled });
}
