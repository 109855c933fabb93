import { eventKindOrder, eventKinds } from '../lib/calendar-events';
import styles from './schedule.module.css';

/** What each kind of event looks like on the calendar; every event also says its kind in words. */
export function CalendarLegend() {
  return (
    <ul className={styles.calendarLegend} aria-label="Legend">
      {eventKindOrder.map((kind) => (
        <li key={kind}>
          <span className={`${styles.calendarLegendSwatch} calendar-event-${kind}`} aria-hidden="true" />
          <span>
            <strong>{eventKinds[kind].label}</strong>: {eventKinds[kind].legend}
          </span>
        </li>
      ))}
    </ul>
  );
}
