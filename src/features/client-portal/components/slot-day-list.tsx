import { Link } from '@/lib/public-router/router';
import { formatSlotTime, groupSlotsByDay } from '../lib/slot-times';
import type { PortalSlot } from '../schemas';
import styles from './client-portal.module.css';
import stepStyles from './client-portal-steps.module.css';
import { buttonClassName } from '@/components/ui/button';

interface SlotDayListProps {
  slots: readonly PortalSlot[];
  /** Names the list for assistive technology, e.g. "Open times with Priya Raman". */
  label: string;
  /** The details step's address for a time: choosing a time is going to that step. */
  hrefOf: (slot: PortalSlot) => string;
}

/**
 * Open times grouped by day in their office's time zone (each time names the zone); each time is
 * a link to the details step with that time.
 */
export function SlotDayList({ slots, label, hrefOf }: SlotDayListProps) {
  const timeZone = slots[0]?.time_zone;
  const days = groupSlotsByDay(slots, { timeZone });
  return (
    <div role="group" aria-label={label} className={stepStyles.portalSlotDays}>
      {days.map((day) => (
        <div key={day.day} role="group" aria-label={day.label}>
          <p className={stepStyles.portalSlotDayLabel} aria-hidden="true">
            {day.label}
          </p>
          <ul className={styles.portalSlotList}>
            {day.slots.map((slot) => (
              <li key={slot.start}>
                <Link
                  className={`${styles.portalSlotButton} ${buttonClassName({ variant: 'secondary' })}`}
                  to={hrefOf(slot)}
                >
                  <time dateTime={slot.start}>
                    {formatSlotTime(slot.start, { timeZone: slot.time_zone })}
                  </time>
                  <span className="visually-hidden">
                    , {day.label}, {slot.office_name}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
