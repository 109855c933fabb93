/**
 * The app's own week view (its react-big-calendar with the app's time grid, toolbar and
 * stylesheet) on the same 500 appointments the library's week view gets, mounted the same way:
 * the pair times one calendar against the other, not the app's navigation around it. The app's
 * opening of its calendar page is timed on its own in the app.
 */
import { useState } from 'react';
import '@/app/styles.css';
import { AvailabilityCalendar } from '@/features/schedule/components/availability-calendar';
import type { CalendarEvent } from '@/features/schedule/lib/calendar-events';
import type { CalendarView } from '@/features/schedule/lib/visible-range';
import { anchorData } from './anchor-data.ts';

const openNothing = () => {};

export function OurWeek() {
  const [events] = useState(() =>
    (anchorData().events ?? []).map((e, index): CalendarEvent => ({
      id: `appointment:${index}`,
      kind: 'appointment',
      title: e.title,
      start: new Date(e.start),
      end: new Date(e.end),
      blockId: null,
      locationId: null,
      locationName: null,
      detail: null,
    })),
  );
  const [date, setDate] = useState(() => events[0]?.start ?? new Date());
  const [view, setView] = useState<CalendarView>('week');
  return (
    <AvailabilityCalendar
      events={events}
      view={view}
      date={date}
      onView={setView}
      onNavigate={setDate}
      onOpenEvent={openNothing}
      label="Week view"
    />
  );
}
