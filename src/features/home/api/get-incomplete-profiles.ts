import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { missingProfileFields } from '../lib/profile-gaps';
import { homeKeys, homeStaleTimeMs } from './keys';

/** An enrolled therapist whose profile was not submitted yet, and what it still lacks. */
export interface IncompleteProfile {
  staffId: string;
  firstName: string;
  lastName: string;
  /** required fields still empty; none: ready to submit */
  missing: string[];
  /** false until someone saves the profile for the first time */
  started: boolean;
}

/**
 * The clinic's active enrollments whose Application Status is Incomplete (public_profile_details,
 * read through RLS: admins and schedulers see their clinic's), by last name.
 */
export async function getIncompleteProfiles(
  orgId: string,
  signal?: AbortSignal,
): Promise<IncompleteProfile[]> {
  const query = supabase
    .from('public_profile_details')
    .select(
      'staff_id, first_name, last_name, professional_title, license_type, license_state, license_number, about_me, specialties, treatment_approaches, ages_served, session_formats, languages, updated_at',
    )
    .eq('org_id', orgId)
    .eq('enrollment_status', 'active')
    .is('submitted_at', null)
    .order('last_name')
    .order('first_name');
  const { data, error } = await (signal ? query.abortSignal(signal) : query);
  if (error) throw error;
  return data.map((row) => ({
    // a view: the generator types every column nullable; these come from the staff record
    staffId: row.staff_id ?? '',
    firstName: row.first_name ?? '',
    lastName: row.last_name ?? '',
    missing: missingProfileFields(row),
    started: row.updated_at !== null,
  }));
}

export const incompleteProfilesQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: homeKeys.incompleteProfiles(orgId),
    queryFn: ({ signal }) => getIncompleteProfiles(orgId, signal),
    staleTime: homeStaleTimeMs,
  });

export function useIncompleteProfiles(orgId: string, enabled = true) {
  return useQuery({ ...incompleteProfilesQueryOptions(orgId), enabled });
}
