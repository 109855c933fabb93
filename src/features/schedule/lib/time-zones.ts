/**
 * Wall-clock times and the names of IANA time zones. The calendar shows instants in the viewer's
 * zone; a block's times are wall-clock times in its location's zone.
 */
import { dateTimeFormat } from '@/lib/datetime';

/** "Eastern Time", "Mountain Time": the zone's generic name, or the IANA name when there is none. */
export function timeZoneName(
  timeZone: string,
  { at = new Date(), locale = 'en-US' }: { at?: Date; locale?: string } = {},
): string {
  const part = dateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "Eastern Time (America/New_York)": the generic name with the IANA name, unambiguous. */
export function describeTimeZone(timeZone: string, options?: { at?: Date; locale?: string }): string {
  const name = timeZoneName(timeZone, options);
  return name === timeZone ? timeZone : `${name} (${timeZone})`;
}

export interface WallClock {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM`, 24-hour */
  time: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday */
  isoWeekday: number;
}

const weekdayNumbers: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** What a clock on the wall in `timeZone` shows at `instant`. */
export function wallClockIn(instant: Date, timeZone: string): WallClock {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
    isoWeekday: weekdayNumbers[get('weekday')] ?? 1,
  };
}

/** Today's date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return wallClockIn(now, timeZone).date;
}
