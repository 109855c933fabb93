/**
 * The Client Referral Program tab's backend for one test: the grid's function, Add Staff's
 * candidates and the payers, the writes (enroll, payers, deactivate, delete) applied to the
 * enrollments below so the grid's refetch shows them, and the clinic's undelivered emails. Every
 * request is kept for the test to look at. What the database refuses, and who may read what, is
 * proven against the real database in tests/api; tests serve a refusal with `server.use`.
 */
import { http, HttpResponse } from 'msw';
import type { Database, Tables } from '@/types/database.types';
import { people, type Person, type PersonName } from './people';
import { bodyOf, eqValue, restUrl, rows } from './rest';
import { server } from './server';

type GridFunction = Database['public']['Functions']['program_grid_page'];
export type ProgramGridArgs = GridFunction['Args'];

export const payerIds = {
  aetna: 'b0a1e000-0000-4000-8000-000000000001',
  bcbs: 'b0a1e000-0000-4000-8000-000000000002',
  cigna: 'b0a1e000-0000-4000-8000-000000000003',
  united: 'b0a1e000-0000-4000-8000-000000000004',
  harvardPilgrim: 'b0a1e000-0000-4000-8000-000000000005',
} as const;

/** The payer catalog, by name (the order the app asks for). */
const payers = [
  { id: payerIds.aetna, name: 'Aetna' },
  { id: payerIds.bcbs, name: 'Blue Cross Blue Shield of Massachusetts' },
  { id: payerIds.cigna, name: 'Cigna Healthcare' },
  { id: payerIds.harvardPilgrim, name: 'Harvard Pilgrim Health Care' },
  { id: payerIds.united, name: 'UnitedHealthcare' },
];

export interface Enrollment {
  id: string;
  staffId: string;
  firstName: string;
  lastName: string;
  status: 'active' | 'deactivated';
  payerIds: string[];
  /** The public profile was submitted: Application Status Completed. */
  submitted: boolean;
}

export const enrollmentId = (suffix: string) => `e0e00000-0000-4000-8000-0000000000${suffix}`;

const enrollmentOf = (p: Person, suffix: string, payerList: string[], submitted: boolean): Enrollment => ({
  id: enrollmentId(suffix),
  staffId: p.staffId,
  firstName: p.firstName,
  lastName: p.lastName,
  status: 'active',
  payerIds: payerList,
  submitted,
});

/** As the demo seed has them, by last name: Jordan and Sofia Incomplete, Priya Completed. */
const seedEnrollments = (): Enrollment[] => [
  enrollmentOf(people.jordan, '04', [payerIds.cigna, payerIds.united], false),
  enrollmentOf(people.sofia, '05', [payerIds.aetna], false),
  enrollmentOf(people.priya, '03', [payerIds.aetna, payerIds.bcbs, payerIds.harvardPilgrim], true),
];

/** Harborview's active therapists never enrolled, by last name. */
const candidateNames: PersonName[] = ['marcus', 'daniel', 'hannah'];

export type UndeliveredEmail = Pick<
  Tables<'notification_outbox'>,
  'id' | 'template' | 'recipient' | 'attempts' | 'last_error' | 'dead_lettered_at'
>;

/** A dead-lettered confirmation email. */
export const deadLetter = (overrides: Partial<UndeliveredEmail> = {}): UndeliveredEmail => ({
  id: crypto.randomUUID(),
  template: 'request_confirmed',
  recipient: 'elena.castillo@example.org',
  attempts: 71,
  last_error: 'email API unreachable: error sending request: Connection refused',
  dead_lettered_at: '2026-12-04T15:30:00Z',
  ...overrides,
});

export interface LoggedRequest {
  method: string;
  path: string;
  params: URLSearchParams;
  body: unknown;
}

/** The rows the grid's function answers for `args`, before paging: all of them unless a test says otherwise. */
export type GridAnswer = (args: ProgramGridArgs, enrollments: Enrollment[]) => Enrollment[];

const payerName = (id: string) => payers.find((p) => p.id === id)?.name ?? '';

function gridRow(e: Enrollment, total: number): GridFunction['Returns'][number] {
  const sorted = [...e.payerIds].sort((a, b) => payerName(a).localeCompare(payerName(b)));
  return {
    enrollment_id: e.id,
    staff_id: e.staffId,
    first_name: e.firstName,
    last_name: e.lastName,
    status: e.status,
    application_status: e.submitted ? 'completed' : 'incomplete',
    payer_ids: sorted,
    payer_names: sorted.map(payerName),
    total_count: total,
  };
}

