/**
 * The Schedule calendar's backend for one test: Priya's weekly availability as the database expands
 * it (written out for the weeks of 2–8 and 9–15 May 2027, Boston time), her appointment and her
 * pending request, and the program enrollments the availability form asks about. Block writes change
 * the state below so the calendar's refetch shows them. How the database expands blocks, refuses
 * overlaps and hides what a role may not read is proven in tests/api; tests serve refusals with `server.use`.
 */
import { http, HttpResponse } from 'msw';
import type { Tables } from '@/types/database.types';
import { locations, people, type PersonName } from './people';
import { bodyOf, eqValue, restUrl, rows } from './rest';
import { server } from './server';

type Block = Pick<
  Tables<'availability_blocks'>,
  | 'id'
  | 'staff_id'
  | 'location_id'
  | 'valid_from'
  | 'valid_until'
  | 'weekdays'
  | 'start_time'
  | 'end_time'
  | 'accept_external'
>;

export const blockId = (suffix: string) => `b10c0000-0000-4000-8000-0000000000${suffix}`;

/** Priya's blocks at Back Bay: Mon/Wed/Thu mornings and Tuesday afternoons, both open to external appointments. */
const seedBlocks = (): Block[] => [
  {
    id: blockId('01'),
    staff_id: people.priya.staffId,
    location_id: locations.backBay.id,
    valid_from: '2027-01-04',
    valid_until: null,
    weekdays: [1, 3, 4],
    start_time: '09:00:00',
    end_time: '12:00:00',
    accept_external: true,
  },
  {
    id: blockId('02'),
    staff_id: people.priya.staffId,
    location_id: locations.backBay.id,
    valid_from: '2027-01-04',
    valid_until: null,
    weekdays: [2],
    start_time: '13:00:00',
    end_time: '17:00:00',
    accept_external: true,
  },
];

/** A tstzrange as the database prints it, from two UTC times of a day in May 2027 (Boston is UTC−4 then). */
export const mayRange = (day: number, fromUtc: string, toUtc: string) => {
  const date = `2027-05-${String(day).padStart(2, '0')}`;
  return `["${date} ${fromUtc}:00+00","${date} ${toUtc}:00+00")`;
};

export interface Occurrence {
  blockId: string;
  during: string;
}

/** The occurrences of the seed's blocks in the weeks of 2 and 9 May 2027. */
const seedOccurrences = (): Occurrence[] => [
  ...[3, 5, 6, 10, 12, 13].map((day) => ({
    blockId: blockId('01'),
    during: mayRange(day, '13:00', '16:00'),
  })),
  ...[4, 11].map((day) => ({ blockId: blockId('02'), during: mayRange(day, '17:00', '21:00') })),
];

/**
 * Serves Priya's calendar; returns its state (change it freely). Whoever may see her calendar
 * reads her appointments' clients (admins and schedulers the clinic's, Priya her own).
 */
export function serveSchedule() {
  const state = {
    blocks: seedBlocks(),
    occurrences: seedOccurrences(),
    /** Enrolled therapists and their enrollment's status: Priya, Jordan and Sofia, active. */
    enrollments: { priya: 'active', jordan: 'active', sofia: 'active' } as Partial<
      Record<PersonName, 'active' | 'deactivated'>
    >,
    /** Whose public profile is submitted (Application Status Completed): everyone enrolled. */
    profileSubmitted: { priya: true, jordan: true, sofia: true } as Partial<Record<PersonName, boolean>>,
    /** How many payers may refer to each enrolled therapist. */
    payerCount: { priya: 2, jordan: 1, sofia: 1 } as Partial<Record<PersonName, number>>,
  };
  const personOf = (request: Request) =>
    (Object.keys(people) as PersonName[]).find((n) => people[n].staffId === eqValue(request, 'staff_id'));
  const priyaAsked = (request: Request, column = 'staff_id') =>
    eqValue(request, column) === people.priya.staffId;

  server.use(
    http.get(restUrl('program_enrollments'), ({ request }) => {
      const name = personOf(request);
      const status = name && state.enrollments[name];
      return rows(
        request,
        status
          ? [
              {
                id: `e0000000-0000-4000-8000-${people[name].staffId.slice(-12)}`,
                status,
                enrollment_payers: [{ count: state.payerCount[name] ?? 0 }],
              },
            ]
          : [],
      );
    }),
    http.get(restUrl('public_profiles'), ({ request }) => {
      const name = personOf(request);
      return rows(
        request,
        name && state.profileSubmitted[name] ? [{ submitted_at: '2026-11-20T15:00:00+00:00' }] : [],
      );
    }),
    http.get(restUrl('availability_occurrences'), ({ request }) => {
      const mine = state.blocks.filter((b) => b.staff_id === eqValue(request, 'staff_id'));
      return HttpResponse.json(
        state.occurrences.flatMap((o) => {
          const block = mine.find((b) => b.id === o.blockId);
          return block ? [{ during: o.during, block }] : [];
        }),
      );
    }),
    http.get(restUrl('appointments'), ({ request }) =>
      HttpResponse.json(
        priyaAsked(request)
          ? [
              {
                id: 'a0000000-0000-4000-8000-000000000001',
                during: mayRange(3, '14:00', '15:00'),
                location_id: locations.backBay.id,
                client: { first_name: 'Ana', last_name: 'Silva' },
              },
            ]
          : [],
      ),
    ),
    http.get(restUrl('referral_requests'), ({ request }) =>
      HttpResponse.json(
        priyaAsked(request, 'therapist_id')
          ? [
              {
                id: 'f0000000-0000-4000-8000-000000000001',
                slot: mayRange(6, '14:00', '15:00'),
                location_id: locations.backBay.id,
                first_name: 'Jamie',
                last_name: 'Cole',
                source: 'payer',
                payer: { name: 'Aetna' },
              },
            ]
          : [],
      ),
    ),
    http.post(restUrl('availability_blocks'), async ({ request }) => {
      const body = await bodyOf<Omit<Block, 'id'>>(request);
      const block = { ...body, id: blockId(String(state.blocks.length + 1).padStart(2, '0')) };
      state.blocks.push(block);
      return rows(request, [{ id: block.id }], 201);
    }),
    http.patch(restUrl('availability_blocks'), async ({ request }) => {
      const changes = await bodyOf<Partial<Block>>(request);
      const id = eqValue(request, 'id');
      state.blocks = state.blocks.map((b) => (b.id === id ? { ...b, ...changes } : b));
      return rows(
        request,
        state.blocks.filter((b) => b.id === id).map((b) => ({ id: b.id })),
      );
    }),
    http.delete(restUrl('availability_blocks'), ({ request }) => {
      const id = eqValue(request, 'id');
      state.blocks = state.blocks.filter((b) => b.id !== id);
      return rows(request, [{ id }]);
    }),
  );
  return state;
}
