import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestStatusKeys } from '../keys';
import { statusPost } from './status-http';

/** Withdraws the request behind the link (pending, or with times offered); a second time is a success. */
export function withdrawRequest(token: string) {
  return statusPost<{ state: 'withdrawn' }>('status/withdraw', { token });
}

/** Picks one of the offered times: it is confirmed at once, or refused when it was taken meanwhile. */
export function pickOfferedTime(token: string, offeredTimeId: string) {
  return statusPost<{ state: 'confirmed' }>('status/pick', { token, offered_time_id: offeredTimeId });
}

/** Both changes; whatever the answer, the page reads the request again (it may have changed meanwhile). */
export function useChangeRequest(token: string) {
  const queryClient = useQueryClient();
  const settled = () => queryClient.invalidateQueries({ queryKey: requestStatusKeys.status(token) });
  const withdraw = useMutation({
    mutationKey: [...requestStatusKeys.status(token), 'withdraw'],
    mutationFn: () => withdrawRequest(token),
    onSettled: settled,
  });
  const pick = useMutation({
    mutationKey: [...requestStatusKeys.status(token), 'pick'],
    mutationFn: (offeredTimeId: string) => pickOfferedTime(token, offeredTimeId),
    onSettled: settled,
  });
  return { withdraw, pick };
}
