/**
 * Filling the availability block form: from a stored block, for a new block, or from a range
 * selected on the calendar; and the words that describe a block and its errors.
 */
import { errorMessage } from '@/lib/errors';
import type { AvailabilityBlockFormValues } from '../schemas';
import { todayIn, wallClockIn } from './time-zones';
import type { TimeRange } from '@/lib/tstzrange';

/** A stored block, as the calendar reads it. */
export interface AvailabilityBlock {
  id: string;
  staff_id: string;
  location_id: string;
  valid_from: string;
  valid_until: string | null;
  weekdays: number[] | null;
  start_time: string;
  end_time: string;
  accept_external: boolean;
}

/** ISO weekdays, Monday first, as the form's checkboxes list them. */
export const weekdayOptions = [
  { value: '1', label: 'Monday', short: 'Mon' },
  { value: '2', label: 'Tuesday', short: 'Tue' },
  { value: '3', label: 'Wednesday', short: 'Wed' },
  { value: '4', label: 'Thursday', short: 'Thu' },
  { value: '5', label: 'Friday', short: 'Fri' },
  { value: '6', label: 'Saturday', short: 'Sat' },
  { value: '7', label: 'Sunday', short: 'Sun' },
] as const;

/** "09:00:00" (Postgres `time`) → "09:00" (an `<input type="time">` value). */
export function timeOfDay(value: string): string {
  return value.slice(0, 5);
}

const weekdayText = (day: number) => String(day) as AvailabilityBlockFormValues['weekdays'][number];

/** The form, filled in from a stored block. */
export function formValuesFromBlock(block: AvailabilityBlock): AvailabilityBlockFormValues {
  const weekly = block.weekdays !== null;
  return {
    location_id: block.location_id,
    repeats: weekly ? 'weekly' : 'once',
    valid_from: block.valid_from,
    valid_until: weekly ? (block.valid_until ?? '') : '',
    weekdays: (block.weekdays ?? []).map(weekdayText),
    start_time: timeOfDay(block.start_time),
    end_time: timeOfDay(block.end_time),
    accept_external: block.accept_external ? 'yes' : 'no',
  };
}

/** A new weekly block from today (in the location's zone), 09:00–12:00, not open to external appointments. */
export function newBlockFormValues({
  locationId,
  timeZone,
  now = new Date(),
}: {
  locationId: string;
  timeZone: string;
  now?: Date;
}): AvailabilityBlockFormValues {
  return {
    location_id: locationId,
    repeats: 'weekly',
    valid_from: todayIn(timeZone, now),
    valid_until: '',
    weekdays: [],
    start_time: '09:00',
    end_time: '12:00',
    accept_external: 'no',
  };
}

const isLocalMidnight = (date: Date) =>
  date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0;
const localDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * The date and times of a range selected on the calendar (in the viewer's zone), as wall-clock
 * values in the location's zone: a one-off block on that date. Whole days (the month view) keep
 * the form's times; a range that runs past midnight there ends at 23:59.
 */
export function formValuesFromSelection(
  selection: TimeRange,
  timeZone: string,
): Pick<AvailabilityBlockFormValues, 'repeats' | 'valid_from' | 'weekdays'> &
  Partial<Pick<AvailabilityBlockFormValues, 'start_time' | 'end_time'>> {
  if (isLocalMidnight(selection.start) && isLocalMidnight(selection.end)) {
    const isoWeekday = ((selection.start.getDay() + 6) % 7) + 1;
    return { repeats: 'once', valid_from: localDate(selection.start), weekdays: [weekdayText(isoWeekday)] };
  }
  const start = wallClockIn(selection.start, timeZone);
  const end = wallClockIn(selection.end, timeZone);
  return {
    repeats: 'once',
    valid_from: start.date,
    weekdays: [weekdayText(start.isoWeekday)],
    start_time: start.time,
    end_time: end.date === start.date ? end.time : '23:59',
  };
}

const shortDate = (date: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));

/** "Every Mon, Wed, Thu, 09:00–12:00, from May 3, 2027" / "Once, on May 7, 2027, 09:00–12:00". */
export function describeBlock(
  block: Pick<AvailabilityBlock, 'valid_from' | 'valid_until' | 'weekdays' | 'start_time' | 'end_time'>,
): string {
  const times = `${timeOfDay(block.start_time)}–${timeOfDay(block.end_time)}`;
  if (block.weekdays === null) return `Once, on ${shortDate(block.valid_from)}, ${times}`;
  const days = [...block.weekdays]
    .sort((a, b) => a - b)
    .map((day) => weekdayOptions[day - 1]?.short ?? String(day))
    .join(', ');
  const until = block.valid_until === null ? '' : ` until ${shortDate(block.valid_until)}`;
  return `Every ${days}, ${times}, from ${shortDate(block.valid_from)}${until}`;
}

const codeOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : null;

/**
 * What to tell the person when saving or deleting a block fails. The database's own messages for
 * an overlap and for Accept External Appointments are written for people; a refused write is not.
 */
export function blockErrorMessage(error: unknown): string {
  if (codeOf(error) === '42501') return 'You may not change this therapist’s availability.';
  return errorMessage(error);
}
