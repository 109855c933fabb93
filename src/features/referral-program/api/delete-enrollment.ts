import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { EnrollmentNotFoundError } from '../lib/mutation-error-message';
import { referralProgramKeys } from '../keys';

/**
 * Delete: removes an enrollment whose application is still Incomplete (the database refuses it
 * otherwise, with a sentence for people). The therapist can be added again afterwards.
 */
export async function deleteEnrollment({
  orgId,
  enrollmentId,
}: {
  orgId: string;
  enrollmentId: string;
}): Promise<void> {
  const { data, error } = await supabase
    .from('program_enrollments')
    .delete()
    .eq('org_id', orgId)
    .eq('id', enrollmentId)
    .select('id');
  if (error) throw error;
  if (data.length === 0) throw new EnrollmentNotFoundError();
}

export const deleteEnrollmentMutationOptions = (queryClient: QueryClient, orgId: string) =>
  mutationOptions({
    mutationKey: [...referralProgramKeys.all(orgId), 'delete'],
    mutationFn: (enrollmentId: string) => deleteEnrollment({ orgId, enrollmentId }),
    // the grid loses the row; the therapist can be added again
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: referralProgramKeys.grids(orgId) }),
        queryClient.invalidateQueries({ queryKey: referralProgramKeys.candidates(orgId) }),
      ]),
  });

export function useDeleteEnrollment(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation(deleteEnrollmentMutationOptions(queryClient, orgId));
}
