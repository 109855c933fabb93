import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { ProfileDraft } from '../schemas';
import { publicProfileKeys } from '../keys';

export interface SaveProfileInput {
  orgId: string;
  staffId: string;
  /** Whether the profile row exists yet (the first save creates it). */
  saved: boolean;
  /** Validated values of the fields the viewer may write, and only those (an admin never sends therapist-only keys). */
  changes: Partial<ProfileDraft>;
}

const uniqueViolation = '23505';

async function updateProfile({ orgId, staffId, changes }: SaveProfileInput): Promise<void> {
  const { data, error } = await supabase
    .from('public_profiles')
    .update(changes)
    .eq('org_id', orgId)
    .eq('staff_id', staffId)
    .select('staff_id');
  if (error) throw error;
  // RLS hides rows the viewer may not edit: the update then matches nothing
  if (data.length === 0) throw new Error('This profile was not saved: you cannot edit it.');
}

/**
 * Save (a draft, or changes to a submitted profile): creates the profile row on the first save,
 * updates it afterwards. If someone else created it meanwhile, the insert's conflict turns into an update.
 */
export async function savePublicProfile(input: SaveProfileInput): Promise<void> {
  if (input.saved) return updateProfile(input);
  const { error } = await supabase
    .from('public_profiles')
    .insert({ staff_id: input.staffId, org_id: input.orgId, ...input.changes });
  if (error?.code === uniqueViolation) return updateProfile(input);
  if (error) throw error;
}

export async function invalidateProfile(queryClient: QueryClient, orgId: string, staffId: string) {
  await queryClient.invalidateQueries({ queryKey: publicProfileKeys.detail(orgId, staffId) });
}

export const savePublicProfileMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['public-profile', 'save'],
    mutationFn: savePublicProfile,
    onSettled: (_data, _error, input) => invalidateProfile(queryClient, input.orgId, input.staffId),
  });

export function useSavePublicProfile() {
  const queryClient = useQueryClient();
  return useMutation(savePublicProfileMutationOptions(queryClient));
}
