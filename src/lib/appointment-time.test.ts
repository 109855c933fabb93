import { describe, expect, it } from 'vitest';
import { formatAppointmentTime } from './appointment-time';
// the same cases the email formatter is tested against: the two must print the same text
import shared from '../../supabase/functions/_shared/appointment-time.cases.json';

describe('formatAppointmentTime', () => {
  it.each(shared.cases)('$name', ({ at, officeTimeZone, officeName, viewerTimeZone, text }) => {
    expect(formatAppointmentTime(at, { officeTimeZone, officeName, viewerTimeZone })).toBe(text);
  });

  it('defaults the viewer to the browser’s zone', () => {
    const browserZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const at = '2026-12-09T17:00:00Z';
    expect(formatAppointmentTime(at, { officeTimeZone: 'America/Denver' })).toBe(
      formatAppointmentTime(at, { officeTimeZone: 'America/Denver', viewerTimeZone: browserZone }),
    );
  });

  it('refuses what is not a timestamp', () => {
    expect(() => formatAppointmentTime('soon', { officeTimeZone: 'America/Denver' })).toThrow(RangeError);
  });
});
