import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateAfterRequestDecision } from '@/lib/query-keys';
import { supabase } from '@/lib/supabase';
import { offeredTimes, type OfferTimesForm } from '../schemas';

/**
 * Offers the client other times: the request leaves the queue, the times are held for the
 * client, who is emailed a link to pick one. A time no longer open is refused with the reason.
 */
export async function offerTimes({ requestId, form }: { requestId: string; form: OfferTimesForm }) {
  const times = offeredTimes(form);
  const message = form.message.trim();
  const { data, error } = await supabase.rpc('offer_alternative_times', {
    request_id: requestId,
    times,
    message: message || undefined,
  });
  if (error) throw error;
  return data as string;
}

export function useOfferTimes(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: offerTimes,
    // the queue, its count and the open times all change, offered or refused
    onSettled: () => invalidateAfterRequestDecision(queryClient, orgId),
  });
}
