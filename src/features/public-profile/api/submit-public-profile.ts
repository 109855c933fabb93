import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { publicProfileKeys } from '../keys';
import { savePublicProfile, type SaveProfileInput } from './save-public-profile';

/** Submitting failed after the changes were saved: the draft is kept, only the submission is missing. */
export class ProfileNotSubmittedError extends Error {
  readonly code: string | undefined;
  constructor(cause: { message: string; code?: string }) {
    super(cause.message, { cause });
    this.name = 'ProfileNotSubmittedError';
    this.code = cause.code;
  }
}

/**
 * Submit Profile: saves the changes first, then asks the database to submit
 * (submit_public_profile: enrolled and active, every required field filled). Returns submitted_at.
 */
export async function submitPublicProfile(input: SaveProfileInput): Promise<string> {
  await savePublicProfile(input);
  const { data, error } = await supabase.rpc('submit_public_profile', { staff_id: input.staffId });
  if (error) throw new ProfileNotSubmittedError(error);
  return data;
}

export const submitPublicProfileMutationOptions = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: ['public-profile', 'submit'],
    mutationFn: submitPublicProfile,
    // Application Status shows beyond this tab (the program grid): refresh the organization's views
    onSettled: (_data, _error, input) =>
      queryClient.invalidateQueries({ queryKey: publicProfileKeys.org(input.orgId) }),
  });

export function useSubmitPublicProfile() {
  const queryClient = useQueryClient();
  return useMutation(submitPublicProfileMutationOptions(queryClient));
}
