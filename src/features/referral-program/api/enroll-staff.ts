import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { enrollStaffSchema, type EnrollStaffInput } from '../schemas';
import { referralProgramKeys } from '../keys';

/**
 * Add Staff: enrols a therapist with the payers that may refer clients to them, in one transaction
 * (`enroll_staff`); the database queues the therapist's invitation email. Returns the enrollment id.
 */
export async function enrollStaff(input: EnrollStaffInput): Promise<string> {
  const { staffId, payerIds } = enrollStaffSchema.parse(input);
  const { data, error } = await supabase.rpc('enroll_staff', { staff_id: staffId, payer_ids: payerIds });
  if (error) throw error;
  return data;
}

export const enrollStaffMutationOptions = (queryClient: QueryClient, orgId: string) =>
  mutationOptions({
    mutationKey: [...referralProgramKeys.all(orgId), 'enroll-staff'],
    mutationFn: enrollStaff,
    // refused or not, the grid and who can still be added may have changed
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: referralProgramKeys.grids(orgId) }),
        queryClient.invalidateQueries({ queryKey: referralProgramKeys.candidates(orgId) }),
      ]),
  });

export function useEnrollStaff(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation(enrollStaffMutationOptions(queryClient, orgId));
}
