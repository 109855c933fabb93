/**
 * The Schedule's tables at the network edge, answering like PostgREST 12 over the migrations'
 * rules (supabase/migrations/20261128000500_availability.sql): staff read their clinic's locations
 * and availability; therapists write their own blocks, org admins anyone's in the clinic;
 * appointments and requests are read by admins and schedulers (the clinic's) and therapists (their
 * own); clients by admins and schedulers only. Blocks expand to occurrences in the location's time
 * zone; an overlapping block is refused with the database's message, as is Accept External
 * Appointments for a therapist not enrolled and active. Tests call `resetScheduleData()` first.
 */
import { http, HttpResponse } from 'msw';
import type { Tables } from '@/types/database.types';
import { userIdFromBearer } from './auth-handlers';
import { db, orgIds, staffId } from './data';
import { testSupabaseUrl } from './env';

const rest = `${testSupabaseUrl}/rest/v1`;
type Row = Record<string, unknown>;
type Block = Tables<'availability_blocks'>;

export const locationIds = {
  backBay: '10ca0000-0000-4000-8000-000000000001',
  denver: '10ca0000-0000-4000-8000-000000000002',
  oakPark: '10ca0000-0000-4000-8000-000000000003',
} as const;

/** Hannah Whitaker: a Harborview therapist who is not enrolled in the program (no persona in data.ts). */
export const unenrolledTherapist = {
  email: 'hannah.whitaker@harborviewcounseling.com',
  staffId: staffId('07'),
} as const;

const created = '2027-01-04T15:00:00+00:00';

const block = (
  id: string,
  staff: string,
  location: string,
  weekdays: number[],
  start: string,
  end: string,
  external: boolean,
  org: string = orgIds.harborview,
): Block => ({
  id: `b10c0000-0000-4000-8000-0000000000${id}`,
  org_id: org,
  staff_id: staffId(staff),
  location_id: location,
  valid_from: '2027-01-04',
  valid_until: null,
  weekdays,
  start_time: `${start}:00`,
  end_time: `${end}:00`,
  accept_external: external,
  created_at: created,
  updated_at: created,
});

/** The seed's weekly availability (from a fixed date), and one block at Cedar Ridge. */
function initialBlocks(): Block[] {
  return [
    block('01', '03', locationIds.backBay, [1, 3, 4], '09:00', '12:00', true),
    block('02', '03', locationIds.backBay, [2], '13:00', '17:00', true),
    block('03', '04', locationIds.backBay, [1, 2, 3, 4, 5], '10:00', '16:00', false),
    block('04', '05', locationIds.denver, [2, 4], '09:00', '15:00', true),
    block('05', '09', locationIds.oakPark, [1], '09:00', '10:00', false, orgIds.cedarRidge),
  ];
}

/** The seed's enrollments: Priya, Jordan and Sofia are enrolled and active. */
function initialEnrollments(): Pick<
  Tables<'program_enrollments'>,
  'id' | 'org_id' | 'staff_id' | 'status'
>[] {
  return ['03', '04', '05'].map((s) => ({
    id: `e0000000-0000-4000-8000-0000000000${s}`,
    org_id: orgIds.harborview,
    staff_id: staffId(s),
    status: 'active' as const,
  }));
}

export const scheduleData = {
  blocks: initialBlocks(),
  enrollments: initialEnrollments(),
  clients: [
    {
      id: 'c1000000-0000-4000-8000-000000000001',
      org_id: orgIds.harborview,
      first_name: 'Ana',
      last_name: 'Silva',
    },
  ],
  /** Priya's appointment on Monday 3 May 2027, 10:00–11:00 in Boston. */
  appointments: [
    {
      id: 'a0000000-0000-4000-8000-000000000001',
      org_id: orgIds.harborview,
      staff_id: staffId('03'),
      client_id: 'c1000000-0000-4000-8000-000000000001',
      location_id: locationIds.backBay as string | null,
      during: '["2027-05-03 14:00:00+00","2027-05-03 15:00:00+00")',
      status: 'scheduled',
    },
  ],
  /** A pending request for Priya on Thursday 6 May 2027, 10:00–11:00 in Boston, and a confirmed one. */
  requests: [
    {
      id: 'f0000000-0000-4000-8000-000000000001',
      org_id: orgIds.harborview,
      therapist_id: staffId('03'),
      location_id: locationIds.backBay as string | null,
      slot: '["2027-05-06 14:00:00+00","2027-05-06 15:00:00+00")',
      status: 'pending',
      source: 'payer',
      payer_id: 'b0a1e000-0000-4000-8000-000000000001',
      first_name: 'Jamie',
      last_name: 'Cole',
    },
    {
      id: 'f0000000-0000-4000-8000-000000000002',
      org_id: orgIds.harborview,
      therapist_id: staffId('03'),
      location_id: locationIds.backBay as string | null,
      slot: '["2027-05-04 18:00:00+00","2027-05-04 19:00:00+00")',
      status: 'confirmed',
      source: 'client_portal',
      payer_id: null as string | null,
      first_name: 'Lee',
      last_name: 'Park',
    },
  ],
  payers: [{ id: 'b0a1e000-0000-4000-8000-000000000001', name: 'Aetna' }],
};

