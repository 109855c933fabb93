/**
 * react-big-calendar's localizer on Intl: its own DateLocalizer with the app's formats, so the
 * calendar needs no date library. Date arithmetic stays react-big-calendar's default (local days,
 * daylight-saving aware), the same the other localizers use.
 */
import { DateLocalizer } from 'react-big-calendar';
import { calendarFormats, formatDate } from '../lib/calendar-formats';

export function intlLocalizer(locale = 'en-US', weekStartsOn = 0): DateLocalizer {
  return new DateLocalizer({
    formats: calendarFormats(locale),
    firstOfWeek: () => weekStartsOn,
    // every range format is a function (see calendarFormats), so a named format always gets one date
    format: (value, format) => {
      if (typeof value === 'object' && !(value instanceof Date)) throw new TypeError(`Format ${format} is for one date, not a range.`);
      return formatDate(value instanceof Date ? value : new Date(value), format, locale);
    },
  });
}
