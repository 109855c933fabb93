/**
 * `tstzrange` values as PostgREST returns them, e.g. `["2027-05-04 13:00:00+00","2027-05-04 14:00:00+00")`,
 * and the range literals the calendar queries with.
 */

/** A bounded time range, start inclusive and end exclusive (`[)`, as every range in the schema is). */
export interface TimeRange {
  start: Date;
  end: Date;
}

// "2027-05-04 13:00:00+00", "2027-05-04T13:00:00.123456-04:30", "2027-05-04 13:00+05:45:30", "…Z"
const timestampPattern =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?)$/;

/** Parses a timestamptz as Postgres prints it (space or `T`, optional fraction, offset `+00`, `-04:30`, `Z`). */
export function parsePgTimestamp(text: string): Date {
  const match = timestampPattern.exec(text.trim());
  if (!match) throw new RangeError(`Not a timestamp with a time zone: ${text}`);
  const [, y, mo, d, h, mi, s = '0', fraction = '', zulu, sign, oh = '0', om = '0', os = '0'] = match;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis);
  const offsetSeconds = zulu
    ? 0
    : (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60 + Number(os));
  const date = new Date(utc - offsetSeconds * 1000);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a timestamp with a time zone: ${text}`);
  return date;
}

/** One bound as printed: quoted (with `\"` and `\\` escapes) or bare. */
function unquote(bound: string): string {
  const trimmed = bound.trim();
  if (trimmed.startsWith('"') && trimmed.endsWith('"')) return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  return trimmed;
}

/**
 * Parses a bounded, non-empty tstzrange. Bound brackets are accepted either way; the app treats
 * every range as `[start, end)`, which is how the database writes them.
 */
export function parseTstzRange(value: unknown): TimeRange {
  if (typeof value !== 'string') throw new TypeError(`A tstzrange is text, got ${typeof value}`);
  const match = /^([[(])(.*),(.*)([\])])$/.exec(value.trim());
  if (!match) throw new RangeError(`Not a bounded time range: ${value}`);
  const [, , lower = '', upper = ''] = match;
  const startText = unquote(lower);
  const endText = unquote(upper);
  if (startText === '' || endText === '' || /infinity/i.test(startText) || /infinity/i.test(endText)) {
    throw new RangeError(`Not a bounded time range: ${value}`);
  }
  const start = parsePgTimestamp(startText);
  const end = parsePgTimestamp(endText);
  if (end.getTime() < start.getTime()) throw new RangeError(`A time range ends before it starts: ${value}`);
  return { start, end };
}

/** The range literal for a filter: `[2027-05-02T04:00:00.000Z,2027-05-09T04:00:00.000Z)`. */
export function formatTstzRange({ start, end }: TimeRange): string {
  return `[${start.toISOString()},${end.toISOString()})`;
}
