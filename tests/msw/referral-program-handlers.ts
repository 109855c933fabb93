/**
 * PostgREST at the network edge for the Client Referral Program grid, with the rules of
 * supabase/migrations/20261128000300_program_enrollments.sql and 20261128000900_program_grid.sql:
 * the grid's function program_grid_page (through the policies: admins and schedulers of the clinic
 * read its program, a therapist their own enrollment), the Add Staff candidates (an anti-join of staff_members on
 * program_enrollments), the payer catalog, and the writes (enroll_staff, set_enrollment_payers,
 * deactivate, delete) with the database's own refusals and messages. It answers only the filters
 * the app should send, so a wrong query fails here too. Every request is logged for tests.
 */
import { http, HttpResponse } from 'msw';
import type { Database, Tables } from '@/types/database.types';
import { userIdFromBearer } from './auth-handlers';
import { db, orgIds, staffId } from './data';
import { testSupabaseUrl } from './env';

const rest = `${testSupabaseUrl}/rest/v1`;

type Row = Record<string, unknown>;

export const payerIds = {
  aetna: 'b0a1e000-0000-4000-8000-000000000001',
  bcbs: 'b0a1e000-0000-4000-8000-000000000002',
  cigna: 'b0a1e000-0000-4000-8000-000000000003',
  united: 'b0a1e000-0000-4000-8000-000000000004',
  harvardPilgrim: 'b0a1e000-0000-4000-8000-000000000005',
} as const;

const payers: Pick<Tables<'payers'>, 'id' | 'name'>[] = [
  { id: payerIds.aetna, name: 'Aetna' },
  { id: payerIds.bcbs, name: 'Blue Cross Blue Shield of Massachusetts' },
  { id: payerIds.cigna, name: 'Cigna Healthcare' },
  { id: payerIds.united, name: 'UnitedHealthcare' },
  { id: payerIds.harvardPilgrim, name: 'Harvard Pilgrim Health Care' },
];

export interface ProgramEnrollment {
  id: string;
  org_id: string;
  staff_id: string;
  status: 'active' | 'deactivated';
  payer_ids: string[];
  /** public_profiles.submitted_at is set: Application Status Completed */
  submitted: boolean;
}

export const enrollmentId = (suffix: string) => `e0e00000-0000-4000-8000-0000000000${suffix}`;

/** As the demo seed has them: Priya Completed, Jordan and Sofia Incomplete; Daniel, Hannah and Marcus not enrolled. */
function initialEnrollments(): ProgramEnrollment[] {
  return [
    {
      id: enrollmentId('03'),
      org_id: orgIds.harborview,
      staff_id: staffId('03'),
      status: 'active',
      payer_ids: [payerIds.aetna, payerIds.bcbs, payerIds.harvardPilgrim],
      submitted: true,
    },
    {
      id: enrollmentId('04'),
      org_id: orgIds.harborview,
      staff_id: staffId('04'),
      status: 'active',
      payer_ids: [payerIds.cigna, payerIds.united],
      submitted: false,
    },
    {
      id: enrollmentId('05'),
      org_id: orgIds.harborview,
      staff_id: staffId('05'),
      status: 'active',
      payer_ids: [payerIds.aetna],
      submitted: false,
    },
  ];
}

export const programDb = { enrollments: initialEnrollments() };

/** Every request to the program's tables and functions: what tests inspect. */
export const programLog = {
  requests: [] as { method: string; path: string; params: URLSearchParams; body: unknown }[],
};

export function resetReferralProgramData(): void {
  programDb.enrollments = initialEnrollments();
  programLog.requests = [];
}

type GridFunction = Database['public']['Functions']['program_grid_page'];
export type ProgramGridArgs = GridFunction['Args'];

/** The grid requests (POST rpc/program_grid_page) received so far, as their JSON bodies (the function's arguments). */
export const gridRequests = () =>
  programLog.requests
    .filter((r) => r.method === 'POST' && r.path === 'rpc/program_grid_page')
    .map((r) => r.body as ProgramGridArgs);

const postgrestError = (status: number, code: string, message: string, hint: string | null = null) =>
  HttpResponse.json({ code, details: null, hint, message }, { status });

async function log(request: Request, path: string): Promise<unknown> {
  const body =
    request.method === 'GET'
      ? undefined
      : await request
          .clone()
          .text()
          .then((t) => (t ? (JSON.parse(t) as unknown) : undefined));
  programLog.requests.push({ method: request.method, path, params: new URL(request.url).searchParams, body });
  return body;
}

const viewerRecords = (userId: string | null) =>
  db.staff_members.filter((s) => userId !== null && s.user_id === userId && s.is_active);
const orgsWithRole = (userId: string | null, ...roles: string[]) =>
  new Set(
    viewerRecords(userId)
      .filter((s) => s.roles.some((r) => roles.includes(r)))
      .map((s) => s.org_id),
  );

