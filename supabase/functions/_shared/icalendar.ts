/**
 * The parts of RFC 5545 (iCalendar) our calendar files need: content lines with escaped text and
 * quoted parameters, folded at 75 octets, joined with CRLF; UTC and zoned date-times; and a
 * VTIMEZONE for an IANA zone.
 *
 * The VTIMEZONE is read from the runtime's own time zone data (Intl), the data the email's words
 * come from (appointment-time.ts), so the calendar file and the email can never disagree about a
 * clock change. It lists each offset change around the event as its own observance (RFC 5545
 * allows a VTIMEZONE to cover only the period its events need).
 */

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** Drops control characters, which no iCalendar value may hold (tab aside, where `keepTab`). */
function withoutControls(value: string, keepTab: boolean): string {
  return [...value].filter((c) => (c >= ' ' && c !== '\u007f') || (keepTab && c === '\t')).join('');
}

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return withoutControls(
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n'),
    true,
  );
}

/**
 * A parameter value: quoted when it holds ':', ';' or ','; a double quote cannot appear in one at
 * all (RFC 5545 3.2), so it is dropped, as are control characters.
 */
export function paramValue(value: string): string {
  const clean = withoutControls(value, false).replace(/"/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * Folds a content line so no physical line is longer than 75 octets (CRLF not counted), breaking
 * only between characters, never inside a UTF-8 sequence; each continuation starts with a space.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  // a continuation line's leading space counts toward its 75 octets
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join(`${CRLF} `);
}

/** `NAME;PARAM=value:value`, the value already in its property's format. */
export function contentLine(name: string, value: string, params: Record<string, string> = {}): string {
  const paramText = Object.entries(params)
    .map(([key, param]) => `;${key}=${paramValue(param)}`)
    .join('');
  return `${name}${paramText}:${value}`;
}

/** The whole object: every line folded, each ended by CRLF. */
export function serializeLines(lines: string[]): string {
  return lines.map((line) => `${foldLine(line)}${CRLF}`).join('');
}

const two = (n: number) => String(n).padStart(2, '0');

/** A DATE-TIME in UTC: 20261209T170000Z. */
export function utcDateTime(instant: Date): string {
  return (
    `${instant.getUTCFullYear()}${two(instant.getUTCMonth() + 1)}${two(instant.getUTCDate())}` +
    `T${two(instant.getUTCHours())}${two(instant.getUTCMinutes())}${two(instant.getUTCSeconds())}Z`
  );
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `timeZone` at `instant`, as numbers. */
function wallClock(instant: Date, timeZone: string) {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    wallFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** A DATE-TIME on the wall clock of `timeZone` (no Z: it goes with TZID=timeZone). */
export function zonedDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${String(w.year).padStart(4, '0')}${two(w.month)}${two(w.day)}T${two(w.hour)}${two(w.minute)}${two(w.second)}`;
}

/**
 * Whether the wall clock of `timeZone` shows the same time at another instant near `instant` (the
 * repeated hour when clocks go back). RFC 5545 says such a local time means its first occurrence,
 * but calendars differ (ical.js takes the second), so a zoned DATE-TIME cannot name it safely.
 */
export function isRepeatedWallTime(instant: Date, timeZone: string): boolean {
  const wall = zonedDateTime(instant, timeZone);
  const offsets = new Set(
    [-day, 0, day].map((shift) => utcOffsetMinutes(new Date(instant.getTime() + shift), timeZone)),
  );
  return [...offsets].some((offset) => {
    const other = new Date(instant.getTime() + (utcOffsetMinutes(instant, timeZone) - offset) * minute);
    return other.getTime() !== instant.getTime() && zonedDateTime(other, timeZone) === wall;
  });
}

/**
 * DTSTART/DTEND: the office's wall clock with TZID, or UTC for a time in the repeated hour of a
 * fall-back night, which no zoned DATE-TIME names for certain.
 */
export function eventDateTime(name: string, instant: Date, timeZone: string): string {
  return isRepeatedWallTime(instant, timeZone)
    ? contentLine(name, utcDateTime(instant))
    : contentLine(name, zonedDateTime(instant, timeZone), { TZID: timeZone });
}

/** Minutes east of UTC that `timeZone` keeps at `instant`. */
export function utcOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - whole) / 60_000);
}

/** UTC-OFFSET value: -0500, +0530. */
function utcOffsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
}

const nameFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's short name at `instant` ("EST", "MST"; "GMT+3" where it has none). */
function zoneAbbreviation(instant: Date, timeZone: string): string {
  let format = nameFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    nameFormats.set(timeZone, format);
  }
  return format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

interface Transition {
  /** first instant of the new offset */
  at: Date;
  from: number;
  to: number;
}

const minute = 60_000;
const day = 1_440 * minute;

/**
 * Every change of offset of `timeZone` in [from, to], found week by week, then to the minute. A
 * week is shorter than the time between any two changes the time zone database has for a place
 * (Morocco's Ramadan pause, the shortest, lasts about a month), and a day-by-day scan cost 30 ms
 * an email.
 */
export function offsetTransitions(timeZone: string, from: Date, to: Date): Transition[] {
  const found: Transition[] = [];
  let before = from.getTime();
  let beforeOffset = utcOffsetMinutes(from, timeZone);
  while (before < to.getTime()) {
    const after = Math.min(before + 7 * day, to.getTime());
    const afterOffset = utcOffsetMinutes(new Date(after), timeZone);
    if (afterOffset !== beforeOffset) {
      // the change lies in (before, after]: narrow it down to the minute
      let low = before;
      let high = after;
      while (high - low > minute) {
        const mid = low + Math.floor((high - low) / 2 / minute) * minute;
        if (utcOffsetMinutes(new Date(mid), timeZone) === beforeOffset) low = mid;
        else high = mid;
      }
      found.push({ at: new Date(high), from: beforeOffset, to: afterOffset });
    }
    before = after;
    beforeOffset = afterOffset;
  }
  return found;
}

/**
 * A VTIMEZONE for `timeZone` good from `from` to `to`: the offset kept at `from`, then each change
 * up to `to`. An observance with a higher offset than the lowest one seen is daylight time.
 */
export function vtimezoneLines(timeZone: string, from: Date, to: Date): string[] {
  const startOffset = utcOffsetMinutes(from, timeZone);
  const transitions = offsetTransitions(timeZone, from, to);
  const standardOffset = Math.min(startOffset, ...transitions.map((t) => t.to));
  const observance = (at: Date, fromOffset: number, toOffset: number) => {
    const kind = toOffset > standardOffset ? 'DAYLIGHT' : 'STANDARD';
    const name = zoneAbbreviation(at, timeZone);
    // DTSTART of an observance is the wall clock at the change, read in the old offset
    const wall = utcDateTime(new Date(at.getTime() + fromOffset * minute)).slice(0, -1);
    return [
      `BEGIN:${kind}`,
      contentLine('DTSTART', wall),
      contentLine('TZOFFSETFROM', utcOffsetText(fromOffset)),
      contentLine('TZOFFSETTO', utcOffsetText(toOffset)),
      ...(name ? [contentLine('TZNAME', escapeText(name))] : []),
      `END:${kind}`,
    ];
  };
  return [
    'BEGIN:VTIMEZONE',
    contentLine('TZID', timeZone),
    ...observance(from, startOffset, startOffset),
    ...transitions.flatMap((t) => observance(t.at, t.from, t.to)),
    'END:VTIMEZONE',
  ];
}
