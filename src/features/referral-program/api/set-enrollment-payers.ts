import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { setEnrollmentPayersSchema, type SetEnrollmentPayersValues } from '../schemas';
import { referralProgramKeys } from '../keys';

/** Edit: replaces the payers that may refer clients to an enrolled therapist (at least one), in one transaction. */
export async function setEnrollmentPayers(input: SetEnrollmentPayersValues): Promise<void> {
  const { enrollmentId, payerIds } = setEnrollmentPayersSchema.parse(input);
  const { error } = await supabase.rpc('set_enrollment_payers', {
    enrollment_id: enrollmentId,
    payer_ids: payerIds,
  });
  if (error) throw error;
}

export const setEnrollmentPayersMutationOptions = (queryClient: QueryClient, orgId: string) =>
  mutationOptions({
    mutationKey: [...referralProgramKeys.all(orgId), 'set-payers'],
    mutationFn: setEnrollmentPayers,
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralProgramKeys.grids(orgId) }),
  });

export function useSetEnrollmentPayers(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation(setEnrollmentPayersMutationOptions(queryClient, orgId));
}
