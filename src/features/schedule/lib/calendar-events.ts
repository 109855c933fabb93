/**
 * What the calendar shows: a therapist's availability (internal, or open to external
 * appointments), scheduled appointments and pending referral requests, each a kind of event
 * that looks and reads differently.
 */
import type { TimeRange } from '@/lib/tstzrange';

export type CalendarEventKind = 'availability' | 'external-availability' | 'appointment' | 'request';

/** Labels for each kind: on the event itself and in the legend (colour is never the only cue). */
export const eventKinds: Record<CalendarEventKind, { label: string; legend: string }> = {
  availability: { label: 'Available (internal only)', legend: 'Availability for the clinic’s own bookings' },
  'external-availability': {
    label: 'Available (accepts external)',
    legend: 'Availability that accepts external appointments (payers, Client Portal)',
  },
  appointment: { label: 'Appointment', legend: 'Scheduled appointment' },
  request: {
    label: 'Pending request',
    legend: 'Pending referral request, waiting to be confirmed or declined',
  },
};

/** The order kinds are listed in, and the order events that start together are stacked in. */
export const eventKindOrder: readonly CalendarEventKind[] = [
  'availability',
  'external-availability',
  'appointment',
  'request',
];

export interface OccurrenceEntry {
  during: TimeRange;
  block: { id: string; location_id: string; accept_external: boolean };
}

export interface AppointmentEntry {
  id: string;
  during: TimeRange;
  location_id: string | null;
  /** Null when the viewer may not read the client (therapists do not read the clinic's clients). */
  client: { first_name: string; last_name: string } | null;
}

export interface RequestEntry {
  id: string;
  slot: TimeRange;
  location_id: string | null;
  first_name: string;
  last_name: string;
  source: 'payer' | 'client_portal';
  payer: { name: string } | null;
}

export interface CalendarEvent {
  /** Unique among the calendar's events. */
  id: string;
  kind: CalendarEventKind;
  title: string;
  start: Date;
  end: Date;
  /** The availability block an availability event belongs to. */
  blockId: string | null;
  /** Where it happens, when known: its office's time zone names the event's time (the one clock). */
  locationId: string | null;
  locationName: string | null;
  /** More about the event, for its details (who asked, from where). */
  detail: string | null;
}

/** The classes that give an event its kind's look, in every view. */
export const eventClassName = (event: Pick<CalendarEvent, 'kind'>) =>
  `calendar-event calendar-event-${event.kind}`;

/** "Aetna" for a payer's request, "Client Portal" for the clinic's own request page. */
export function requestSourceLabel(request: Pick<RequestEntry, 'source' | 'payer'>): string {
  return request.source === 'client_portal' ? 'Client Portal' : (request.payer?.name ?? 'Payer');
}

const joinTitle = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ');

/** Every event of the calendar, by start time (availability first when things start together). */
export function buildCalendarEvents({
  occurrences = [],
  appointments = [],
  requests = [],
  locationNames = new Map<string, string>(),
}: {
  occurrences?: readonly OccurrenceEntry[];
  appointments?: readonly AppointmentEntry[];
  requests?: readonly RequestEntry[];
  locationNames?: ReadonlyMap<string, string>;
}): CalendarEvent[] {
  const locationName = (id: string | null) => (id === null ? null : (locationNames.get(id) ?? null));
  const events: CalendarEvent[] = [
    ...occurrences.map((o): CalendarEvent => {
      const kind: CalendarEventKind = o.block.accept_external ? 'external-availability' : 'availability';
      const location = locationName(o.block.location_id);
      return {
        id: `block:${o.block.id}:${o.during.start.toISOString()}`,
        kind,
        title: joinTitle(eventKinds[kind].label, location),
        start: o.during.start,
        end: o.during.end,
        blockId: o.block.id,
        locationId: o.block.location_id,
        locationName: location,
        detail: null,
      };
    }),
    ...appointments.map((a): CalendarEvent => {
      const client = a.client ? `${a.client.first_name} ${a.client.last_name}` : null;
      return {
        id: `appointment:${a.id}`,
        kind: 'appointment',
        title: joinTitle(eventKinds.appointment.label, client),
        start: a.during.start,
        end: a.during.end,
        blockId: null,
        locationId: a.location_id,
        locationName: locationName(a.location_id),
        detail: client,
      };
    }),
    ...requests.map((r): CalendarEvent => {
      const requester = `${r.first_name} ${r.last_name}`;
      const source = requestSourceLabel(r);
      return {
        id: `request:${r.id}`,
        kind: 'request',
        title: joinTitle(eventKinds.request.label, `${requester} (${source})`),
        start: r.slot.start,
        end: r.slot.end,
        blockId: null,
        locationId: r.location_id,
        locationName: locationName(r.location_id),
        detail: `${requester}, via ${source}`,
      };
    }),
  ];
  return events.sort(
    (a, b) =>
      a.start.getTime() - b.start.getTime() ||
      eventKindOrder.indexOf(a.kind) - eventKindOrder.indexOf(b.kind),
  );
}
