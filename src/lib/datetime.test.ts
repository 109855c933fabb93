import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatDateTime, isoTimestamp, parseTimestamp } from './datetime';

// ICU puts a narrow no-break space before AM/PM; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const inNewYork = (value: string) => plain(formatDateTime(value, { timeZone: 'America/New_York' }));

describe('formatDateTime', () => {
  it('shows the time in the given zone with the zone named', () => {
    expect(inNewYork('2026-06-15T16:30:00+00:00')).toBe('Mon, Jun 15, 2026, 12:30 PM EDT');
    expect(plain(formatDateTime('2026-06-15T16:30:00+00:00', { timeZone: 'America/Chicago' }))).toBe(
      'Mon, Jun 15, 2026, 11:30 AM CDT',
    );
  });

  it('spring forward, America/New_York 2026-03-08: 1:59 AM EST is followed by 3:00 AM EDT', () => {
    expect(inNewYork('2026-03-08T06:59:00Z')).toBe('Sun, Mar 8, 2026, 1:59 AM EST');
    expect(inNewYork('2026-03-08T07:00:00Z')).toBe('Sun, Mar 8, 2026, 3:00 AM EDT');
    // an hour of real time apart on each side of the change
    expect(inNewYork('2026-03-08T06:30:00Z')).toBe('Sun, Mar 8, 2026, 1:30 AM EST');
    expect(inNewYork('2026-03-08T07:30:00Z')).toBe('Sun, Mar 8, 2026, 3:30 AM EDT');
  });

  it('fall back, America/New_York 2026-11-01: the repeated 1:30 AM is told apart by its zone', () => {
    expect(inNewYork('2026-11-01T05:30:00Z')).toBe('Sun, Nov 1, 2026, 1:30 AM EDT');
    expect(inNewYork('2026-11-01T06:30:00Z')).toBe('Sun, Nov 1, 2026, 1:30 AM EST');
    expect(inNewYork('2026-11-01T07:00:00Z')).toBe('Sun, Nov 1, 2026, 2:00 AM EST');
  });

  it('reads timestamptz as PostgREST returns it (offset, microseconds)', () => {
    expect(inNewYork('2026-03-08T01:15:00.123456-05:00')).toBe('Sun, Mar 8, 2026, 1:15 AM EST');
    // 2:00 AM EST does not exist that night: it is 3:00 AM EDT
    expect(inNewYork('2026-03-08T02:00:00-05:00')).toBe('Sun, Mar 8, 2026, 3:00 AM EDT');
  });

  it('defaults to the viewer’s time zone', () => {
    const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(formatDateTime('2026-03-08T07:00:00Z')).toBe(
      formatDateTime('2026-03-08T07:00:00Z', { timeZone: viewerZone }),
    );
  });

  it('refuses what is not a timestamp', () => {
    expect(() => formatDateTime('next tuesday')).toThrow(RangeError);
    expect(() => parseTimestamp('')).toThrow('Not a timestamp');
  });
});

describe('isoTimestamp', () => {
  it('normalises to UTC ISO 8601', () => {
    expect(isoTimestamp('2026-11-01T01:30:00-04:00')).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('dateTimeFormat', () => {
  it('makes one formatter per locale and options, and keeps them apart', () => {
    const time = dateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
    expect(dateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })).toBe(time);
    const chicago = dateTimeFormat('en-US', {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'America/Chicago',
    });
    expect(chicago).not.toBe(time);
    expect(dateTimeFormat('de-DE', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })).not.toBe(time);
    const noon = new Date('2026-06-15T12:00:00Z');
    expect(plain(time.format(noon))).toBe('12:00 PM');
    expect(plain(chicago.format(noon))).toBe('7:00 AM');
  });
});
