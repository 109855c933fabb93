import { Button } from '@/components/ui/button';
import { formatAppointmentTime } from '@/lib/appointment-time';
import type { OfferedTime } from '../../../../supabase/functions/_shared/request-status.ts';
import styles from './request-status.module.css';

interface OfferedTimesListProps {
  times: OfferedTime[];
  canPick: boolean;
  /** The id of the time being picked right now, if any. */
  picking: string | null;
  onPick: (time: OfferedTime) => void;
}

const unavailable: Record<Exclude<OfferedTime['state'], 'open' | 'picked'>, string> = {
  lost: 'No longer available',
  not_picked: 'Not picked',
  expired: 'No longer held',
  withdrawn: 'No longer held',
};

/** The times the practice offered, each with one button that books it. */
export function OfferedTimesList({ times, canPick, picking, onPick }: OfferedTimesListProps) {
  return (
    <ul className={styles.offeredTimes}>
      {times.map((time) => {
        const when = formatAppointmentTime(time.starts_at, {
          officeTimeZone: time.time_zone,
          officeName: time.office_name,
        });
        const format = time.format === 'telehealth' ? 'Telehealth (video)' : 'In person';
        return (
          <li key={time.id} className={styles.offeredTime}>
            <div>
              <p className={styles.offeredWhen}>
                <time dateTime={time.starts_at}>{when}</time>
              </p>
              <p className={styles.offeredWho}>
                {time.therapist_name} · {format}
              </p>
            </div>
            {time.state === 'open' && canPick ? (
              <Button
                variant="primary"
                aria-label={`Pick ${when} with ${time.therapist_name}`}
                aria-disabled={picking !== null}
                onClick={() => picking === null && onPick(time)}
              >
                {picking === time.id ? 'Booking…' : 'Pick this time'}
              </Button>
            ) : time.state === 'picked' ? (
              <span className={styles.offeredState}>Booked</span>
            ) : time.state !== 'open' ? (
              <span className={styles.offeredState}>{unavailable[time.state]}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
