import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateAfterRequestDecision } from '@/lib/query-keys';
import { supabase } from '@/lib/supabase';
import { declineSchema, type DeclineForm } from '../schemas';

export type Decision =
  { kind: 'confirm'; requestId: string } | { kind: 'decline'; requestId: string; form: DeclineForm };

/** Confirms or declines a request; the database refuses illegal or concurrent decisions with a message. */
export async function decideRequest(decision: Decision): Promise<void> {
  if (decision.kind === 'confirm') {
    const { error } = await supabase.rpc('confirm_referral_request', { request_id: decision.requestId });
    if (error) throw error;
    return;
  }
  const form = declineSchema.parse(decision.form);
  const { error } = await supabase.rpc('decline_referral_request', {
    request_id: decision.requestId,
    reason: form.reason,
    note: form.note || undefined,
  });
  if (error) throw error;
}

export function useDecideRequest(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideRequest,
    // decided or not, the queue, its count and the calendar may have changed (someone else may
    // have decided first)
    onSettled: () => invalidateAfterRequestDecision(queryClient, orgId),
  });
}