export function resetScheduleData(): void {
  scheduleData.blocks = initialBlocks();
  scheduleData.enrollments = initialEnrollments();
}

// what the signed-in user may see and do ---------------------------------------------------------

function access(request: Request) {
  const userId = userIdFromBearer(request);
  const mine = db.staff_members.filter((s) => userId !== null && s.user_id === userId && s.is_active);
  const memberOrgs = new Set(mine.map((s) => s.org_id));
  const viewerOrgs = new Set(
    mine.filter((s) => s.roles.some((r) => r === 'org_admin' || r === 'scheduler')).map((s) => s.org_id),
  );
  const adminOrgs = new Set(mine.filter((s) => s.roles.includes('org_admin')).map((s) => s.org_id));
  const myStaffIds = new Set(mine.map((s) => s.id));
  return {
    signedIn: userId !== null,
    memberOrgs,
    readsProgram: (org: string, staff: string) => viewerOrgs.has(org) || myStaffIds.has(staff),
    readsClients: (org: string) => viewerOrgs.has(org),
    manages: (org: string, staff: string) => myStaffIds.has(staff) || adminOrgs.has(org),
  };
}

// PostgREST's request and response shapes ---------------------------------------------------------

const postgrestError = (status: number, code: string, message: string, hint: string | null = null) =>
  HttpResponse.json({ code, details: null, hint, message }, { status });
const denied = (table: string) => postgrestError(401, '42501', `permission denied for table ${table}`);

interface Embed {
  alias: string;
  relation: string;
  columns: string[];
}

/** `a, b, alias:relation(c, d)` → columns and embeds. */
function parseSelect(select: string): { columns: string[]; embeds: Embed[] } {
  const columns: string[] = [];
  const embeds: Embed[] = [];
  for (const item of select.match(/(?:\w+:)?\w+\([^)]*\)|[\w*]+/g) ?? []) {
    const embed = /^(?:(\w+):)?(\w+)\(([^)]*)\)$/.exec(item);
    if (embed) {
      const [, alias, relation = '', inner = ''] = embed;
      embeds.push({
        alias: alias ?? relation,
        relation,
        columns: inner
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      });
    } else columns.push(item);
  }
  return { columns, embeds };
}

function pick(row: Row, columns: readonly string[], table: string): Row | Response {
  const out: Row = {};
  for (const column of columns) {
    if (column === '*') Object.assign(out, row);
    else if (column in row) out[column] = row[column];
    else return postgrestError(400, '42703', `column ${table}.${column} does not exist`);
  }
  return out;
}

/** Postgres's text for a timestamptz in UTC: `2027-05-04 13:00:00+00`. */
const pgTimestamp = (date: Date) =>
  date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '+00');
const pgRange = (start: Date, end: Date) => `["${pgTimestamp(start)}","${pgTimestamp(end)}")`;

