import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { EnrollmentNotFoundError } from '../lib/mutation-error-message';
import { referralProgramKeys } from '../keys';

/**
 * Deactivate: permanent. The database refuses any way back (reactivation, re-enrolment, payer
 * changes); the therapist leaves payer directories at once; pending requests stay for staff.
 */
export async function deactivateEnrollment({
  orgId,
  enrollmentId,
}: {
  orgId: string;
  enrollmentId: string;
}): Promise<void> {
  const { data, error } = await supabase
    .from('program_enrollments')
    .update({ status: 'deactivated' })
    .eq('org_id', orgId)
    .eq('id', enrollmentId)
    .select('id');
  if (error) throw error;
  // row-level security hides what the admin may not change: the update then matches nothing
  if (data.length === 0) throw new EnrollmentNotFoundError();
}

export const deactivateEnrollmentMutationOptions = (queryClient: QueryClient, orgId: string) =>
  mutationOptions({
    mutationKey: [...referralProgramKeys.all(orgId), 'deactivate'],
    mutationFn: (enrollmentId: string) => deactivateEnrollment({ orgId, enrollmentId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralProgramKeys.grids(orgId) }),
  });

export function useDeactivateEnrollment(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation(deactivateEnrollmentMutationOptions(queryClient, orgId));
}
