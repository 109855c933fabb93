import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { scheduleKeys } from '../keys';
import type { AvailabilityBlockChanges } from '../schemas';

export interface CreateAvailabilityBlockInput {
  orgId: string;
  staffId: string;
  block: AvailabilityBlockChanges;
}

/** Adds a block to a therapist's availability; the database expands it and refuses overlaps. */
export async function createAvailabilityBlock({ orgId, staffId, block }: CreateAvailabilityBlockInput) {
  const { data, error } = await supabase
    .from('availability_blocks')
    .insert({ org_id: orgId, staff_id: staffId, ...block })
    .select('id')
    .single();
  if (error) throw error;
  return data;
}

export const createAvailabilityBlockMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['schedule', 'create-availability-block'],
    mutationFn: createAvailabilityBlock,
    onSuccess: (_data, { orgId, staffId }) =>
      queryClient.invalidateQueries({ queryKey: scheduleKeys.availability(orgId, staffId) }),
  });

export function useCreateAvailabilityBlock() {
  return useMutation(createAvailabilityBlockMutationOptions(useQueryClient()));
}
