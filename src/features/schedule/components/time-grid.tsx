/**
 * The day and week views: react-big-calendar custom views (its toolbar, navigation and other views
 * stay). react-big-calendar's own time grid draws every event as six elements and every half hour
 * of every day as two, and measures them; a week of 500 appointments took seconds to show on a slow
 * machine. Here an event is one button with one line of text, hours are drawn by the stylesheet,
 * events sit by percentages, and only the events of the hours in view (and half an hour either
 * side) are drawn until the keyboard enters the grid. Screen-reader users who browse rather than
 * tab have every event in the agenda view.
 */
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type MouseEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import type { DateLocalizer, NavigateAction, SlotInfo } from 'react-big-calendar';
import { formatDate, formatDateRange, formatTimeOfDay, formatTimeRange } from '../lib/calendar-formats';
import { eventClassName, type CalendarEvent } from '../lib/calendar-events';
import {
  atMinute,
  layoutDay,
  minutesInView,
  minutesPerDay,
  selectedMinutes,
  selectedRange,
  slotAt,
  slotMinutes,
  type MinutesShown,
  type PlacedEvent,
} from '../lib/time-grid-layout';
import { visibleRange, type CalendarView } from '../lib/visible-range';
import { afterNextPaint } from '@/lib/after-next-paint';
import styles from './schedule.module.css';

/** What react-big-calendar hands a view, as far as the time grid uses it. */
interface ViewProps {
  events: CalendarEvent[];
  date: Date;
  localizer: DateLocalizer;
  getNow: () => Date;
  selectable?: boolean | 'ignoreEvents';
  onSelectEvent: (event: CalendarEvent, e: MouseEvent<HTMLElement>) => void;
  onSelectSlot: (slot: SlotInfo) => void;
  scrollToTime?: Date;
}

const hours = Array.from({ length: 24 }, (_, hour) => hour);
const noEvents: PlacedEvent<CalendarEvent>[] = [];

/** The local days `view` shows around `date`. */
function daysOf(view: 'day' | 'week', date: Date): Date[] {
  const { start } = visibleRange(view, date);
  const count = view === 'day' ? 1 : 7;
  return Array.from(
    { length: count },
    (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i),
  );
}

function moveBy(view: 'day' | 'week', date: Date, action: NavigateAction): Date {
  const days = view === 'day' ? 1 : 7;
  const sign = action === 'PREV' ? -1 : action === 'NEXT' ? 1 : 0;
  return sign === 0 ? date : new Date(date.getFullYear(), date.getMonth(), date.getDate() + sign * days);
}

/** A react-big-calendar view (component plus its static range, navigate and title) over the time grid. */
function timeGridView(view: 'day' | 'week') {
  function TimeGridView(props: ViewProps) {
    const start = visibleRange(view, props.date).start.getTime();
    // the days change only when the range's first day does
    const days = useMemo(() => daysOf(view, new Date(start)), [start]);
    return <TimeGrid {...props} days={days} />;
  }
  return Object.assign(TimeGridView, {
    range: (date: Date) => daysOf(view, date),
    navigate: (date: Date, action: NavigateAction) => moveBy(view, date, action),
    // the toolbar's label, in the formats react-big-calendar's own day and week views are given
    title: (date: Date) => {
      const { start, end } = visibleRange(view, date);
      const lastDay = new Date(end.getFullYear(), end.getMonth(), end.getDate() - 1);
      return view === 'day' ? formatDate(date, 'fullDate') : formatDateRange(start, lastDay);
    },
  });
}

export const DayView = timeGridView('day');
export const WeekView = timeGridView('week');
export const timeGridViews = { day: DayView, week: WeekView } satisfies Partial<
  Record<CalendarView, unknown>
>;

interface TimeGridProps extends ViewProps {
  days: Date[];
}

