import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { scheduleKeys } from '../keys';

export interface DeleteAvailabilityBlockInput {
  orgId: string;
  staffId: string;
  blockId: string;
}

/** Removes a block and every occurrence of it. */
export async function deleteAvailabilityBlock({ orgId, blockId }: DeleteAvailabilityBlockInput) {
  const { data, error } = await supabase
    .from('availability_blocks')
    .delete()
    .eq('org_id', orgId)
    .eq('id', blockId)
    .select('id');
  if (error) throw error;
  if (data.length === 0) throw new Error('This block no longer exists, or you may not remove it.');
  return data[0];
}

export const deleteAvailabilityBlockMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['schedule', 'delete-availability-block'],
    mutationFn: deleteAvailabilityBlock,
    onSuccess: (_data, { orgId, staffId }) =>
      queryClient.invalidateQueries({ queryKey: scheduleKeys.availability(orgId, staffId) }),
  });

export function useDeleteAvailabilityBlock() {
  return useMutation(deleteAvailabilityBlockMutationOptions(useQueryClient()));
}
