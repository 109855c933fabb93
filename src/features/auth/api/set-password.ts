import { mutationOptions, useMutation } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { SetPasswordValues } from '../schemas';

/** Sets the signed-in user's password (after an invitation or recovery link). */
export async function setPassword({ password }: Pick<SetPasswordValues, 'password'>) {
  const { data, error } = await supabase.auth.updateUser({ password });
  if (error) throw error;
  return data.user;
}

export const setPasswordMutationOptions = () =>
  mutationOptions({ mutationKey: ['auth', 'set-password'], mutationFn: setPassword });

export function useSetPassword() {
  return useMutation(setPasswordMutationOptions());
}
