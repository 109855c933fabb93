import { formatSlotTime, groupSlotsByDay } from '../lib/slot-times';
import type { PortalSlot } from '../schemas';
import styles from './client-portal.module.css';
import { buttonClassName } from '@/components/ui/button';

interface SlotDayListProps {
  slots: readonly PortalSlot[];
  /** Names the list for assistive technology, e.g. "Open times with Priya Raman". */
  label: string;
  onChoose: (slot: PortalSlot) => void;
}

/** Open times grouped by the viewer's local day; each time is a button that chooses it. */
export function SlotDayList({ slots, label, onChoose }: SlotDayListProps) {
  const days = groupSlotsByDay(slots);
  return (
    <div role="group" aria-label={label} className={styles.portalSlotDays}>
      {days.map((day) => (
        <div key={day.day} role="group" aria-label={day.label}>
          <p className={styles.portalSlotDayLabel} aria-hidden="true">
            {day.label}
          </p>
          <ul className={styles.portalSlotList}>
            {day.slots.map((slot) => (
              <li key={slot.start}>
                <button
                  type="button"
                  className={`${styles.portalSlotButton} ${buttonClassName({ variant: 'secondary' })}`}
                  onClick={() => onChoose(slot)}
                >
                  <time dateTime={slot.start}>{formatSlotTime(slot.start)}</time>
                  <span className="visually-hidden">, {day.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
