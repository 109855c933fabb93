/** What the request form says and does when the API refuses a request (pure: the form only reads it). */
import type { PortalRequestField } from '../schemas';
import { isPortalApiError } from './portal-api-error';

export type RequestProblem =
  /** Someone else just took the time (409), or it has started meanwhile (422): choose another. */
  | { kind: 'slot_taken'; reason: 'taken' | 'past' }
  /** A field the server refused (422), shown next to that field. */
  | { kind: 'field'; field: PortalRequestField; message: string }
  | { kind: 'rate_limited'; seconds: number }
  /** The therapist no longer takes requests here (404). */
  | { kind: 'therapist_unavailable' }
  /** The clinic stopped taking online requests (404). */
  | { kind: 'clinic_unavailable' }
  | { kind: 'general'; message: string };

const formFields: readonly PortalRequestField[] = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'date_of_birth',
  'member_id',
  'note',
  'insurance_payer_id',
  'session_format',
  'requested_by_guardian',
];
const isFormField = (field: string | null): field is PortalRequestField =>
  formFields.includes(field as PortalRequestField);

/** Used when a 429 comes without Retry-After. */
export const defaultRetrySeconds = 60;

export function requestProblem(error: unknown): RequestProblem {
  if (!isPortalApiError(error)) {
    return {
      kind: 'general',
      message: 'Something went wrong and the request was not sent. Please try again.',
    };
  }
  switch (error.code) {
    case 'slot_not_open':
      return { kind: 'slot_taken', reason: 'taken' };
    case 'slot_in_past':
      return { kind: 'slot_taken', reason: 'past' };
    case 'rate_limited':
      return { kind: 'rate_limited', seconds: error.retryAfterSeconds ?? defaultRetrySeconds };
    case 'unknown_therapist':
      return { kind: 'therapist_unavailable' };
    case 'unknown_clinic':
      return { kind: 'clinic_unavailable' };
    // the schema's refusals, and the database's checks of the person's choices: ages served, a
    // parent or guardian, format, insurance
    case 'validation_failed':
    case 'outside_ages_served':
    case 'guardian_required':
    case 'session_format_not_offered':
    case 'insurance_not_taken':
      if (isFormField(error.field)) return { kind: 'field', field: error.field, message: error.message };
      return { kind: 'general', message: error.message };
    case 'network_error':
      return {
        kind: 'general',
        message: `${error.message} Check your connection, then select Send request again: the clinic gets your request only once.`,
      };
    default:
      return error.status >= 500
        ? {
            kind: 'general',
            message: 'The clinic’s request service had a problem and nothing was saved. Please try again.',
          }
        : { kind: 'general', message: error.message };
  }
}