const payerName = (id: string) => payers.find((p) => p.id === id)?.name ?? '';

function compare(a: unknown, b: unknown): number {
  return String(a ?? '').localeCompare(String(b ?? ''), 'en', { sensitivity: 'variant' });
}

/** uuids compare as their bytes do: as lower-case hex strings. */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const gridArgNames = [
  'org',
  'name_words',
  'only_application_status',
  'with_payer',
  'sort_column',
  'descending',
  'page_offset',
  'page_size',
];
const gridSortColumns = { staff: null, applicationStatus: 'application_status', status: 'status' } as const;

type GridRow = Omit<GridFunction['Returns'][number], 'total_count'>;

function gridRow(e: ProgramEnrollment): GridRow {
  const staff = db.staff_members.find((s) => s.id === e.staff_id)!;
  const sorted = [...e.payer_ids].sort((a, b) => compare(payerName(a), payerName(b)));
  return {
    enrollment_id: e.id,
    staff_id: e.staff_id,
    first_name: staff.first_name,
    last_name: staff.last_name,
    status: e.status,
    application_status: e.submitted ? 'completed' : 'incomplete',
    payer_ids: sorted,
    payer_names: sorted.map(payerName),
  };
}

/**
 * public.program_grid_page: the enrollments of `org` the caller's policies let them read, each name
 * word contained (literally, ignoring case) in "last, first", filtered, sorted (ties by last name,
 * first name, enrollment id), one page of them, each row with the count of all matches.
 */
function programGridPage(userId: string, args: Record<string, unknown>): Response {
  const unknown = Object.keys(args).filter((name) => !gridArgNames.includes(name));
  if (unknown.length > 0 || typeof args.org !== 'string') {
    return postgrestError(
      404,
      'PGRST202',
      `Could not find the function public.program_grid_page(${Object.keys(args).sort().join(', ')}) in the schema cache`,
    );
  }
  const sortColumn = args.sort_column === undefined ? 'staff' : args.sort_column;
  if (typeof sortColumn !== 'string' || !Object.hasOwn(gridSortColumns, sortColumn)) {
    return postgrestError(400, '22023', 'Sort by staff, applicationStatus or status.', 'unknown_sort_column');
  }
  const descending = args.descending === true;
  const words = ((args.name_words ?? []) as string[])
    .filter((w) => w.trim() !== '')
    .slice(0, 10)
    .map((w) => w.toLowerCase());
  const applicationStatus = (args.only_application_status ?? null) as string | null;
  const payer = (args.with_payer ?? null) as string | null;
  const offset = Math.max(Number(args.page_offset ?? 0), 0);
  const size = Math.min(Math.max(Number(args.page_size ?? 200), 1), 500);

  // security invoker: the enrollment policies decide
  const viewerOrgs = orgsWithRole(userId, 'org_admin', 'scheduler');
  const ownStaff = new Set(viewerRecords(userId).map((s) => s.id));
  const matches = programDb.enrollments
    .filter((e) => e.org_id === args.org && (viewerOrgs.has(e.org_id) || ownStaff.has(e.staff_id)))
    .filter((e) => payer === null || e.payer_ids.includes(payer))
    .map(gridRow)
    .filter((row) => applicationStatus === null || row.application_status === applicationStatus)
    .filter((row) =>
      words.every((word) => `${row.last_name}, ${row.first_name}`.toLowerCase().includes(word)),
    );

  // the enrollment_status enum's order (active, deactivated) is also the alphabetical one
  const column = gridSortColumns[sortColumn as keyof typeof gridSortColumns];
  const sign = descending ? -1 : 1;
  const nameSign = column === null ? sign : 1;
  matches.sort(
    (a, b) =>
      (column === null ? 0 : compare(a[column], b[column]) * sign) ||
      compare(a.last_name, b.last_name) * nameSign ||
      compare(a.first_name, b.first_name) * nameSign ||
      compareIds(a.enrollment_id, b.enrollment_id),
  );
  return HttpResponse.json(
    matches.slice(offset, offset + size).map((row) => ({ ...row, total_count: matches.length })),
  );
}

function selectColumns(
  rows: Row[],
  select: string | null,
  columns: readonly string[],
  table: string,
): Row[] | Response {
  const wanted = (select ?? '*').split(',').map((c) => c.trim());
  for (const column of wanted) {
    if (column !== '*' && !columns.includes(column))
      return postgrestError(400, '42703', `column ${table}.${column} does not exist`);
  }
  return rows.map((row) => (wanted.includes('*') ? row : Object.fromEntries(wanted.map((c) => [c, row[c]]))));
}