/** Serves the program of Harborview as the demo seed has it; returns its state (change it freely) and the requests. */
export function serveProgram({ grid = (_args, all) => all }: { grid?: GridAnswer } = {}) {
  const state = {
    enrollments: seedEnrollments(),
    candidates: candidateNames.map((name) => people[name]),
    /** The clinic's dead letters, newest first. */
    undelivered: [] as UndeliveredEmail[],
  };
  const requests: LoggedRequest[] = [];
  const log = async (request: Request, path: string) => {
    const body = request.method === 'GET' ? undefined : await bodyOf<unknown>(request).catch(() => undefined);
    requests.push({ method: request.method, path, params: new URL(request.url).searchParams, body });
    return body;
  };
  const target = (request: Request) => state.enrollments.find((e) => e.id === eqValue(request, 'id'));

  server.use(
    http.post(restUrl('rpc/program_grid_page'), async ({ request }) => {
      const args = (await log(request, 'rpc/program_grid_page')) as ProgramGridArgs;
      const matches = grid(args, state.enrollments);
      const offset = args.page_offset ?? 0;
      const page = matches.slice(offset, offset + (args.page_size ?? 200));
      return HttpResponse.json(page.map((e) => gridRow(e, matches.length)));
    }),
    http.get(restUrl('staff_members'), async ({ request }) => {
      // Add Staff's candidates: those without an enrollment (the anti-join's filter)
      if (!new URL(request.url).searchParams.has('program_enrollments')) return undefined;
      await log(request, 'staff_members');
      return HttpResponse.json(
        state.candidates.map((p) => ({
          id: p.staffId,
          first_name: p.firstName,
          last_name: p.lastName,
          program_enrollments: [],
        })),
      );
    }),
    http.get(restUrl('payers'), async ({ request }) => {
      await log(request, 'payers');
      return HttpResponse.json(payers);
    }),
    http.post(restUrl('rpc/enroll_staff'), async ({ request }) => {
      const body = (await log(request, 'rpc/enroll_staff')) as { staff_id: string; payer_ids: string[] };
      const staff = state.candidates.find((p) => p.staffId === body.staff_id)!;
      const enrollment = { ...enrollmentOf(staff, '99', body.payer_ids, false), id: crypto.randomUUID() };
      state.enrollments.push(enrollment);
      state.candidates = state.candidates.filter((p) => p !== staff);
      return HttpResponse.json(enrollment.id);
    }),
    http.post(restUrl('rpc/set_enrollment_payers'), async ({ request }) => {
      const body = (await log(request, 'rpc/set_enrollment_payers')) as {
        enrollment_id: string;
        payer_ids: string[];
      };
      state.enrollments.find((e) => e.id === body.enrollment_id)!.payerIds = body.payer_ids;
      return new HttpResponse(null, { status: 204 });
    }),
    http.patch(restUrl('program_enrollments'), async ({ request }) => {
      const body = (await log(request, 'program_enrollments')) as Pick<Enrollment, 'status'>;
      const enrollment = target(request)!;
      enrollment.status = body.status;
      return rows(request, [{ id: enrollment.id }]);
    }),
    http.delete(restUrl('program_enrollments'), async ({ request }) => {
      await log(request, 'program_enrollments');
      const enrollment = target(request)!;
      state.enrollments = state.enrollments.filter((e) => e !== enrollment);
      return rows(request, [{ id: enrollment.id }]);
    }),
    http.get(restUrl('notification_outbox'), async ({ request }) => {
      await log(request, 'notification_outbox');
      const count = state.undelivered.length;
      return HttpResponse.json(state.undelivered, {
        headers: { 'Content-Range': count > 0 ? `0-${count - 1}/${count}` : '*/0' },
      });
    }),
    http.post(restUrl('rpc/resend_undelivered_email'), async ({ request }) => {
      const body = (await log(request, 'rpc/resend_undelivered_email')) as { notification_id: string };
      state.undelivered = state.undelivered.filter((e) => e.id !== body.notification_id);
      return HttpResponse.json('pending');
    }),
  );

  const gridRequests = () =>
    requests.filter((r) => r.path === 'rpc/program_grid_page').map((r) => r.body as ProgramGridArgs);
  /** Requests that change something: not reads, and not the grid's function (a read through POST). */
  const writes = () => requests.filter((r) => r.method !== 'GET' && r.path !== 'rpc/program_grid_page');
  return { state, requests, gridRequests, writes };
}
