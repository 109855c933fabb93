import { describe, expect, it } from 'vitest';
import { availabilityBlockFormSchema } from '../schemas';
import {
  blockErrorMessage,
  describeBlock,
  formValuesFromBlock,
  formValuesFromSelection,
  newBlockFormValues,
  timeOfDay,
} from './block-form';

const block = {
  id: 'b1',
  staff_id: 's1',
  location_id: 'loc',
  valid_from: '2027-05-03',
  valid_until: null,
  weekdays: [4, 1, 3],
  start_time: '09:00:00',
  end_time: '12:00:00',
  accept_external: true,
};

describe('formValuesFromBlock', () => {
  it('fills the form from a weekly block, and the form writes it back unchanged', () => {
    const values = formValuesFromBlock(block);
    expect(values).toEqual({
      location_id: 'loc',
      repeats: 'weekly',
      valid_from: '2027-05-03',
      valid_until: '',
      weekdays: ['4', '1', '3'],
      start_time: '09:00',
      end_time: '12:00',
      accept_external: 'yes',
    });
    expect(availabilityBlockFormSchema.parse(values)).toEqual({
      location_id: 'loc',
      valid_from: '2027-05-03',
      valid_until: null,
      weekdays: [1, 3, 4],
      start_time: '09:00',
      end_time: '12:00',
      accept_external: true,
    });
  });

  it('fills the form from a one-off block', () => {
    expect(
      formValuesFromBlock({ ...block, weekdays: null, valid_until: '2027-05-03', accept_external: false }),
    ).toMatchObject({
      repeats: 'once',
      valid_until: '',
      weekdays: [],
      accept_external: 'no',
    });
  });
});

describe('newBlockFormValues', () => {
  it('starts today in the location’s zone, weekly, not external', () => {
    // 01:30 UTC on 8 May is still 7 May in Denver
    expect(
      newBlockFormValues({
        locationId: 'loc',
        timeZone: 'America/Denver',
        now: new Date('2027-05-08T01:30:00Z'),
      }),
    ).toEqual({
      location_id: 'loc',
      repeats: 'weekly',
      valid_from: '2027-05-07',
      valid_until: '',
      weekdays: [],
      start_time: '09:00',
      end_time: '12:00',
      accept_external: 'no',
    });
  });
});

describe('formValuesFromSelection', () => {
  it('converts a selected range to the location’s wall clock', () => {
    const selection = { start: new Date('2027-05-07T13:00:00Z'), end: new Date('2027-05-07T16:00:00Z') };
    expect(formValuesFromSelection(selection, 'America/New_York')).toEqual({
      repeats: 'once',
      valid_from: '2027-05-07',
      weekdays: ['5'],
      start_time: '09:00',
      end_time: '12:00',
    });
    expect(formValuesFromSelection(selection, 'America/Denver')).toMatchObject({
      start_time: '07:00',
      end_time: '10:00',
    });
  });

  it('ends at 23:59 when the range runs past midnight in the location’s zone', () => {
    const selection = { start: new Date('2027-05-08T03:00:00Z'), end: new Date('2027-05-08T05:00:00Z') };
    expect(formValuesFromSelection(selection, 'America/New_York')).toMatchObject({
      valid_from: '2027-05-07',
      start_time: '23:00',
      end_time: '23:59',
    });
  });

  it('keeps the form’s times for whole days (the month view)', () => {
    const selection = { start: new Date(2027, 4, 7), end: new Date(2027, 4, 8) };
    expect(formValuesFromSelection(selection, 'America/New_York')).toEqual({
      repeats: 'once',
      valid_from: '2027-05-07',
      weekdays: ['5'],
    });
  });
});

describe('describeBlock', () => {
  it('says when a block repeats', () => {
    expect(describeBlock(block)).toBe('Every Mon, Wed, Thu, 09:00–12:00, from May 3, 2027');
    expect(describeBlock({ ...block, weekdays: [5], valid_until: '2027-12-31' })).toBe(
      'Every Fri, 09:00–12:00, from May 3, 2027 until Dec 31, 2027',
    );
    expect(describeBlock({ ...block, weekdays: null, valid_until: '2027-05-03' })).toBe(
      'Once, on May 3, 2027, 09:00–12:00',
    );
  });
});

describe('timeOfDay and blockErrorMessage', () => {
  it('trims seconds; keeps the database’s messages for people, rewords a refused write', () => {
    expect(timeOfDay('13:30:00')).toBe('13:30');
    const overlap = {
      code: '23P01',
      message: 'This block overlaps another availability block of the same therapist (09:00–12:00).',
    };
    expect(blockErrorMessage(overlap)).toBe(overlap.message);
    expect(blockErrorMessage({ code: '42501', message: 'new row violates row-level security policy' })).toBe(
      'You may not change this therapist’s availability.',
    );
  });
});
