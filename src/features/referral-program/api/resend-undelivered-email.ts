import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Database } from '@/types/database.types';
import { referralProgramKeys } from '../keys';

type EmailStatus = Database['public']['Enums']['notification_status'];

/**
 * Resend: the database requeues the dead letter with a fresh 72-hour retry window and audits
 * it. Returns the email's status afterwards; a second click finds it queued (or sent) and
 * changes nothing, and the provider's idempotency key keeps it to one delivery.
 */
export async function resendUndeliveredEmail(emailId: string): Promise<EmailStatus> {
  const { data, error } = await supabase.rpc('resend_undelivered_email', { notification_id: emailId });
  if (error) throw error;
  return data;
}

export const resendUndeliveredEmailMutationOptions = (queryClient: QueryClient, orgId: string) =>
  mutationOptions({
    mutationKey: [...referralProgramKeys.undeliveredEmails(orgId), 'resend'],
    mutationFn: (emailId: string) => resendUndeliveredEmail(emailId),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: referralProgramKeys.undeliveredEmails(orgId) }),
  });

export function useResendUndeliveredEmail(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation(resendUndeliveredEmailMutationOptions(queryClient, orgId));
}
