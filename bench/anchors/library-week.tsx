/**
 * The week view's anchor: react-big-calendar's own week view (its time grid, its event
 * components, its stylesheet) on the same 500 appointments, with the app's localizer.
 */
import { useState } from 'react';
import { Calendar } from 'react-big-calendar';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import { intlLocalizer } from '@/features/schedule/components/calendar-localizer';
import { anchorData } from './anchor-data.ts';

const localizer = intlLocalizer();

export function LibraryWeek() {
  const [events] = useState(() =>
    (anchorData().events ?? []).map((e) => ({
      title: e.title,
      start: new Date(e.start),
      end: new Date(e.end),
    })),
  );
  const [date, setDate] = useState(() => events[0]?.start ?? new Date());
  return (
    <div style={{ height: 720 }}>
      <Calendar
        localizer={localizer}
        events={events}
        date={date}
        onNavigate={setDate}
        view="week"
        views={['week']}
        onView={() => {}}
        step={30}
        timeslots={2}
      />
    </div>
  );
}