/** Reads `[a,b)` as PostgREST's `ov.` filter sends it, or as the database prints it. */
function readRange(text: string): { start: number; end: number } | null {
  const match = /^[[(]"?([^",]+)"?,"?([^",]+)"?[\])]$/.exec(text);
  if (!match) return null;
  const parse = (t: string) => Date.parse(t.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00'));
  const start = parse(match[1] ?? '');
  const end = parse(match[2] ?? '');
  return Number.isNaN(start) || Number.isNaN(end) ? null : { start, end };
}

/** `eq.` on any column, `ov.` on range columns; anything else is a test-backend gap, said loudly. */
function applyFilters<T extends Row>(
  rows: T[],
  params: URLSearchParams,
  table: string,
  columns: readonly string[],
): T[] | Response {
  let result = rows;
  for (const [column, filter] of params) {
    if (['select', 'order', 'limit', 'offset', 'columns'].includes(column)) continue;
    if (!columns.includes(column))
      return postgrestError(400, '42703', `column ${table}.${column} does not exist`);
    const eq = /^eq\.(.*)$/.exec(filter);
    const ov = /^ov\.(.*)$/.exec(filter);
    if (eq) result = result.filter((row) => String(row[column]) === eq[1]);
    else if (ov) {
      const wanted = readRange(ov[1] ?? '');
      if (!wanted) return postgrestError(400, '22000', `malformed range literal: "${ov[1]}"`);
      result = result.filter((row) => {
        const range = readRange(String(row[column]));
        return range !== null && range.start < wanted.end && wanted.start < range.end;
      });
    } else
      return postgrestError(
        400,
        'PGRST100',
        `the test backend supports eq and ov filters, got ${column}=${filter}`,
      );
  }
  return result;
}

function respond(request: Request, rows: Row[], status = 200): Response {
  if (request.headers.get('Accept')?.startsWith('application/vnd.pgrst.object+json')) {
    if (rows.length !== 1)
      return postgrestError(406, 'PGRST116', 'JSON object requested, multiple (or no) rows returned');
    return HttpResponse.json(rows[0], { status });
  }
  return HttpResponse.json(rows, { status });
}

/** Selects columns and embeds of `rows`; `related` finds an embed's row (undefined: hidden or none). */
function project(
  rows: Row[],
  select: string,
  table: string,
  related: Record<string, (row: Row) => Row | undefined>,
): Row[] | Response {
  const { columns, embeds } = parseSelect(select);
  const out: Row[] = [];
  for (const row of rows) {
    const picked = pick(row, columns, table);
    if (picked instanceof Response) return picked;
    for (const embed of embeds) {
      const find = related[embed.relation];
      if (!find) {
        return postgrestError(
          400,
          'PGRST200',
          `Could not find a relationship between '${table}' and '${embed.relation}' in the schema cache`,
        );
      }
      const target = find(row);
      if (target === undefined) picked[embed.alias] = null;
      else {
        const inner = pick(target, embed.columns, embed.relation);
        if (inner instanceof Response) return inner;
        picked[embed.alias] = inner;
      }
    }
    out.push(picked);
  }
  return out;
}

// availability: blocks expanded in their location's zone ------------------------------------------

/** The instant a wall clock in `zone` shows `date` `time` (two passes settle daylight-saving days). */
function zonedInstant(date: string, time: string, zone: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  const wallAt = (instant: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      })
        .formatToParts(instant)
        .map((p) => [p.type, Number(p.value)]),
    );
    return Date.UTC(
      parts.year ?? 0,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
    );
  };
  let instant = wanted - (wallAt(wanted) - wanted);
  instant = wanted - (wallAt(instant) - instant);
  return new Date(instant);
}

const dayMs = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A block's occurrences between two dates (inclusive), as the database's expansion writes them. */
function occurrencesOf(b: Block, fromDate: string, untilDate: string): { start: Date; end: Date }[] {
  const zone = db.locations.find((l) => l.id === b.location_id)?.time_zone ?? 'UTC';
  const first = Math.max(Date.parse(b.valid_from), Date.parse(fromDate));
  const last = Math.min(b.valid_until ? Date.parse(b.valid_until) : Infinity, Date.parse(untilDate));
  const out: { start: Date; end: Date }[] = [];
  for (let day = first; day <= last; day += dayMs) {
    const isoWeekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
    if (b.weekdays !== null && !b.weekdays.includes(isoWeekday)) continue;
    out.push({
      start: zonedInstant(isoDate(day), b.start_time, zone),
      end: zonedInstant(isoDate(day), b.end_time, zone),
    });
  }
  return out;
}

/** The first block of the same therapist that `candidate` overlaps, as the exclusion constraint finds it. */
function clashOf(candidate: Block): Block | undefined {
  const horizon = (from: string) => isoDate(Date.parse(from) + 400 * dayMs);
  const mine = occurrencesOf(
    candidate,
    candidate.valid_from,
    candidate.valid_until ?? horizon(candidate.valid_from),
  );
  return scheduleData.blocks.find(
    (other) =>
      other.id !== candidate.id &&
      other.staff_id === candidate.staff_id &&
      occurrencesOf(other, candidate.valid_from, candidate.valid_until ?? horizon(candidate.valid_from)).some(
        (o) => mine.some((m) => m.start < o.end && o.start < m.end),
      ),
  );
}

const blockColumns = Object.keys(initialBlocks()[0] ?? {});
const updatableColumns = [
  'location_id',
  'valid_from',
  'valid_until',
  'weekdays',
  'start_time',
  'end_time',
  'accept_external',
];
const withSeconds = (time: unknown) =>
  typeof time === 'string' && /^\d{2}:\d{2}$/.test(time) ? `${time}:00` : time;

