import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../lib/calendar-events';
import { AvailabilityCalendar } from './availability-calendar';

// jsdom lays nothing out: the grid's scrolling region (any element here) is given a day of 24 × 48 px, 480 px of it in view
const hourPx = 48;
const viewPx = 480;
const scrolled = new WeakMap<Element, number>();
const layout: Record<string, PropertyDescriptor> = {
  scrollHeight: { get: () => 24 * hourPx },
  clientHeight: { get: () => viewPx },
  scrollTop: {
    get(this: Element) {
      return scrolled.get(this) ?? 0;
    },
    set(this: Element, value: number) {
      scrolled.set(this, value);
    },
  },
};
let saved: Record<string, PropertyDescriptor | undefined> = {};

beforeEach(() => {
  saved = {};
  for (const [name, descriptor] of Object.entries(layout)) {
    saved[name] = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name);
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, ...descriptor });
  }
});

afterEach(() => {
  for (const [name, descriptor] of Object.entries(saved))
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
});

/** One 20-minute appointment at the start of every hour of one day. */
function hourlyAppointments(day: Date): CalendarEvent[] {
  return Array.from({ length: 24 }, (_, hour) => ({
    id: `appointment-${hour}`,
    kind: 'appointment',
    title: `Appointment ${hour}`,
    start: new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour),
    end: new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour, 20),
    blockId: null,
    locationId: null,
    locationName: null,
    detail: null,
  }));
}

/** The week of 2026-03-11 with an appointment at the start of every hour of that day. */
function renderWeekOfHourlyAppointments() {
  const day = new Date(2026, 2, 11);
  render(
    <AvailabilityCalendar
      events={hourlyAppointments(day)}
      view="week"
      date={day}
      onView={() => {}}
      onNavigate={() => {}}
      onOpenEvent={() => {}}
      label="A calendar"
    />,
  );
}

/** The next frame, and the task after it: when the half hour either side of the view is drawn. */
const nextFrameAndTask = () =>
  act(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  });

const drawnHours = () =>
  screen
    .queryAllByRole('button')
    .map((b) => Number(/Appointment (\d+)$/.exec(b.textContent ?? '')?.[1]))
    .filter((n) => !Number.isNaN(n));

describe('the week view’s time grid', () => {
  it('draws the hours in view first, and the half hour either side once they are painted', async () => {
    renderWeekOfHourlyAppointments();
    // the calendar opens scrolled to 7:00; 480 px are 10 hours: 7:00 to 17:00
    expect(drawnHours()).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    await nextFrameAndTask();
    expect(drawnHours()).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  it('keeps the buttons already drawn when it draws more hours, so a focused event stays focused', async () => {
    renderWeekOfHourlyAppointments();
    const seven = screen.getByRole('button', { name: /7:00 AM – 7:20 AM: Appointment 7$/ });
    // focused by a pointer (focus from the keyboard would draw every hour at once)
    fireEvent.pointerDown(seven);
    seven.focus();
    // the half hour either side is drawn after the first paint: 6:00 now comes before 7:00
    await nextFrameAndTask();
    expect(drawnHours()[0]).toBe(6);
    expect(screen.getByRole('button', { name: /7:00 AM – 7:20 AM: Appointment 7$/ })).toBe(seven);
    expect(seven).toHaveTextContent(/Appointment 7$/);
    expect(document.activeElement).toBe(seven);
  });
});
