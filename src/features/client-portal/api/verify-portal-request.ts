import { mutationOptions, useMutation } from '@tanstack/react-query';
import { clientPortalKeys } from '../keys';
import type { PortalRequestVerified } from '../schemas';
import { portalFetch } from './portal-http';

/** Sends the token from the verification email; 200 → the request is pending at the clinic. */
export function verifyPortalRequest(clinicSlug: string, token: string) {
  return portalFetch<PortalRequestVerified>(`clinics/${encodeURIComponent(clinicSlug)}/requests/verify`, {
    method: 'POST',
    body: { token },
  });
}

export const verifyPortalRequestMutationOptions = (clinicSlug: string) =>
  mutationOptions({
    mutationKey: [...clientPortalKeys.all(clinicSlug), 'verify-request'],
    mutationFn: (token: string) => verifyPortalRequest(clinicSlug, token),
  });

export function useVerifyPortalRequest(clinicSlug: string) {
  return useMutation(verifyPortalRequestMutationOptions(clinicSlug));
}
