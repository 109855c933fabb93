import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { referralProgramKeys } from '../keys';

export interface EnrollmentCandidate {
  id: string;
  firstName: string;
  lastName: string;
}

/**
 * Who Add Staff offers: the clinic's active therapists who were never enrolled (a deactivated one
 * can never be added again), by last then first name. One request: an anti-join on the enrollment.
 */
export async function getEnrollmentCandidates(
  orgId: string,
  signal?: AbortSignal,
): Promise<EnrollmentCandidate[]> {
  const query = supabase
    .from('staff_members')
    .select('id, first_name, last_name, program_enrollments(id)')
    .eq('org_id', orgId)
    .eq('is_active', true)
    .contains('roles', ['therapist'])
    .is('program_enrollments', null)
    .order('last_name', { ascending: true })
    .order('first_name', { ascending: true });
  const { data, error } = await (signal ? query.abortSignal(signal) : query);
  if (error) throw error;
  return data.map((staff) => ({ id: staff.id, firstName: staff.first_name, lastName: staff.last_name }));
}

export const enrollmentCandidatesQueryOptions = (orgId: string) =>
  queryOptions({
    queryKey: referralProgramKeys.candidates(orgId),
    queryFn: ({ signal }) => getEnrollmentCandidates(orgId, signal),
    // the list changes whenever someone enrols staff: ask again each time the dialog opens
    staleTime: 0,
  });

export function useEnrollmentCandidates(orgId: string) {
  return useQuery(enrollmentCandidatesQueryOptions(orgId));
}
