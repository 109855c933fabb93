import { eventKindOrder, eventKinds } from '../lib/calendar-events';

/** What each kind of event looks like on the calendar; every event also says its kind in words. */
export function CalendarLegend() {
  return (
    <ul className="calendar-legend" aria-label="Legend">
      {eventKindOrder.map((kind) => (
        <li key={kind}>
          <span className={`calendar-legend-swatch calendar-event-${kind}`} aria-hidden="true" />
          <span>
            <strong>{eventKinds[kind].label}</strong>: {eventKinds[kind].legend}
          </span>
        </li>
      ))}
    </ul>
  );
}
