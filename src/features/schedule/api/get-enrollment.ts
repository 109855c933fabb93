import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { scheduleKeys } from '../keys';

/** A staff member's Client Referral Program enrollment (one per person, ever), or null when they were never enrolled. */
export async function getEnrollment(orgId: string, staffId: string, signal?: AbortSignal) {
  const query = supabase
    .from('program_enrollments')
    .select('id, status')
    .eq('org_id', orgId)
    .eq('staff_id', staffId);
  const { data, error } = await (signal ? query.abortSignal(signal) : query).maybeSingle();
  if (error) throw error;
  return data;
}

export const enrollmentQueryOptions = (orgId: string, staffId: string) =>
  queryOptions({
    queryKey: scheduleKeys.enrollment(orgId, staffId),
    queryFn: ({ signal }) => getEnrollment(orgId, staffId, signal),
  });

export function useEnrollment(orgId: string, staffId: string | null) {
  return useQuery({ ...enrollmentQueryOptions(orgId, staffId ?? ''), enabled: staffId !== null });
}
