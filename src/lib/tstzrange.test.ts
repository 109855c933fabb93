import { describe, expect, it } from 'vitest';
import { formatTstzRange, parsePgTimestamp, parseTstzRange } from '@/lib/tstzrange';

describe('parsePgTimestamp', () => {
  it('reads Postgres’s output with a short offset', () => {
    expect(parsePgTimestamp('2027-05-04 13:00:00+00').toISOString()).toBe('2027-05-04T13:00:00.000Z');
    expect(parsePgTimestamp('2027-05-04 09:00:00-04').toISOString()).toBe('2027-05-04T13:00:00.000Z');
  });

  it('reads fractions, half-hour and second offsets, ISO and Z', () => {
    expect(parsePgTimestamp('2027-05-04 13:00:00.123456+00').toISOString()).toBe('2027-05-04T13:00:00.123Z');
    expect(parsePgTimestamp('2027-05-04T18:30:00+05:30').toISOString()).toBe('2027-05-04T13:00:00.000Z');
    expect(parsePgTimestamp('1883-11-18 12:00:00-04:56:02').toISOString()).toBe('1883-11-18T16:56:02.000Z');
    expect(parsePgTimestamp('2027-05-04T13:00Z').toISOString()).toBe('2027-05-04T13:00:00.000Z');
  });

  it('refuses anything else', () => {
    expect(() => parsePgTimestamp('2027-05-04 13:00:00')).toThrow(RangeError);
    expect(() => parsePgTimestamp('tomorrow')).toThrow(RangeError);
  });
});

describe('parseTstzRange', () => {
  it('reads a range as PostgREST returns it', () => {
    const range = parseTstzRange('["2027-05-04 13:00:00+00","2027-05-04 14:00:00+00")');
    expect(range.start.toISOString()).toBe('2027-05-04T13:00:00.000Z');
    expect(range.end.toISOString()).toBe('2027-05-04T14:00:00.000Z');
  });

  it('reads unquoted bounds and either bracket', () => {
    const range = parseTstzRange('(2027-11-07 05:00:00+00,2027-11-07 06:00:00+00]');
    expect(range.start.toISOString()).toBe('2027-11-07T05:00:00.000Z');
    expect(range.end.toISOString()).toBe('2027-11-07T06:00:00.000Z');
  });

  it('keeps real durations across a daylight-saving change', () => {
    // 01:00–03:00 New York time on the night the clocks go back is three hours long
    const range = parseTstzRange('["2027-11-07 01:00:00-04","2027-11-07 03:00:00-05")');
    expect(range.end.getTime() - range.start.getTime()).toBe(3 * 3600_000);
  });

  it('refuses empty, unbounded and malformed ranges', () => {
    expect(() => parseTstzRange('empty')).toThrow(RangeError);
    expect(() => parseTstzRange('["2027-05-04 13:00:00+00",)')).toThrow(RangeError);
    expect(() => parseTstzRange('[-infinity,"2027-05-04 13:00:00+00")')).toThrow(RangeError);
    expect(() => parseTstzRange('["2027-05-04 14:00:00+00","2027-05-04 13:00:00+00")')).toThrow(RangeError);
    expect(() => parseTstzRange(null)).toThrow(TypeError);
  });
});

describe('formatTstzRange', () => {
  it('writes a half-open range literal in UTC', () => {
    const literal = formatTstzRange({
      start: new Date('2027-05-02T04:00:00Z'),
      end: new Date('2027-05-09T04:00:00Z'),
    });
    expect(literal).toBe('[2027-05-02T04:00:00.000Z,2027-05-09T04:00:00.000Z)');
    expect(parseTstzRange(literal).end.toISOString()).toBe('2027-05-09T04:00:00.000Z');
  });
});
