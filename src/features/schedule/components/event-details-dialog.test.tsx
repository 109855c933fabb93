/**
 * An event's details name its time the one way the app names an appointment's time: in its
 * office's clock, office named, with the viewer's own time in brackets only when it reads
 * differently — on both sides of the autumn clock change.
 */
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScheduleLocation } from '../api/get-locations';
import type { CalendarEvent } from '../lib/calendar-events';
import { EventDetailsDialog } from './event-details-dialog';

const denver: ScheduleLocation = {
  id: 'denver',
  name: 'Denver Highlands Office',
  time_zone: 'America/Denver',
};

/** A 50-minute appointment with Ana Silva at the Denver office, starting at `start` (UTC). */
const appointmentAt = (start: string): CalendarEvent => ({
  id: `appointment:${start}`,
  kind: 'appointment',
  title: 'Appointment · Ana Silva',
  start: new Date(start),
  end: new Date(new Date(start).getTime() + 50 * 60_000),
  blockId: null,
  locationId: denver.id,
  locationName: denver.name,
  detail: 'Ana Silva',
});

const originalZone = process.env.TZ;
afterEach(() => {
  // Node reads TZ again when it changes: the browser's zone is the viewer's
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

function whenAs(viewerZone: string, event: CalendarEvent, office: ScheduleLocation | null = denver) {
  process.env.TZ = viewerZone;
  render(
    <MemoryRouter>
      <EventDetailsDialog
        event={event}
        block={null}
        office={office}
        clinicTimeZone="America/New_York"
        therapistName="Priya Raman"
        onClose={() => undefined}
      />
    </MemoryRouter>,
  );
  const dialog = screen.getByRole('dialog', { name: 'Appointment' });
  return within(dialog).getByText('When').nextElementSibling?.textContent;
}

// 10:00 AM in Denver on the Friday before the autumn clock change (Nov 7, 2027) and the Monday after
const beforeChange = appointmentAt('2027-11-05T16:00:00Z');
const afterChange = appointmentAt('2027-11-08T17:00:00Z');

describe('the details of a calendar event: when', () => {
  it('is the office’s time, office named, with a New York viewer’s own in brackets, before the change', () => {
    expect(whenAs('America/New_York', beforeChange)).toBe(
      'Fri, Nov 5, 10:00 AM MDT, Denver Highlands Office (12:00 PM EDT your time)',
    );
  });

  it('keeps the office’s clock after the change', () => {
    expect(whenAs('America/New_York', afterChange)).toBe(
      'Mon, Nov 8, 10:00 AM MST, Denver Highlands Office (12:00 PM EST your time)',
    );
  });

  it('has no brackets for a viewer whose clock reads the same as the office’s (Phoenix after the change)', () => {
    expect(whenAs('America/Phoenix', afterChange)).toBe('Mon, Nov 8, 10:00 AM MST, Denver Highlands Office');
  });

  it('adds brackets for the same viewer before the change, when Denver is an hour ahead of Phoenix', () => {
    expect(whenAs('America/Phoenix', beforeChange)).toBe(
      'Fri, Nov 5, 10:00 AM MDT, Denver Highlands Office (9:00 AM MST your time)',
    );
  });

  it('is the clinic’s clock for an event at no office, and says how long it lasts', () => {
    expect(whenAs('America/New_York', { ...beforeChange, locationId: null, locationName: null }, null)).toBe(
      'Fri, Nov 5, 12:00 PM EDT',
    );
    expect(within(screen.getByRole('dialog')).getByText('Length').nextElementSibling).toHaveTextContent(
      '50 minutes',
    );
  });
});
