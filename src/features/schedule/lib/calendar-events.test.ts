import { describe, expect, it } from 'vitest';
import { buildCalendarEvents, requestSourceLabel } from './calendar-events';

const range = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });
const backBay = 'loc-back-bay';
const locationNames = new Map([[backBay, 'Back Bay Office']]);

describe('buildCalendarEvents', () => {
  const events = buildCalendarEvents({
    locationNames,
    occurrences: [
      {
        during: range('2027-05-04T17:00:00Z', '2027-05-04T21:00:00Z'),
        block: { id: 'b2', location_id: backBay, accept_external: false },
      },
      {
        during: range('2027-05-03T13:00:00Z', '2027-05-03T16:00:00Z'),
        block: { id: 'b1', location_id: backBay, accept_external: true },
      },
    ],
    appointments: [
      {
        id: 'a1',
        during: range('2027-05-03T13:00:00Z', '2027-05-03T14:00:00Z'),
        location_id: backBay,
        client: { first_name: 'Ana', last_name: 'Silva' },
      },
      {
        id: 'a2',
        during: range('2027-05-05T13:00:00Z', '2027-05-05T14:00:00Z'),
        location_id: null,
        client: null,
      },
    ],
    requests: [
      {
        id: 'r1',
        slot: range('2027-05-03T14:00:00Z', '2027-05-03T15:00:00Z'),
        location_id: backBay,
        first_name: 'Jamie',
        last_name: 'Cole',
        source: 'payer',
        payer: { name: 'Aetna' },
      },
    ],
  });

  it('orders by start, availability before what starts with it', () => {
    expect(events.map((e) => e.id)).toEqual([
      'block:b1:2027-05-03T13:00:00.000Z',
      'appointment:a1',
      'request:r1',
      'block:b2:2027-05-04T17:00:00.000Z',
      'appointment:a2',
    ]);
  });

  it('tells internal from external availability, in words as well as colour', () => {
    expect(events[0]).toMatchObject({
      kind: 'external-availability',
      title: 'Available (accepts external) · Back Bay Office',
      blockId: 'b1',
    });
    expect(events[3]).toMatchObject({
      kind: 'availability',
      title: 'Available (internal only) · Back Bay Office',
      blockId: 'b2',
    });
  });

  it('names the client when the viewer may read them, and the requester with the source', () => {
    expect(events[1]).toMatchObject({ kind: 'appointment', title: 'Appointment · Ana Silva', blockId: null });
    expect(events[4]).toMatchObject({ title: 'Appointment', locationName: null });
    expect(events[2]).toMatchObject({
      kind: 'request',
      title: 'Pending request · Jamie Cole (Aetna)',
      detail: 'Jamie Cole, via Aetna',
    });
    expect(events[2]!.end.toISOString()).toBe('2027-05-03T15:00:00.000Z');
  });

  it('is empty for nothing', () => {
    expect(buildCalendarEvents({})).toEqual([]);
  });
});

describe('requestSourceLabel', () => {
  it('says Client Portal or the payer', () => {
    expect(requestSourceLabel({ source: 'client_portal', payer: null })).toBe('Client Portal');
    expect(requestSourceLabel({ source: 'payer', payer: { name: 'Cigna Healthcare' } })).toBe(
      'Cigna Healthcare',
    );
  });
});
