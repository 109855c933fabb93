import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RequestStatusAnswer } from '../../../../supabase/functions/_shared/request-status.ts';
import { requestStatusKeys } from '../keys';
import { isStatusApiError } from '../lib/status-api-error';
import { statusPost } from './status-http';

export function getRequestStatus(token: string) {
  return statusPost<RequestStatusAnswer>('status', { token });
}

export const requestStatusQueryOptions = (token: string) =>
  queryOptions({
    queryKey: requestStatusKeys.status(token),
    queryFn: () => getRequestStatus(token),
    // an unknown or expired link stays so: no retries; a network failure may pass
    retry: (failures, error) =>
      !(isStatusApiError(error) && error.status > 0 && error.status < 500) && failures < 2,
    // the clinic may answer while the page is open
    refetchOnWindowFocus: true,
  });

export function useRequestStatus(token: string) {
  return useQuery(requestStatusQueryOptions(token));
}
