import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Enums } from '@/types/database.types';
import { scheduleKeys } from '../keys';

/** A staff member's program enrollment and what decides whether requests can reach their blocks. */
export interface ScheduleEnrollment {
  id: string;
  status: Enums<'enrollment_status'>;
  /** Payers that may refer to them. */
  payerCount: number;
  /** Whether their public profile was submitted (Application Status Completed). */
  profileSubmitted: boolean;
}

/** A staff member's Client Referral Program enrollment (one per person, ever), or null when they were never enrolled. */
export async function getEnrollment(
  orgId: string,
  staffId: string,
  signal?: AbortSignal,
): Promise<ScheduleEnrollment | null> {
  const enrollmentQuery = supabase
    .from('program_enrollments')
    .select('id, status, enrollment_payers(count)')
    .eq('org_id', orgId)
    .eq('staff_id', staffId);
  const profileQuery = supabase
    .from('public_profiles')
    .select('submitted_at')
    .eq('org_id', orgId)
    .eq('staff_id', staffId);
  const [enrollment, profile] = await Promise.all([
    (signal ? enrollmentQuery.abortSignal(signal) : enrollmentQuery).maybeSingle(),
    (signal ? profileQuery.abortSignal(signal) : profileQuery).maybeSingle(),
  ]);
  if (enrollment.error) throw enrollment.error;
  if (profile.error) throw profile.error;
  if (!enrollment.data) return null;
  return {
    id: enrollment.data.id,
    status: enrollment.data.status,
    payerCount: enrollment.data.enrollment_payers[0]?.count ?? 0,
    profileSubmitted: Boolean(profile.data?.submitted_at),
  };
}

export const enrollmentQueryOptions = (orgId: string, staffId: string) =>
  queryOptions({
    queryKey: scheduleKeys.enrollment(orgId, staffId),
    queryFn: ({ signal }) => getEnrollment(orgId, staffId, signal),
  });

export function useEnrollment(orgId: string, staffId: string | null) {
  return useQuery({ ...enrollmentQueryOptions(orgId, staffId ?? ''), enabled: staffId !== null });
}
