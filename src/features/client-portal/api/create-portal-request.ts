import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { clientPortalKeys } from '../keys';
import { useDirectoryCache, type DirectoryCache } from './directory-cache';
import { isPortalApiError } from '../lib/portal-api-error';
import type { PortalRequestBody, PortalRequestCreated } from '../schemas';
import { portalFetch } from './portal-http';

export interface CreatePortalRequestVariables {
  body: PortalRequestBody;
  /** The same key for every retry of one submission (see lib/idempotency). */
  idempotencyKey: string;
  /** The CAPTCHA's token, when the CAPTCHA is switched on; not part of the request itself. */
  captchaToken?: string | null;
}

/** Sends a prospective client's appointment request; 201 → unverified until the emailed link is followed by expires_at. */
export function createPortalRequest(
  clinicSlug: string,
  { body, idempotencyKey, captchaToken }: CreatePortalRequestVariables,
) {
  return portalFetch<PortalRequestCreated>(`clinics/${encodeURIComponent(clinicSlug)}/requests`, {
    method: 'POST',
    body: captchaToken ? { ...body, captcha_token: captchaToken } : body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export const createPortalRequestMutationOptions = (
  clinicSlug: string,
  queryClient: QueryClient,
  directories: DirectoryCache,
) =>
  mutationOptions({
    mutationKey: [...clientPortalKeys.all(clinicSlug), 'create-request'],
    mutationFn: (variables: CreatePortalRequestVariables) => createPortalRequest(clinicSlug, variables),
    onSettled: (_data, error) => {
      // a sent request holds its time; a refused one may mean the open times changed
      if (
        !error ||
        (isPortalApiError(error) &&
          ['slot_not_open', 'slot_in_past', 'unknown_therapist'].includes(error.code))
      ) {
        directories.invalidate(clinicSlug);
        void queryClient.invalidateQueries({ queryKey: clientPortalKeys.allSlots(clinicSlug) });
      }
    },
  });

export function useCreatePortalRequest(clinicSlug: string) {
  const queryClient = useQueryClient();
  const directories = useDirectoryCache();
  return useMutation(createPortalRequestMutationOptions(clinicSlug, queryClient, directories));
}
