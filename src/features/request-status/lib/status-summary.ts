/**
 * What the status page says about a request, in words, and what the client may do with it: a
 * pure rule (architecture §5.5), unit-tested; the page only reads it.
 */
import { formatAppointmentTime } from '@/lib/appointment-time';
import type { StatusOfRequest } from '../../../../supabase/functions/_shared/request-status.ts';

export type SummaryTone = 'info' | 'success' | 'warning' | 'neutral';

export interface StatusSummary {
  /** The state as a badge word. */
  badge: string;
  title: string;
  detail: string;
  tone: SummaryTone;
  canWithdraw: boolean;
  canPick: boolean;
}

export function statusSummary(
  request: StatusOfRequest,
  practice: string,
  now: Date,
  viewerTimeZone?: string | null,
): StatusSummary {
  const open = Date.parse(request.expires_at) > now.getTime();
  const deadline = formatAppointmentTime(request.expires_at, {
    officeTimeZone: request.time_zone,
    viewerTimeZone,
  });
  const base = { canWithdraw: false, canPick: false };
  switch (request.state) {
    case 'pending':
      return {
        ...base,
        badge: 'Waiting for an answer',
        title: `Waiting for ${practice}’s answer`,
        detail: open
          ? `${practice} will confirm or decline your request by ${deadline}. We’ll email you their answer.`
          : `The time for ${practice} to answer is over; the request is expiring.`,
        tone: 'info',
        canWithdraw: open,
      };
    case 'alternatives_offered':
      return {
        ...base,
        badge: 'Other times offered',
        title: `${practice} offered you other times`,
        detail: open
          ? `The time you asked for is not available. Pick one of these times by ${deadline}; until then they are held for you.`
          : 'The offered times are no longer held for you.',
        tone: 'warning',
        canWithdraw: open,
        canPick: open,
      };
    case 'confirmed':
      return {
        ...base,
        badge: 'Confirmed',
        title: 'Your appointment is confirmed',
        detail: `To change or cancel it, please contact ${practice} directly.`,
        tone: 'success',
      };
    case 'declined':
      return {
        ...base,
        badge: 'Declined',
        title: `${practice} could not accept this request`,
        detail: 'You are welcome to request another time or another therapist.',
        tone: 'neutral',
      };
    case 'expired':
      return {
        ...base,
        badge: 'Expired',
        title:
          request.expiry_cause === 'offer_expired'
            ? 'The offered times are no longer held'
            : 'This request was not answered in time',
        detail:
          request.expiry_cause === 'offer_expired'
            ? 'No time was picked before the offer ended. You are welcome to request another time.'
            : request.expiry_cause === 'slot_started'
              ? `${practice} did not answer before the requested time began. You are welcome to request another time.`
              : `${practice} did not answer within 48 hours. You are welcome to request another time.`,
        tone: 'neutral',
      };
    case 'withdrawn':
      return {
        ...base,
        badge: 'Withdrawn',
        title: request.withdrawn_by_client ? 'You withdrew this request' : 'This request was withdrawn',
        detail: request.withdrawn_by_client
          ? 'The time is no longer held for you. You are welcome to request another time.'
          : `${practice} can no longer offer this appointment. You are welcome to request another time or therapist.`,
        tone: 'neutral',
      };
    default:
      return {
        ...base,
        badge: 'Not sent yet',
        title: 'Confirm your email first',
        detail: 'Open the confirmation link in the email we sent you to send the request to the practice.',
        tone: 'info',
      };
  }
}

/** "In person at Main Office, 1 Main Street, Boston, MA 02116" or "Telehealth (video)". */
export function formatInWords(request: Pick<StatusOfRequest, 'format' | 'office_name' | 'office_address'>) {
  if (request.format === 'telehealth') return 'Telehealth (video)';
  return ['In person', request.office_name ? `at ${request.office_name}` : null]
    .filter(Boolean)
    .join(' ')
    .concat(request.office_address ? `, ${request.office_address}` : '');
}
