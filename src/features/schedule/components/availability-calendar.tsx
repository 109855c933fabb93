import { memo, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Calendar, type EventProps, type SlotInfo, type ToolbarProps, type View } from 'react-big-calendar';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import { agendaLength, calendarViews, isCalendarView, type CalendarView } from '../lib/visible-range';
import { timeGridViews } from './time-grid';
import { formatDate, formatTimeRange } from '../lib/calendar-formats';
import { eventClassName, type CalendarEvent } from '../lib/calendar-events';
import type { TimeRange } from '@/lib/tstzrange';
import { intlLocalizer } from './calendar-localizer';
import { buttonClassName } from '@/components/ui/button';
import styles from './schedule.module.css';

const localizer = intlLocalizer();

// props that never change, made once: a week of hundreds of events is not re-rendered for nothing
// the day and week views are the app's own time grid; month and agenda are react-big-calendar's
const views = { ...timeGridViews, month: true, agenda: true };
const scrollToTime = new Date(1970, 0, 1, 7, 0);
const messages = {
  noEventsInRange: 'Nothing on this calendar in these dates.',
  showMore: (count: number) => `+${count} more`,
};
const eventProps = (event: CalendarEvent) => ({ className: eventClassName(event) });

const viewLabels: Record<CalendarView, string> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  agenda: 'Agenda',
};
const periodNames: Record<CalendarView, string> = {
  day: 'day',
  week: 'week',
  month: 'month',
  agenda: 'period',
};

interface AvailabilityCalendarProps {
  events: CalendarEvent[];
  view: CalendarView;
  date: Date;
  onView: (view: CalendarView) => void;
  onNavigate: (date: Date) => void;
  /** Lets a range be selected (dragged, or double-clicked) to create a block there. */
  onSelectRange?: (range: TimeRange) => void;
  onOpenEvent: (event: CalendarEvent) => void;
  /** Names the calendar for assistive technology. */
  label: string;
  /** The id of the text naming the time zone the calendar shows. */
  describedBy?: string;
}

/**
 * The react-big-calendar of one therapist: day, week, month and agenda. Memoized: it re-renders
 * when its props change (give it stable handlers), not whenever the page does.
 */
export const AvailabilityCalendar = memo(function AvailabilityCalendar({
  events,
  view,
  date,
  onView,
  onNavigate,
  onSelectRange,
  onOpenEvent,
  label,
  describedBy,
}: AvailabilityCalendarProps) {
  const handleSelectSlot = (slot: SlotInfo) => {
    // a single click on an empty slot is too easy to make by accident: drag or double-click
    if (slot.action === 'click' || !onSelectRange) return;
    onSelectRange({ start: slot.start, end: slot.end });
  };

  const handleKeyPressEvent = (event: CalendarEvent, e: SyntheticEvent<HTMLElement>) => {
    const { key } = e as KeyboardEvent<HTMLElement>;
    // the agenda's events are buttons, whose Enter is a click already
    if ((key === 'Enter' || key === ' ') && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      onOpenEvent(event);
    }
  };

  return (
    <div className={styles.scheduleCalendar} role="region" aria-label={label} aria-describedby={describedBy}>
      <Calendar<CalendarEvent>
        localizer={localizer}
        events={events}
        view={view}
        views={views}
        date={date}
        length={agendaLength}
        onView={(next: View) => {
          if (isCalendarView(next)) onView(next);
        }}
        onNavigate={(next: Date) => onNavigate(next)}
        selectable={onSelectRange !== undefined}
        onSelectSlot={handleSelectSlot}
        onSelectEvent={(event) => onOpenEvent(event)}
        onKeyPressEvent={handleKeyPressEvent}
        eventPropGetter={eventProps}
        components={calendarComponents}
        scrollToTime={scrollToTime}
        messages={messages}
        popup
      />
    </div>
  );
});

/** The parts of react-big-calendar the app draws itself (the functions below). */
const calendarComponents = {
  toolbar: CalendarToolbar,
  month: { event: MonthEvent },
  agenda: { event: AgendaEvent },
};

/** Today, previous and next, the range shown (announced as it changes), and the views as toggle buttons. */
function CalendarToolbar({ label, onNavigate, onView, view }: ToolbarProps<CalendarEvent>) {
  const current = isCalendarView(view) ? view : 'week';
  return (
    <div className={styles.calendarToolbar}>
      <div className={styles.calendarToolbarGroup} role="group" aria-label="Dates">
        <button
          type="button"
          className={buttonClassName({ variant: 'secondary' })}
          onClick={() => onNavigate('TODAY')}
        >
          Today
        </button>
        <button
          type="button"
          className={buttonClassName({ variant: 'secondary' })}
          onClick={() => onNavigate('PREV')}
        >
          Previous {periodNames[current]}
        </button>
        <button
          type="button"
          className={buttonClassName({ variant: 'secondary' })}
          onClick={() => onNavigate('NEXT')}
        >
          Next {periodNames[current]}
        </button>
      </div>
      <p className="calendar-range-label" aria-live="polite">
        {label}
      </p>
      <div className={styles.calendarToolbarGroup} role="group" aria-label="View">
        {calendarViews.map((name) => (
          <button
            key={name}
            type="button"
            className={buttonClassName({ variant: 'secondary' })}
            aria-pressed={name === current}
            onClick={() => onView(name)}
          >
            {viewLabels[name]}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * An event in the month view: text, opened by a click. The month grid is a table whose rows may
 * hold only cells, so its events are not tab stops; from the keyboard, a day's number opens that
 * day, and the day, week and agenda views open every event.
 */
function MonthEvent({ event }: EventProps<CalendarEvent>) {
  return (
    <>
      <span className="visually-hidden">{formatDate(event.start, 'fullDate')}, </span>
      {formatDate(event.start, 'time')} {event.title}
    </>
  );
}

/** An event in the agenda: a button, whose click reaches the row cell that opens it. */
function AgendaEvent({ event }: EventProps<CalendarEvent>) {
  return (
    <button type="button" className={styles.calendarEventButton}>
      <span className="visually-hidden">
        {formatDate(event.start, 'fullDate')}, {formatTimeRange(event.start, event.end)}:{' '}
      </span>
      {event.title}
    </button>
  );
}
