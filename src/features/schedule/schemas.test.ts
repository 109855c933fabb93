import { describe, expect, it } from 'vitest';
import {
  availabilityBlockFormSchema,
  daysBetween,
  isDate,
  type AvailabilityBlockFormValues,
} from './schemas';

const weekly: AvailabilityBlockFormValues = {
  location_id: '10ca0000-0000-4000-8000-000000000001',
  repeats: 'weekly',
  valid_from: '2027-05-07',
  valid_until: '',
  weekdays: ['5'],
  start_time: '09:00',
  end_time: '12:00',
  accept_external: 'yes',
};

/** The messages of a failed parse, by field. */
function errors(values: AvailabilityBlockFormValues): Record<string, string[]> {
  const result = availabilityBlockFormSchema.safeParse(values);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('availabilityBlockFormSchema', () => {
  it('turns a weekly block into the columns it writes', () => {
    expect(
      availabilityBlockFormSchema.parse({ ...weekly, weekdays: ['5', '1', '5'], valid_until: '2027-12-31' }),
    ).toEqual({
      location_id: weekly.location_id,
      valid_from: '2027-05-07',
      valid_until: '2027-12-31',
      weekdays: [1, 5],
      start_time: '09:00',
      end_time: '12:00',
      accept_external: true,
    });
    expect(availabilityBlockFormSchema.parse(weekly)).toMatchObject({ valid_until: null, weekdays: [5] });
  });

  it('a one-off block is one date, with no weekdays (whatever the hidden weekly fields hold)', () => {
    expect(
      availabilityBlockFormSchema.parse({
        ...weekly,
        repeats: 'once',
        weekdays: [],
        valid_until: '2020-01-01',
        accept_external: 'no',
      }),
    ).toEqual({
      location_id: weekly.location_id,
      valid_from: '2027-05-07',
      valid_until: '2027-05-07',
      weekdays: null,
      start_time: '09:00',
      end_time: '12:00',
      accept_external: false,
    });
  });

  it('needs the end after the start (CHECK end_time > start_time)', () => {
    expect(errors({ ...weekly, end_time: '09:00' })).toEqual({
      end_time: ['The end time must be after the start time.'],
    });
    expect(errors({ ...weekly, end_time: '08:30' })).toEqual({
      end_time: ['The end time must be after the start time.'],
    });
    expect(errors({ ...weekly, start_time: '', end_time: '' })).toEqual({
      start_time: ['Enter a start time.'],
      end_time: ['Enter an end time.'],
    });
  });

  it('takes clock times of one day only, before 24:00 (CHECK availability_blocks_start_time_end_time_before_24_00)', () => {
    expect(errors({ ...weekly, start_time: '22:00', end_time: '24:00' })).toEqual({
      end_time: ['Enter an end time.'],
    });
    expect(errors({ ...weekly, start_time: '24:00', end_time: '23:00' })).toEqual({
      start_time: ['Enter a start time.'],
    });
    expect(errors({ ...weekly, start_time: '22:00', end_time: '23:59' })).toEqual({});
  });

  it('needs a weekday for a weekly block', () => {
    expect(errors({ ...weekly, weekdays: [] })).toEqual({
      weekdays: ['Choose at least one day of the week.'],
    });
  });

  it('needs until on or after from, and at most 730 days later', () => {
    expect(errors({ ...weekly, valid_until: '2027-05-06' })).toEqual({
      valid_until: ['The end date must be on or after the start date.'],
    });
    expect(errors({ ...weekly, valid_until: '2027-05-07' })).toEqual({});
    expect(errors({ ...weekly, valid_until: '2029-05-06' })).toEqual({}); // 730 days
    expect(errors({ ...weekly, valid_until: '2029-05-07' })).toEqual({
      valid_until: ['A block can repeat for at most two years (730 days).'],
    });
  });

  it('needs a first date in the years the database accepts (2000–2199)', () => {
    for (const valid_from of ['1999-12-31', '1900-06-01', '2200-01-01']) {
      expect(errors({ ...weekly, valid_from, valid_until: '' })).toEqual({
        valid_from: ['Enter a date in the years 2000 to 2199.'],
      });
    }
    expect(errors({ ...weekly, valid_from: '2000-01-01', valid_until: '' })).toEqual({});
    expect(errors({ ...weekly, valid_from: '2199-12-31', valid_until: '' })).toEqual({});
  });

  it('needs a location and a real date', () => {
    expect(errors({ ...weekly, location_id: '', valid_from: '2027-02-30' })).toEqual({
      location_id: ['Choose a location.'],
      valid_from: ['Enter a date.'],
    });
  });
});

describe('isDate and daysBetween', () => {
  it('check real dates and count days across leap years and clock changes', () => {
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2027-02-29')).toBe(false);
    expect(isDate('7 May 2027')).toBe(false);
    expect(daysBetween('2027-03-01', '2027-03-31')).toBe(30);
    expect(daysBetween('2027-05-07', '2029-05-06')).toBe(730);
  });
});
