import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { scheduleKeys } from '../keys';
import type { AvailabilityBlockChanges } from '../schemas';

export interface UpdateAvailabilityBlockInput {
  orgId: string;
  staffId: string;
  blockId: string;
  block: AvailabilityBlockChanges;
}

/** Changes a block (never its therapist or clinic); refused when it would overlap another of theirs. */
export async function updateAvailabilityBlock({ orgId, blockId, block }: UpdateAvailabilityBlockInput) {
  const { data, error } = await supabase
    .from('availability_blocks')
    .update(block)
    .eq('org_id', orgId)
    .eq('id', blockId)
    .select('id');
  if (error) throw error;
  // RLS turns a change the viewer may not make into a change of nothing
  if (data.length === 0) throw new Error('This block no longer exists, or you may not change it.');
  return data[0];
}

export const updateAvailabilityBlockMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['schedule', 'update-availability-block'],
    mutationFn: updateAvailabilityBlock,
    onSuccess: (_data, { orgId, staffId }) =>
      queryClient.invalidateQueries({ queryKey: scheduleKeys.availability(orgId, staffId) }),
  });

export function useUpdateAvailabilityBlock() {
  return useMutation(updateAvailabilityBlockMutationOptions(useQueryClient()));
}
