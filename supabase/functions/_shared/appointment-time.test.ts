import { strictEqual, throws } from 'node:assert/strict';
import { formatAppointmentTime } from './appointment-time.ts';
// the same cases the browser's formatter is tested against: the two must print the same text
import shared from './appointment-time.cases.json' with { type: 'json' };

for (const { name, at, officeTimeZone, officeName, viewerTimeZone, text } of shared.cases) {
  Deno.test(`formatAppointmentTime: ${name}`, () => {
    strictEqual(formatAppointmentTime(at, { officeTimeZone, officeName, viewerTimeZone }), text);
  });
}

Deno.test('formatAppointmentTime: without a viewer zone it gives the office time alone', () => {
  strictEqual(
    formatAppointmentTime('2026-12-09T17:00:00Z', {
      officeTimeZone: 'America/Denver',
      officeName: 'Denver Office',
    }),
    'Wed, Dec 9, 10:00 AM MST, Denver Office',
  );
});

Deno.test('formatAppointmentTime: refuses what is not a timestamp', () => {
  throws(() => formatAppointmentTime('soon', { officeTimeZone: 'America/Denver' }), RangeError);
});
