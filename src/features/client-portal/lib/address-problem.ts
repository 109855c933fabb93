import { isPortalApiError } from './portal-api-error';

/** What the request page's API said about the address itself, when it is not a page to show. */
export type AddressProblem = 'clinic_not_found' | 'not_taking_requests' | 'therapist_unavailable';

export function addressProblem(error: unknown): AddressProblem | null {
  if (!isPortalApiError(error)) return null;
  if (error.code === 'clinic_not_found') return 'clinic_not_found';
  if (error.code === 'unknown_clinic') return 'not_taking_requests';
  if (error.code === 'unknown_therapist') return 'therapist_unavailable';
  return null;
}