/** private.check_payer_list */
function payerListError(ids: unknown): Response | null {
  if (!Array.isArray(ids) || ids.length === 0)
    return postgrestError(400, '23514', 'Choose at least one payer.', 'payers_required');
  if (new Set(ids).size !== ids.length)
    return postgrestError(400, '22023', 'Each payer can be chosen once.', 'duplicate_payer');
  if (ids.some((id) => !payers.some((p) => p.id === id))) {
    return postgrestError(400, '22023', 'One of the chosen payers does not exist.', 'unknown_payer');
  }
  return null;
}

/** The `id=eq.…` and `org_id=eq.…` filters of a write, the only ones the app sends. */
function writeTargets(params: URLSearchParams, visible: ProgramEnrollment[]): ProgramEnrollment[] | Response {
  let result = visible;
  for (const [column, filter] of params) {
    if (column === 'select') continue;
    const value = /^eq\.(.*)$/.exec(filter)?.[1];
    if (value === undefined || !['id', 'org_id'].includes(column)) {
      return postgrestError(
        400,
        'PGRST100',
        `the test backend only supports id and org_id eq filters here, got ${column}=${filter}`,
      );
    }
    result = result.filter((e) => String(e[column as 'id' | 'org_id']) === value);
  }
  return result;
}

export const referralProgramHandlers = [
  http.post(`${rest}/rpc/program_grid_page`, async ({ request }) => {
    const body = await log(request, 'rpc/program_grid_page');
    const userId = userIdFromBearer(request);
    if (userId === null)
      return postgrestError(401, '42501', 'permission denied for function program_grid_page');
    return programGridPage(userId, (body ?? {}) as Record<string, unknown>);
  }),

  // Add Staff's candidates: active therapists of the clinic never enrolled. Other staff queries go on to rest-handlers.
  http.get(`${rest}/staff_members`, async ({ request }) => {
    const params = new URL(request.url).searchParams;
    if (!params.get('select')?.includes('program_enrollments(')) return undefined;
    await log(request, 'staff_members');
    const userId = userIdFromBearer(request);
    if (userId === null) return postgrestError(401, '42501', 'permission denied for table staff_members');
    const memberOrgs = new Set(viewerRecords(userId).map((s) => s.org_id));
    let rows = db.staff_members.filter((s) => memberOrgs.has(s.org_id));
    const expected: Record<string, (s: Tables<'staff_members'>, value: string) => boolean> = {
      org_id: (s, v) => v === `eq.${s.org_id}`,
      is_active: (s, v) => v === `eq.${s.is_active}`,
      roles: (s, v) => v === 'cs.{therapist}' && s.roles.includes('therapist'),
      program_enrollments: (s, v) =>
        v === 'is.null' && !programDb.enrollments.some((e) => e.staff_id === s.id),
    };
    for (const [column, filter] of params) {
      if (['select', 'order'].includes(column)) continue;
      const test = expected[column];
      if (!test)
        return postgrestError(400, 'PGRST100', `the test backend does not support ${column}=${filter} here`);
      rows = rows.filter((s) => test(s, filter));
    }
    if (params.get('order') !== 'last_name.asc,first_name.asc') {
      return postgrestError(
        400,
        'PGRST100',
        `the test backend expects order=last_name.asc,first_name.asc, got ${params.get('order')}`,
      );
    }
    rows = [...rows].sort((a, b) => compare(a.last_name, b.last_name) || compare(a.first_name, b.first_name));
    return HttpResponse.json(
      rows.map((s) => ({
        id: s.id,
        first_name: s.first_name,
        last_name: s.last_name,
        program_enrollments: [],
      })),
    );
  }),

  http.get(`${rest}/payers`, async ({ request }) => {
    await log(request, 'payers');
    if (userIdFromBearer(request) === null)
      return postgrestError(401, '42501', 'permission denied for table payers');
    const params = new URL(request.url).searchParams;
    const sorted = [...payers].sort((a, b) => compare(a.name, b.name));
    const selected = selectColumns(sorted, params.get('select'), ['id', 'name'], 'payers');
    if (selected instanceof Response) return selected;
    return HttpResponse.json(selected);
  }),

  http.post(`${rest}/rpc/enroll_staff`, async ({ request }) => {
    const body = (await log(request, 'rpc/enroll_staff')) as { staff_id?: unknown; payer_ids?: unknown };
    const userId = userIdFromBearer(request);
    if (userId === null) return postgrestError(401, '42501', 'permission denied for function enroll_staff');
    const listError = payerListError(body.payer_ids);
    if (listError) return listError;
    const memberOrgs = new Set(viewerRecords(userId).map((s) => s.org_id));
    const staff = db.staff_members.find((s) => s.id === body.staff_id && memberOrgs.has(s.org_id));
    if (!staff) {
      return postgrestError(
        404,
        'PT404',
        'That staff member does not exist or is not in your organization.',
        'unknown_staff',
      );
    }
    if (!orgsWithRole(userId, 'org_admin').has(staff.org_id)) {
      return postgrestError(
        403,
        '42501',
        'Only org admins can add staff to the Client Referral Program.',
        'not_allowed',
      );
    }
    if (!db.organizations.find((o) => o.id === staff.org_id)?.referral_program_enabled) {
      return postgrestError(
        400,
        'P0001',
        'The Client Referral Program is not available to this organization.',
        'program_not_enabled',
      );
    }
    if (!staff.is_active || !staff.roles.includes('therapist')) {
      return postgrestError(
        400,
        'P0001',
        'Only active therapists of this organization can be added to the program.',
        'not_an_active_therapist',
      );
    }
    if (programDb.enrollments.some((e) => e.staff_id === staff.id)) {
      return postgrestError(
        409,
        '23505',
        `${staff.first_name} ${staff.last_name} was already enrolled; a deactivated therapist can never be added again.`,
        'already_enrolled',
      );
    }
    const id = crypto.randomUUID();
    programDb.enrollments.push({
      id,
      org_id: staff.org_id,
      staff_id: staff.id,
      status: 'active',
      payer_ids: body.payer_ids as string[],
      submitted: false,
    });
    return HttpResponse.json(id);
  }),

  http.post(`${rest}/rpc/set_enrollment_payers`, async ({ request }) => {
    const body = (await log(request, 'rpc/set_enrollment_payers')) as {
      enrollment_id?: unknown;
      payer_ids?: unknown;
    };
    const userId = userIdFromBearer(request);
    if (userId === null)
      return postgrestError(401, '42501', 'permission denied for function set_enrollment_payers');
    const listError = payerListError(body.payer_ids);
    if (listError) return listError;
    const admin = orgsWithRole(userId, 'org_admin');
    const enrollment = programDb.enrollments.find((e) => e.id === body.enrollment_id && admin.has(e.org_id));
    if (!enrollment)
      return postgrestError(
        403,
        '42501',
        'That enrollment does not exist or you cannot change it.',
        'not_allowed',
      );
    if (enrollment.status === 'deactivated') {
      return postgrestError(
        400,
        'P0001',
        'The payers of a deactivated therapist cannot change.',
        'enrollment_deactivated',
      );
    }
    enrollment.payer_ids = body.payer_ids as string[];
    return new HttpResponse(null, { status: 204 });
  }),

  http.patch(`${rest}/program_enrollments`, async ({ request }) => {
    const body = (await log(request, 'program_enrollments')) as Row;
    const userId = userIdFromBearer(request);
    if (userId === null)
      return postgrestError(401, '42501', 'permission denied for table program_enrollments');
    if (Object.keys(body).some((column) => column !== 'status')) {
      return postgrestError(403, '42501', 'permission denied for table program_enrollments');
    }
    const admin = orgsWithRole(userId, 'org_admin');
    const params = new URL(request.url).searchParams;
    const targets = writeTargets(
      params,
      programDb.enrollments.filter((e) => admin.has(e.org_id)),
    );
    if (targets instanceof Response) return targets;
    for (const enrollment of targets) {
      if (enrollment.status === 'deactivated') {
        return postgrestError(
          400,
          'P0001',
          'This therapist was deactivated; deactivation is permanent and cannot be undone.',
          'enrollment_deactivated',
        );
      }
    }
    for (const enrollment of targets) enrollment.status = body.status as ProgramEnrollment['status'];
    return params.has('select')
      ? HttpResponse.json(targets.map((e) => ({ id: e.id })))
      : new HttpResponse(null, { status: 204 });
  }),

  http.delete(`${rest}/program_enrollments`, async ({ request }) => {
    await log(request, 'program_enrollments');
    const userId = userIdFromBearer(request);
    if (userId === null)
      return postgrestError(401, '42501', 'permission denied for table program_enrollments');
    const admin = orgsWithRole(userId, 'org_admin');
    const params = new URL(request.url).searchParams;
    const targets = writeTargets(
      params,
      programDb.enrollments.filter((e) => admin.has(e.org_id)),
    );
    if (targets instanceof Response) return targets;
    for (const enrollment of targets) {
      if (enrollment.status === 'deactivated') {
        return postgrestError(
          400,
          'P0001',
          'A deactivated enrollment stays on record and cannot be deleted.',
          'enrollment_deactivated',
        );
      }
      if (enrollment.submitted) {
        return postgrestError(
          400,
          'P0001',
          'Only enrollments whose application is Incomplete can be deleted; deactivate this one instead.',
          'application_completed',
        );
      }
    }
    programDb.enrollments = programDb.enrollments.filter((e) => !targets.includes(e));
    return params.has('select')
      ? HttpResponse.json(targets.map((e) => ({ id: e.id })))
      : new HttpResponse(null, { status: 204 });
  }),
];