/** The database's checks on a block, in the order its constraints and triggers run. */
function refuse(candidate: Block): Response | null {
  if (!(candidate.end_time > candidate.start_time)) {
    return postgrestError(
      400,
      '23514',
      'new row for relation "availability_blocks" violates check constraint "availability_blocks_end_time_after_start_time"',
    );
  }
  if (
    candidate.accept_external &&
    !scheduleData.enrollments.some((e) => e.staff_id === candidate.staff_id && e.status === 'active')
  ) {
    return postgrestError(
      400,
      'P0001',
      'Accept External Appointments is only for therapists enrolled and active in the Client Referral Program.',
      'not_enrolled',
    );
  }
  const clash = clashOf(candidate);
  if (clash) {
    return postgrestError(
      409,
      '23P01',
      `This block overlaps another availability block of the same therapist (${clash.start_time.slice(0, 5)}–${clash.end_time.slice(0, 5)}).`,
      'availability_overlap',
    );
  }
  return null;
}

export const scheduleHandlers = [
  http.get(`${rest}/locations`, ({ request }) => {
    const who = access(request);
    if (!who.signedIn) return denied('locations');
    const params = new URL(request.url).searchParams;
    const visible = db.locations.filter((l) => who.memberOrgs.has(l.org_id));
    const filtered = applyFilters(visible, params, 'locations', Object.keys(db.locations[0] ?? {}));
    if (filtered instanceof Response) return filtered;
    const sorted = params.get('order')?.startsWith('name')
      ? [...filtered].sort((a, b) => a.name.localeCompare(b.name))
      : filtered;
    const rows = project(sorted, params.get('select') ?? '*', 'locations', {});
    return rows instanceof Response ? rows : respond(request, rows);
  }),

  http.get(`${rest}/program_enrollments`, ({ request }) => {
    const who = access(request);
    if (!who.signedIn) return denied('program_enrollments');
    const params = new URL(request.url).searchParams;
    const visible = scheduleData.enrollments.filter((e) => who.readsProgram(e.org_id, e.staff_id));
    const filtered = applyFilters(visible, params, 'program_enrollments', [
      'id',
      'org_id',
      'staff_id',
      'status',
    ]);
    if (filtered instanceof Response) return filtered;
    const rows = project(filtered, params.get('select') ?? '*', 'program_enrollments', {});
    return rows instanceof Response ? rows : respond(request, rows);
  }),

  http.get(`${rest}/availability_occurrences`, ({ request }) => {
    const who = access(request);
    if (!who.signedIn) return denied('availability_occurrences');
    const params = new URL(request.url).searchParams;
    // expand only around the range asked for (the database keeps about 400 days expanded)
    const during = readRange((params.get('during') ?? '').replace(/^ov\./, ''));
    if (!during)
      return postgrestError(
        400,
        'PGRST100',
        'the test backend needs a during=ov.[…) filter on availability_occurrences',
      );
    const from = isoDate(during.start - dayMs);
    const until = isoDate(during.end + dayMs);
    const occurrences = scheduleData.blocks
      .filter((b) => who.memberOrgs.has(b.org_id))
      .flatMap((b) =>
        occurrencesOf(b, from, until).map((o) => ({
          block_id: b.id,
          org_id: b.org_id,
          staff_id: b.staff_id,
          during: pgRange(o.start, o.end),
        })),
      );
    const filtered = applyFilters(occurrences, params, 'availability_occurrences', [
      'block_id',
      'org_id',
      'staff_id',
      'during',
    ]);
    if (filtered instanceof Response) return filtered;
    const rows = project(filtered, params.get('select') ?? '*', 'availability_occurrences', {
      availability_blocks: (row) => scheduleData.blocks.find((b) => b.id === row.block_id),
    });
    return rows instanceof Response ? rows : respond(request, rows);
  }),

  http.get(`${rest}/appointments`, ({ request }) => {
    const who = access(request);
    if (!who.signedIn) return denied('appointments');
    const params = new URL(request.url).searchParams;
    const visible = scheduleData.appointments.filter((a) => who.readsProgram(a.org_id, a.staff_id));
    const filtered = applyFilters(
      visible,
      params,
      'appointments',
      Object.keys(scheduleData.appointments[0] ?? {}),
    );
    if (filtered instanceof Response) return filtered;
    const rows = project(filtered, params.get('select') ?? '*', 'appointments', {
      clients: (row) =>
        scheduleData.clients.find((c) => c.id === row.client_id && who.readsClients(c.org_id)),
    });
    return rows instanceof Response ? rows : respond(request, rows);
  }),

  http.get(`${rest}/referral_requests`, ({ request }) => {
    const who = access(request);
    if (!who.signedIn) return denied('referral_requests');
    const params = new URL(request.url).searchParams;
    const visible = scheduleData.requests.filter((r) => who.readsProgram(r.org_id, r.therapist_id));
    const filtered = applyFilters(
      visible,
      params,
      'referral_requests',
      Object.keys(scheduleData.requests[0] ?? {}),
    );
    if (filtered instanceof Response) return filtered;
    const rows = project(filtered, params.get('select') ?? '*', 'referral_requests', {
      payers: (row) => scheduleData.payers.find((p) => p.id === row.payer_id),
    });
    return rows instanceof Response ? rows : respond(request, rows);
  }),

  http.post(`${rest}/availability_blocks`, async ({ request }) => {
    const who = access(request);
    if (!who.signedIn) return denied('availability_blocks');
    const body = (await request.json()) as Row;
    const unknown = Object.keys(body).find((column) => !blockColumns.includes(column));
    if (unknown)
      return postgrestError(
        400,
        'PGRST204',
        `Could not find the '${unknown}' column of 'availability_blocks' in the schema cache`,
      );
    const candidate: Block = {
      ...(body as unknown as Block),
      id: `b10c0000-0000-4000-8000-${String(scheduleData.blocks.length + 1).padStart(12, '0')}`,
      valid_until: (body.valid_until as string | null | undefined) ?? null,
      weekdays: (body.weekdays as number[] | null | undefined) ?? null,
      start_time: withSeconds(body.start_time) as string,
      end_time: withSeconds(body.end_time) as string,
      accept_external: (body.accept_external as boolean | undefined) ?? false,
      created_at: created,
      updated_at: created,
    };
    if (!who.manages(candidate.org_id, candidate.staff_id)) {
      return postgrestError(
        403,
        '42501',
        'new row violates row-level security policy for table "availability_blocks"',
      );
    }
    const refused = refuse(candidate);
    if (refused) return refused;
    scheduleData.blocks.push(candidate);
    const rows = project(
      [candidate],
      new URL(request.url).searchParams.get('select') ?? '*',
      'availability_blocks',
      {},
    );
    return rows instanceof Response ? rows : respond(request, rows, 201);
  }),

  http.patch(`${rest}/availability_blocks`, async ({ request }) => {
    const who = access(request);
    if (!who.signedIn) return denied('availability_blocks');
    const params = new URL(request.url).searchParams;
    const body = (await request.json()) as Row;
    const forbidden = Object.keys(body).find((column) => !updatableColumns.includes(column));
    if (forbidden) return postgrestError(403, '42501', 'permission denied for table availability_blocks');
    const reachable = scheduleData.blocks.filter(
      (b) => who.memberOrgs.has(b.org_id) && who.manages(b.org_id, b.staff_id),
    );
    const targets = applyFilters(reachable, params, 'availability_blocks', blockColumns);
    if (targets instanceof Response) return targets;
    const updated: Block[] = [];
    for (const target of targets) {
      const next: Block = {
        ...target,
        ...(body as Partial<Block>),
        start_time: String(withSeconds(body.start_time ?? target.start_time)),
        end_time: String(withSeconds(body.end_time ?? target.end_time)),
      };
      const refused = refuse(next);
      if (refused) return refused;
      updated.push(next);
    }
    scheduleData.blocks = scheduleData.blocks.map((b) => updated.find((u) => u.id === b.id) ?? b);
    const rows = project(updated, params.get('select') ?? '*', 'availability_blocks', {});
    return rows instanceof Response ? rows : respond(request, rows);
  }),

  http.delete(`${rest}/availability_blocks`, ({ request }) => {
    const who = access(request);
    if (!who.signedIn) return denied('availability_blocks');
    const params = new URL(request.url).searchParams;
    const reachable = scheduleData.blocks.filter(
      (b) => who.memberOrgs.has(b.org_id) && who.manages(b.org_id, b.staff_id),
    );
    const targets = applyFilters(reachable, params, 'availability_blocks', blockColumns);
    if (targets instanceof Response) return targets;
    scheduleData.blocks = scheduleData.blocks.filter((b) => !targets.includes(b));
    const rows = project(targets, params.get('select') ?? '*', 'availability_blocks', {});
    return rows instanceof Response ? rows : respond(request, rows);
  }),
];
