import { mutationOptions, useMutation } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { SignInValues } from '../schemas';

/** Signs in with email and password; supabase-js stores the session and emits SIGNED_IN. */
export async function signIn({ email, password }: SignInValues) {
  const { data, error } = await supabase.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return data.session;
}

export const signInMutationOptions = () =>
  mutationOptions({ mutationKey: ['auth', 'sign-in'], mutationFn: signIn });

export function useSignIn() {
  return useMutation(signInMutationOptions());
}
