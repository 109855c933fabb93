import { formatAppointmentTime } from '@/lib/appointment-time';
import type { PendingRequest } from '../api/get-pending-requests';
import { timeLeft } from '@/lib/time-left';
import styles from './home.module.css';

interface RequestListProps {
  label: string;
  requests: readonly PendingRequest[];
  now: Date;
  /** false on a therapist's own list: every request is theirs */
  showTherapist: boolean;
}

/** Pending requests, each with its time left (Soon and Urgent ones say so in words), who asked, for whom and when. */
export function RequestList({ label, requests, now, showTherapist }: RequestListProps) {
  return (
    <ul className={styles.items} aria-label={label}>
      {requests.map((request) => {
        const left = timeLeft(request.expires_at, now);
        return (
          <li key={request.id} className={styles.item}>
            <span className={styles.itemTitle}>
              <span>
                {request.first_name} {request.last_name}
              </span>
              <span
                className={
                  left.urgency === 'normal' ? styles.timeLeft : `${styles.timeLeft} ${styles.urgent}`
                }
              >
                {left.label}
              </span>
            </span>
            <p className={styles.detail}>
              {showTherapist ? `With ${request.therapist_first_name} ${request.therapist_last_name}, ` : ''}
              <time dateTime={request.slot_start}>
                {formatAppointmentTime(request.slot_start, {
                  officeTimeZone: request.time_zone,
                  officeName: request.location_name,
                })}
              </time>{' '}
              · {request.source_label}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