function TimeGrid({
  events,
  days,
  localizer,
  getNow,
  selectable,
  onSelectEvent,
  onSelectSlot,
  scrollToTime,
}: TimeGridProps) {
  const placedByDay = useMemo(() => days.map((day) => layoutDay(events, day)), [events, days]);
  const now = useNow(getNow);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();

  const bodyRef = useRef<HTMLDivElement>(null);
  const shown = useMinutesShown(bodyRef, scrollToTime);
  const shownByDay = useMemo(
    () =>
      shown === 'all'
        ? placedByDay
        : placedByDay.map((placed) =>
            placed.filter((p) => p.toMinute > shown.from && p.fromMinute < shown.to),
          ),
    [placedByDay, shown],
  );

  const columns = { '--time-grid-days': days.length, '--time-grid-hour': `${hourRem}rem` } as CSSProperties;
  return (
    <div className={styles.timeGrid} style={columns}>
      <div className={styles.timeGridHeader} aria-hidden="true">
        <span />
        {days.map((day) => (
          <span key={day.getTime()} className={day.getTime() === today ? styles.timeGridToday : undefined}>
            {localizer.format(day, 'dayFormat')}
          </span>
        ))}
      </div>
      {/* a keyboard must reach this scrolling region even when it holds no event to tab to */}
      <div ref={bodyRef} className="time-grid-body" tabIndex={0} role="group" aria-label="Hours of the day">
        <div aria-hidden="true">
          {hours.map((hour) => (
            <span key={hour} className="time-grid-hour">
              {hour === 0 ? null : formatTimeOfDay(new Date(2000, 0, 1, hour))}
            </span>
          ))}
        </div>
        {days.map((day, i) => (
          <DayColumn
            key={day.getTime()}
            day={day}
            placed={shownByDay[i] ?? noEvents}
            nowMinute={day.getTime() === today ? now.getHours() * 60 + now.getMinutes() : null}
            selectable={Boolean(selectable)}
            onSelectEvent={onSelectEvent}
            onSelectSlot={onSelectSlot}
          />
        ))}
      </div>
    </div>
  );
}

/** The height of an hour (the stylesheet's --time-grid-hour is set from it). */
const hourRem = 3;

/**
 * Minutes drawn above and below the ones in view, so a short scroll finds them drawn already. Not
 * on the first draw: they are added once the hours in view are painted, so opening the calendar
 * does not wait for events nobody sees yet.
 */
const overscanMinutes = 30;

const nothingShown: MinutesShown = { from: 0, to: 0 };

/**
 * Which minutes of the day have their events drawn: the hours scrolled into view (see
 * minutesInView), or all of them once the keyboard has entered the grid, so that Tab reaches every
 * event of every day in order (and stays so while the grid is shown). Opens scrolled to
 * `scrollToTime`, as react-big-calendar does.
 */
function useMinutesShown(
  bodyRef: RefObject<HTMLDivElement | null>,
  scrollToTime: Date | undefined,
): MinutesShown {
  const scrollMinute = scrollToTime ? scrollToTime.getHours() * 60 + scrollToTime.getMinutes() : 0;
  // No event is drawn until the grid's frame is laid out and measured (in the layout effect below,
  // before anything is painted): laying out the bare frame is cheap, and a guess drew hours that
  // measuring then took away again.
  const [shown, setShown] = useState<MinutesShown>(nothingShown);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    let overscan = 0;
    const measure = () => {
      const next = minutesInView(body, overscan);
      setShown((prev) =>
        prev === 'all' || (next !== 'all' && prev.from === next.from && prev.to === next.to) ? prev : next,
      );
    };
    body.scrollTop = (body.scrollHeight * scrollMinute) / minutesPerDay;
    measure();
    const cancelOverscan = afterNextPaint(() => {
      overscan = overscanMinutes;
      measure();
    });
    let pointer = false;
    const onPointerDown = () => (pointer = true);
    // focus that a pointer did not bring is the keyboard's (or assistive technology's)
    const onFocusIn = () => {
      if (!pointer) setShown('all');
      pointer = false;
    };
    body.addEventListener('scroll', measure, { passive: true });
    body.addEventListener('pointerdown', onPointerDown, { capture: true });
    body.addEventListener('focusin', onFocusIn);
    window.addEventListener('resize', measure);
    return () => {
      cancelOverscan();
      body.removeEventListener('scroll', measure);
      body.removeEventListener('pointerdown', onPointerDown, { capture: true });
      body.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('resize', measure);
    };
  }, [bodyRef, scrollMinute]);

  return shown;
}

/** The time, again every minute (for the line that marks it). */
function useNow(getNow: () => Date): Date {
  const [now, setNow] = useState(getNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(getNow()), 60_000);
    return () => clearInterval(timer);
  }, [getNow]);
  return now;
}

interface DayColumnProps {
  day: Date;
  placed: PlacedEvent<CalendarEvent>[];
  /** Where the now line goes, on today's column only. */
  nowMinute: number | null;
  selectable: boolean;
  onSelectEvent: ViewProps['onSelectEvent'];
  onSelectSlot: ViewProps['onSelectSlot'];
}

/** Events shorter than this have room for one line of text. */
const shortMinutes = 45;

const percent = (minutes: number) => `${(minutes / minutesPerDay) * 100}%`;

/** An event's classes, made once per kind and length rather than once per event and render. */
const eventClassNames = new Map<string, string>();
function timeGridEventClassName(event: CalendarEvent, short: boolean): string {
  const key = `${event.kind}|${short}`;
  let name = eventClassNames.get(key);
  if (name === undefined) {
    name = `${styles.timeGridEvent} ${eventClassName(event)}${short ? ` ${styles.timeGridEventShort}` : ''}`;
    eventClassNames.set(key, name);
  }
  return name;
}

