/**
 * Which instants a calendar view shows, so the calendar fetches that range and nothing more.
 * Days are the viewer's (local) days; arithmetic goes through the Date constructor, so a day
 * with a daylight-saving change is still one day.
 */
import type { TimeRange } from '@/lib/tstzrange';

export const calendarViews = ['day', 'week', 'month', 'agenda'] as const;
export type CalendarView = (typeof calendarViews)[number];

/** The view the calendar opens in. */
export const openingView: CalendarView = 'week';

export function isCalendarView(value: unknown): value is CalendarView {
  return typeof value === 'string' && (calendarViews as readonly string[]).includes(value);
}

export interface RangeOptions {
  /** 0 = Sunday (the US convention the app uses) … 6 = Saturday */
  weekStartsOn?: number;
  /** How many days the agenda lists after the chosen date. */
  agendaDays?: number;
}

/** The agenda's default length, as react-big-calendar's. */
export const agendaLength = 30;

const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
const addDays = (date: Date, days: number) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
const startOfWeek = (date: Date, weekStartsOn: number) =>
  addDays(startOfDay(date), -((date.getDay() - weekStartsOn + 7) % 7));

/** `[start, end)` of what `view` shows around `date`. */
export function visibleRange(
  view: CalendarView,
  date: Date,
  { weekStartsOn = 0, agendaDays = agendaLength }: RangeOptions = {},
): TimeRange {
  switch (view) {
    case 'day':
      return { start: startOfDay(date), end: addDays(date, 1) };
    case 'week': {
      const start = startOfWeek(date, weekStartsOn);
      return { start, end: addDays(start, 7) };
    }
    case 'month': {
      // whole weeks, from the week of the 1st to the week of the last day
      const first = new Date(date.getFullYear(), date.getMonth(), 1);
      const last = new Date(date.getFullYear(), date.getMonth() + 1, 0);
      return { start: startOfWeek(first, weekStartsOn), end: addDays(startOfWeek(last, weekStartsOn), 7) };
    }
    case 'agenda':
      // the agenda lists the chosen day and `agendaDays` days after it
      return { start: startOfDay(date), end: addDays(date, agendaDays + 1) };
  }
}

/** The dates the calendar's "Previous" and "Next" lead to from `date`, as react-big-calendar's views move. */
export function adjacentDates(
  view: CalendarView,
  date: Date,
  { agendaDays = agendaLength }: Pick<RangeOptions, 'agendaDays'> = {},
): [Date, Date] {
  const step = (sign: 1 | -1) => {
    switch (view) {
      case 'day':
        return addDays(date, sign);
      case 'week':
        return addDays(date, 7 * sign);
      case 'month':
        // a month's range depends on its month only; from the 1st, a 31st never skips a shorter month
        return new Date(date.getFullYear(), date.getMonth() + sign, 1);
      case 'agenda':
        return addDays(date, agendaDays * sign);
    }
  };
  return [step(-1), step(1)];
}