interface EventButtonProps {
  placed: PlacedEvent<CalendarEvent>;
  /** The day's full date, said before the event's time. */
  dateText: string;
  onSelectEvent: ViewProps['onSelectEvent'];
}

/**
 * One event: one button with one line of text. Memoized on its placed event (kept while the events
 * do not change): drawing more hours as the grid scrolls adds buttons without redrawing the others.
 */
const EventButton = memo(function EventButton({ placed, dateText, onSelectEvent }: EventButtonProps) {
  const { event, fromMinute, toMinute, column, columns } = placed;
  const when = formatTimeRange(event.start, event.end);
  return (
    <button
      type="button"
      className={timeGridEventClassName(event, toMinute - fromMinute < shortMinutes)}
      // the stylesheet gives an event the day's whole width: only one that shares it says its share
      style={
        columns === 1
          ? { top: percent(fromMinute), height: percent(toMinute - fromMinute) }
          : {
              top: percent(fromMinute),
              height: percent(toMinute - fromMinute),
              left: `${(column / columns) * 100}%`,
              width: `${100 / columns}%`,
            }
      }
      // one text node for the eye, the whole of it for the ear: a week may hold hundreds of these
      aria-label={`${dateText}, ${when}: ${event.title}`}
      title={event.title}
      onClick={(e) => onSelectEvent(event, e)}
    >
      {`${when} ${event.title}`}
    </button>
  );
});

/**
 * One day: its events as buttons, and (when selectable) a range chosen by dragging down the day or
 * double-clicking a half hour. Memoized: a day whose events did not change is not drawn again.
 */
const DayColumn = memo(function DayColumn({
  day,
  placed,
  nowMinute,
  selectable,
  onSelectEvent,
  onSelectSlot,
}: DayColumnProps) {
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const dateText = formatDate(day, 'fullDate');

  const minuteAt = (e: PointerEvent<HTMLElement> | MouseEvent<HTMLElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return ((e.clientY - box.top) / box.height) * minutesPerDay;
  };
  // an event is a button in the column: a press on it opens the event rather than starting a selection
  const onEmpty = (e: { target: EventTarget }) =>
    !(e.target instanceof Element && e.target.closest('button'));

  const handlers = selectable
    ? {
        onPointerDown: (e: PointerEvent<HTMLElement>) => {
          if (e.button !== 0 || !onEmpty(e)) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          const at = minuteAt(e);
          setDrag({ from: at, to: at });
        },
        onPointerMove: (e: PointerEvent<HTMLElement>) => {
          if (drag) setDrag({ from: drag.from, to: minuteAt(e) });
        },
        onPointerUp: (e: PointerEvent<HTMLElement>) => {
          if (!drag) return;
          setDrag(null);
          const to = minuteAt(e);
          // a press that stays in one half hour is a click, which selects nothing
          if (slotAt(drag.from) === slotAt(to)) return;
          const { start, end } = selectedRange(day, drag.from, to);
          onSelectSlot({ start, end, slots: [start, end], action: 'select' });
        },
        onPointerCancel: () => setDrag(null),
        onDoubleClick: (e: MouseEvent<HTMLElement>) => {
          if (!onEmpty(e)) return;
          const from = slotAt(minuteAt(e));
          const start = atMinute(day, from);
          const end = atMinute(day, from + slotMinutes);
          onSelectSlot({ start, end, slots: [start, end], action: 'doubleClick' });
        },
      }
    : {};

  const selection =
    drag && slotAt(drag.from) !== slotAt(drag.to) ? selectedMinutes(drag.from, drag.to) : null;
  return (
    <div
      className={nowMinute === null ? styles.timeGridDay : `${styles.timeGridDay} ${styles.timeGridToday}`}
      role="group"
      aria-label={dateText}
      {...handlers}
    >
      {placed.map((p) => (
        <EventButton
          // by place (unique in a day), not by event: the next week's events reuse this week's buttons
          key={`${p.fromMinute}:${p.column}`}
          placed={p}
          dateText={dateText}
          onSelectEvent={onSelectEvent}
        />
      ))}
      {selection && (
        <div
          className={styles.timeGridSelection}
          style={{ top: percent(selection.from), height: percent(selection.to - selection.from) }}
        >
          {formatTimeRange(atMinute(day, selection.from), atMinute(day, selection.to))}
        </div>
      )}
      {nowMinute !== null && (
        <div className={styles.timeGridNow} style={{ top: percent(nowMinute) }} aria-hidden="true" />
      )}
    </div>
  );
});
